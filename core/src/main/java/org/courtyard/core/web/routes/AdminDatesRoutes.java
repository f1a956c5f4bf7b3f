package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.calendar.SchoolDates;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** School admin → Term dates: the terms, holidays and closures everyone at the school sees on their calendar. */
public final class AdminDatesRoutes {
  private final Web web;
  private final AdminPages admin;
  private final SchoolDates dates;

  @Inject
  public AdminDatesRoutes(Web web, AdminPages admin, SchoolDates dates) {
    this.web = web;
    this.admin = admin;
    this.dates = dates;
  }

  public void mount(Router r) {
    r.get("/admin/:school/dates").handler(web.page(this::list));
    r.post("/admin/:school/dates").handler(web.page(this::add));
    r.post("/admin/:school/dates/:id/delete").handler(web.page(this::delete));
  }

  private Reply list(WebRequest req) { return page(req, admin.school(req), null, Map.of(), 200); }

  private Page page(WebRequest req, Space school, String error, Map<String, String> typed, int status) {
    Map<String, Object> m = new HashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SchoolDates.SchoolDate d : dates.all(school.id())) {
      rows.add(Map.of("id", d.id(), "name", d.name(), "kind", req.t("calendar.schoolDate." + d.kind().name()),
          "starts", d.starts().toString(), "ends", d.ends().toString()));
    }
    m.put("dates", rows);
    m.put("error", error);
    m.put("typed", typed);
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (SchoolDates.Kind k : SchoolDates.Kind.values()) {
      kinds.add(Map.of("value", k.name(), "label", req.t("calendar.schoolDate." + k.name()), "selected", k.name().equals(typed.get("kind"))));
    }
    m.put("kinds", kinds);
    return AdminPages.page("dates", school, m, req.t("admin.dates.title")).status(status);
  }

  private Reply add(WebRequest req) {
    Space school = admin.school(req);
    Map<String, String> typed = Map.of("name", req.form("name"), "kind", req.form("kind"), "starts", req.form("starts"), "ends", req.form("ends"));
    String name = req.form("name").trim();
    if (name.isEmpty() || name.length() > 200) return page(req, school, req.t("admin.dates.needName"), typed, 422);
    SchoolDates.Kind kind;
    LocalDate starts;
    LocalDate ends;
    try {
      kind = SchoolDates.Kind.valueOf(req.form("kind"));
      starts = LocalDate.parse(req.form("starts"));
      ends = req.form("ends").isBlank() ? starts : LocalDate.parse(req.form("ends"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return page(req, school, req.t("admin.dates.badDate"), typed, 422);
    }
    if (ends.isBefore(starts)) return page(req, school, req.t("admin.dates.endsBefore"), typed, 422);
    dates.add(school.id(), kind, name, starts, ends);
    admin.activity(req, school, "school-date", "admin.activity.schoolDate", "name", name);
    return Reply.redirect(AdminPages.base(school) + "/dates").flash(req.t("admin.dates.added", "name", name));
  }

  private Reply delete(WebRequest req) {
    Space school = admin.school(req);
    long id = req.pathId("id");
    SchoolDates.SchoolDate d = dates.byId(school.id(), id).orElseThrow(() -> org.courtyard.api.web.HttpProblem.notFound(req.t("admin.dates.noSuchDate")));
    dates.delete(school.id(), id);
    return Reply.redirect(AdminPages.base(school) + "/dates").flash(req.t("admin.dates.deleted", "name", d.name()));
  }
}
