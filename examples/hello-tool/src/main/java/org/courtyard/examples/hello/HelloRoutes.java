package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

/** The tool's pages, under /s/{space}/hello. Each route names the capability the core checks first. */
final class HelloRoutes implements Routes {
  // The tool's words are in messages/hello*.properties, one file per language; code names them here once.
  static final Message SAVED = Message.of("hello.saved");
  static final Message WRITE = Message.of("hello.write");
  // The usage page shows this in the ICT leader's language: the core keeps the key, not the English.
  static final Message WROTE = Message.of("hello.activity.wrote");

  private final NoteStore notes;
  private final ToolServices core;

  @Inject
  HelloRoutes(NoteStore notes, ToolServices core) {
    this.notes = notes;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", HelloTool.VIEW, this::list);
    r.get("/new", HelloTool.WRITE, this::form);
    // The last argument is the page shown again, with the problems and what was typed, on bad input.
    r.post("/notes", HelloTool.WRITE, this::add, this::form);
    // For a page's own script: plain maps and lists (records are not turned into JSON).
    r.get("/notes.json", HelloTool.VIEW, req -> Reply.json(Map.of("notes", notes.latest(req.space()).stream()
        .map(n -> Map.of("author", n.author(), "text", n.body(), "at", n.at().toString(), "lang", n.lang() == null ? "" : n.lang())).toList())));
  }

  private Reply list(ToolRequest req) {
    var latest = notes.latest(req.space());
    return Page.of("hello/list", Map.of("greeting", req.setting(HelloTool.GREETING), "notes", latest, "count", latest.size()));
  }

  private Page form(ToolRequest req) {
    return Page.of("hello/new", Map.of("maxLength", req.setting(HelloTool.MAX_LENGTH))).title(req.text(WRITE));
  }

  private Reply add(ToolRequest req) {
    // Refuses an empty or over-long note with a message on the field; the core shows the form again (422).
    String text = req.formText("text", req.text(Message.of("hello.yourNote")), req.setting(HelloTool.MAX_LENGTH).intValue());
    // The language it is written in, if not the page's: kept as written, marked so screen readers read it right.
    String lang = org.courtyard.api.i18n.ContentLanguage.of(req.form("lang")).orElse(null);
    notes.add(req.space(), req.user(), text, core.clock().instant(), lang);
    core.activity().record(req.user(), req.space(), "note", WROTE);
    return Reply.redirect("").flash(req.text(SAVED));
  }
}
