package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.util.Map;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

/** The tool's pages, under /s/{space}/hello. Each route names the capability the core checks first. */
final class HelloRoutes implements Routes {
  static final int MAX_LENGTH = 500;
  private final NoteStore notes;
  private final ActivityLog activity;

  @Inject
  HelloRoutes(NoteStore notes, ActivityLog activity) {
    this.notes = notes;
    this.activity = activity;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", "view", this::list);
    r.get("/new", "write", this::form);
    r.post("/notes", "write", this::add);
  }

  private Reply list(ToolRequest req) {
    return Page.of("hello/list", Map.of("greeting", req.setting("greeting"), "notes", notes.latest(req.space())));
  }

  private Reply form(ToolRequest req) {
    return Page.of("hello/new", Map.of("text", "")).title("Write a note");
  }

  private Reply add(ToolRequest req) {
    String text = req.form("text");
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      // Show the form again with what they typed, so nothing is lost.
      return Page.of("hello/new", Map.of("text", text, "error", "Write between 1 and " + MAX_LENGTH + " characters."))
          .title("Write a note").status(422);
    }
    notes.add(req.space(), req.user(), text);
    activity.record(req.user(), req.space(), "note", "wrote a note");
    return Reply.redirect("").flash("Your note is saved.");
  }
}
