package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.event.SchoolYearEnded;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.config.Config;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.jobs.JobScheduler;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.privacy.Erasure;
import org.courtyard.core.privacy.LeaverRetention;
import org.courtyard.core.privacy.SubjectAccess;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The school's privacy duties, for the ICT leader: a subject access download of everything every tool
 * holds about one person, erasing a person's data, how long leavers' data is kept, the school's time
 * zone, ending the school year, and when the scheduled jobs last ran.
 */
public final class PrivacyRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final UserStore users;
  private final SubjectAccess subjectAccess;
  private final Erasure erasure;
  private final LeaverRetention retention;
  private final SchoolStore schools;
  private final AuditLog audit;
  private final EventHub events;
  private final JobScheduler jobs;
  private final Clock clock;
  private final Path scratch;

  @Inject
  public PrivacyRoutes(Web web, SpaceStore spaces, PermissionService permissions, UserStore users, SubjectAccess subjectAccess,
                       Erasure erasure, LeaverRetention retention, SchoolStore schools, AuditLog audit, EventHub events,
                       JobScheduler jobs, Clock clock, Config config) {
    this.web = web;
    this.spaces = spaces;
    this.permissions = permissions;
    this.users = users;
    this.subjectAccess = subjectAccess;
    this.erasure = erasure;
    this.retention = retention;
    this.schools = schools;
    this.audit = audit;
    this.events = events;
    this.jobs = jobs;
    this.clock = clock;
    this.scratch = config.dataDir().resolve("exports");
  }

  public void mount(Router router) {
    router.get("/admin/:school/privacy").handler(web.page(this::overview));
    router.post("/admin/:school/privacy/settings").handler(web.page(this::saveSettings));
    router.post("/admin/:school/privacy/year-end").handler(web.page(this::endYear));
    router.get("/admin/:school/users/:id/data").handler(web.page(this::personData));
    router.get("/admin/:school/users/:id/data.zip").handler(web.page(this::download));
    router.post("/admin/:school/users/:id/erase").handler(web.page(this::erase));
  }

  private Space school(WebRequest req) {
    Space school = AdminPages.requireSchoolAdmin(req, spaces, permissions);
    req.crumb(req.t("admin.privacy.crumb"), base(school));
    return school;
  }

  private static String base(Space school) { return "/admin/" + school.slug() + "/privacy"; }

  private Reply overview(WebRequest req) { return overviewPage(req, school(req), null, 200); }

  private Page overviewPage(WebRequest req, Space school, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("leaverDays", retention.days(school.id()));
    m.put("zone", schools.timeZone(school.id()).map(ZoneId::getId).orElse(""));
    m.put("installationZone", jobs.zone().getId());
    m.put("error", error);
    List<Map<String, Object>> js = new ArrayList<>();
    for (JobScheduler.State s : jobs.states()) {
      Map<String, Object> j = new HashMap<>();
      j.put("key", s.key());
      j.put("next", s.nextDue());
      j.put("last", s.lastStarted() == null ? req.t("admin.privacy.never") : req.t("admin.privacy.lastOn", "when", String.valueOf(s.lastStarted()), "node", s.lastNode()));
      j.put("outcome", s.lastOutcome() == null ? "" : s.lastOutcome());
      j.put("failed", s.lastOutcome() != null && s.lastOutcome().startsWith("failed"));
      js.add(j);
    }
    m.put("jobs", js);
    return AdminPages.page("privacy", school, m, req.t("admin.privacy.pageTitle", "school", school.name())).status(status);
  }

  private Reply saveSettings(WebRequest req) {
    Space school = school(req);
    int days;
    ZoneId zone = null;
    try {
      days = Integer.parseInt(req.form("leaverDays"));
      if (days < 0 || days > 36_500) throw new NumberFormatException();
      if (!req.form("zone").isEmpty()) zone = ZoneId.of(req.form("zone"));
    } catch (NumberFormatException e) {
      return overviewPage(req, school, req.t("admin.privacy.badDays"), 422);
    } catch (DateTimeException e) {
      return overviewPage(req, school, req.t("admin.privacy.badZone", "zone", req.form("zone")), 422);
    }
    retention.setDays(school.id(), days);
    schools.setTimeZone(school.id(), zone);
    audit.record(school.id(), AuditLog.Action.PRIVACY_SETTINGS, req.user(), null, school.id(),
        "leavers' data kept " + days + " days; time zone " + (zone == null ? "the installation's" : zone.getId()), req.clientAddress());
    return Reply.redirect(base(school)).flash(req.t("admin.saved"));
  }

  private Reply endYear(WebRequest req) {
    Space school = school(req);
    String year = req.form("year");
    if (!year.matches("[0-9]{4}[-–/][0-9]{2,4}")) {
      return overviewPage(req, school, req.t("admin.privacy.badYear"), 422);
    }
    audit.record(school.id(), AuditLog.Action.SCHOOL_YEAR_ENDED, req.user(), null, school.id(), year, req.clientAddress());
    events.publishAfterCommit(new SchoolYearEnded(school.id(), year));
    return Reply.redirect(base(school)).flash(req.t("admin.privacy.yearEnded", "year", year));
  }

  private User person(WebRequest req, Space school) {
    User u = users.byId(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.t("admin.noPerson")));
    if (u.schoolId() == null || u.schoolId() != school.id()) throw HttpProblem.notFound(req.t("admin.noPersonIn", "school", school.name()));
    if (u.siteAdmin() && !req.user().siteAdmin()) throw HttpProblem.forbidden(req.t("admin.personData.siteAdmin", "name", u.displayName()));
    return u;
  }

  private Reply personData(WebRequest req) {
    Space school = school(req);
    User u = person(req, school);
    return personPage(req, school, u, null, 200);
  }

  private Page personPage(WebRequest req, Space school, User u, String error, int status) {
    List<Map<String, Object>> tools = new ArrayList<>();
    for (SubjectAccess.Section s : subjectAccess.collect(u.id())) {
      Map<String, Object> t = new HashMap<>();
      t.put("title", s.title());
      t.put("failure", s.failure());
      List<String> counts = new ArrayList<>();
      s.records().forEach((kind, list) -> counts.add(list.size() + " × " + kind));
      if (!s.files().isEmpty()) counts.add(s.files().size() + " × " + req.t("admin.personData.file"));
      t.put("counts", counts);
      t.put("empty", counts.isEmpty() && s.failure() == null);
      tools.add(t);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("person", Map.of("id", u.id(), "name", u.displayName(), "username", u.username()));
    m.put("tools", tools);
    m.put("error", error);
    m.put("self", false);
    return AdminPages.page("person-data", school, m, req.t("admin.personData.title", "name", u.displayName())).status(status);
  }

  private Reply download(WebRequest req) throws IOException {
    Space school = school(req);
    User u = person(req, school);
    Files.createDirectories(scratch);
    Path zip = Files.createTempFile(scratch, "subject-access-", ".zip");
    zip.toFile().deleteOnExit();
    try (OutputStream out = Files.newOutputStream(zip)) {
      subjectAccess.write(u.id(), u.displayName(), clock.instant(), out);
    }
    audit.record(school.id(), AuditLog.Action.DATA_EXPORTED, req.user(), u, null, "subject access download", req.clientAddress());
    return Reply.file(zip, "application/zip", "data-" + u.username() + ".zip");
  }

  private Reply erase(WebRequest req) {
    Space school = school(req);
    User u = person(req, school);
    if (u.id() == req.user().id()) return personPage(req, school, u, req.t("admin.personData.notYourself"), 422);
    if (!req.form("confirm").equals(u.username())) {
      return personPage(req, school, u, req.t("admin.personData.typeUsername", "username", u.username()), 422);
    }
    Erasure.Outcome o = erasure.erase(u, req.user(), "on request", req.clientAddress());
    if (!o.complete()) {
      return personPage(req, school, u, req.t("admin.personData.partly", "failed", String.join(", ", o.failed())), 500);
    }
    return Reply.redirect("/admin/" + school.slug() + "/users").flash(req.t("admin.personData.erased", "name", u.displayName(), "count", o.total()));
  }
}
