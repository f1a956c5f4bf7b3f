package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.web.Csv;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** The ICT leader reads, filters and downloads the school's audit log, and sets how long it is kept. */
public final class AuditRoutes {
  private static final int SHOWN = 500;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private final Web web;
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final AuditLog audit;

  @Inject
  public AuditRoutes(Web web, SpaceStore spaces, PermissionService permissions, AuditLog audit) {
    this.web = web;
    this.spaces = spaces;
    this.permissions = permissions;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.get("/admin/:school/audit").handler(web.page(this::list));
    router.get("/admin/:school/audit.csv").handler(web.page(this::csv));
    router.post("/admin/:school/audit/settings").handler(web.page(this::settings));
  }

  private Space school(WebRequest req) {
    Space school = AdminPages.requireSchoolAdmin(req, spaces, permissions);
    req.crumb(req.t("admin.audit.title"), "/admin/" + school.slug() + "/audit");
    return school;
  }

  /** The filter from the query; a date that cannot be read is reported, never silently dropped. */
  private record Query(AuditLog.Filter filter, String error) {}

  private static Query query(WebRequest req) {
    AuditLog.Action action = null;
    String error = null;
    String a = req.query("action").orElse("");
    if (!a.isEmpty()) {
      try {
        action = AuditLog.Action.valueOf(a);
      } catch (IllegalArgumentException e) {
        error = req.t("admin.audit.noAction", "action", a);
      }
    }
    Instant from = null;
    Instant to = null;
    try {
      from = req.query("from").map(d -> LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
      to = req.query("to").map(d -> LocalDate.parse(d).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
    } catch (DateTimeParseException e) {
      error = req.t("admin.audit.badDate");
    }
    return new Query(error != null ? AuditLog.Filter.ALL : new AuditLog.Filter(action, req.query("person").orElse(null), from, to), error);
  }

  private Reply list(WebRequest req) {
    Space school = school(req);
    Query q = query(req);
    List<AuditLog.Entry> found = audit.find(school.id(), q.filter(), SHOWN + 1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AuditLog.Entry e : found.stream().limit(SHOWN).toList()) {
      Map<String, Object> r = new HashMap<>();
      r.put("at", WHEN.format(e.at()));
      r.put("what", req.t(e.action().words()));
      r.put("actor", e.actorName() == null ? "—" : e.actorName());
      r.put("subject", e.subjectName() == null ? "—" : e.subjectName());
      r.put("detail", e.detail());
      r.put("address", e.address() == null ? "" : e.address());
      rows.add(r);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("school", SpaceRoutes.card(school));
    m.put("base", "/admin/" + school.slug());
    m.put("entries", rows);
    m.put("count", rows.size());
    m.put("more", found.size() > SHOWN);
    m.put("days", audit.days(school.id()));
    m.put("daysText", String.valueOf(audit.days(school.id())));
    m.put("error", q.error());
    String selected = req.query("action").orElse("");
    List<Map<String, Object>> actions = new ArrayList<>();
    for (AuditLog.Action a : AuditLog.Action.values()) actions.add(Map.of("value", a.name(), "label", req.t(a.words()), "selected", a.name().equals(selected)));
    m.put("actions", actions);
    m.put("person", req.query("person").orElse(""));
    m.put("from", req.query("from").orElse(""));
    m.put("to", req.query("to").orElse(""));
    String rawQuery = req.routing().request().query();
    m.put("query", rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    return Page.of("admin/audit", m).title(req.t("admin.audit.title")).status(q.error() == null ? 200 : 422);
  }

  private Reply csv(WebRequest req) {
    Space school = school(req);
    Query q = query(req);
    StringBuilder out = new StringBuilder(String.join(",", heading(req.t("admin.audit.csv.when")), heading(req.t("admin.audit.csv.what")),
        heading(req.t("admin.audit.csv.actor")), heading(req.t("admin.audit.csv.subject")), heading(req.t("admin.audit.csv.detail")),
        heading(req.t("admin.audit.csv.address")))).append("\r\n");
    for (AuditLog.Entry e : audit.find(school.id(), q.filter(), 100_000)) {
      out.append(String.join(",", Csv.cell(WHEN.format(e.at())), Csv.cell(req.t(e.action().words())), Csv.cell(e.actorName()),
          Csv.cell(e.subjectName()), Csv.cell(e.detail()), Csv.cell(e.address()))).append("\r\n");
    }
    return Reply.text(out.toString(), "text/csv; charset=utf-8");
  }

  /** A column's name in the reader's language: bare when it is one plain word (as spreadsheets expect), quoted otherwise. */
  private static String heading(String name) {
    return name.matches("[\\p{L}\\p{N}_]+") ? name : Csv.cell(name);
  }

  private Reply settings(WebRequest req) {
    Space school = school(req);
    String back = "/admin/" + school.slug() + "/audit";
    try {
      audit.setDays(school.id(), Integer.parseInt(req.form("days")), req.user());
    } catch (NumberFormatException e) {
      return Reply.redirect(back).flash(req.t("admin.audit.daysNotNumber"));
    } catch (IllegalArgumentException e) {
      return Reply.redirect(back).flash(req.t("admin.nothingChanged", "problem", req.problem(e)));
    }
    return Reply.redirect(back).flash(req.t("admin.audit.daysSaved", "days", req.form("days")));
  }

}
