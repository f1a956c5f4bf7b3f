package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.roster.ImportService;
import org.courtyard.core.roster.Plan;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** MIS import for the ICT leader: upload, preview, apply with progress, letters, history. */
public final class ImportRoutes {
  private static final int ROWS_SHOWN = 300;
  private final Web web;
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final ImportService imports;

  @Inject
  public ImportRoutes(Web web, SpaceStore spaces, PermissionService permissions, ImportService imports) {
    this.web = web;
    this.spaces = spaces;
    this.permissions = permissions;
    this.imports = imports;
  }

  public void mount(Router router) {
    router.get("/admin/:school/import").handler(web.page(this::form));
    router.post("/admin/:school/import").handler(web.page(this::preview));
    router.get("/admin/:school/import/history").handler(web.page(this::history));
    router.get("/admin/:school/import/:run").handler(web.page(this::status));
    router.post("/admin/:school/import/:run/apply").handler(web.page(this::apply));
    router.post("/admin/:school/import/:run/undo").handler(web.page(this::undo));
    router.get("/admin/:school/import/:run/letters").handler(web.page(this::letters));
  }

  /** The school named in the path, if this user administers it. */
  private Space school(WebRequest req) {
    Space school = AdminPages.requireSchoolAdmin(req, spaces, permissions);
    req.crumb(req.t("import.title"), "/admin/" + school.slug() + "/import");
    return school;
  }

  private Reply form(WebRequest req) {
    Space school = school(req);
    return formPage(req, school, null, 200, null, null);
  }

  private Page formPage(WebRequest req, Space school, String error, int status, String format, Roster.Scope mode) {
    Map<String, Object> m = new HashMap<>();
    m.put("school", SpaceRoutes.card(school));
    m.put("error", error);
    List<Map<String, Object>> formats = new ArrayList<>();
    imports.importers().forEach(i -> formats.add(Map.of("format", i.format(), "title", i.title(imports.texts(i, req.language().code())), "accepts", i.accepts(),
        "chosen", i.format().equals(format))));
    m.put("formats", formats);
    List<Map<String, Object>> modes = new ArrayList<>();
    for (Roster.Scope s : Roster.Scope.values()) {
      modes.add(Map.of("key", s.key(), "label", scope(req, s), "hint", hint(req, s), "on", s == mode));
    }
    m.put("modes", modes);
    m.put("history", runs(req, imports.history(school.id()).stream().limit(10).toList()));
    return Page.of("import/form", m).title(req.t("import.title")).status(status);
  }

  private Reply preview(WebRequest req) {
    Space school = school(req);
    List<Upload> uploads = req.uploads();
    if (uploads.isEmpty()) return formPage(req, school, req.t("import.form.chooseFile"), 422, req.form("format"), Roster.Scope.of(req.form("mode")));
    Upload file = uploads.get(0);
    Roster.Scope mode = Roster.Scope.of(req.form("mode"));
    if (mode == null) {
      return formPage(req, school, req.t("import.form.sayMode"),
          422, req.form("format"), null);
    }
    try {
      ImportService.Preview p = imports.preview(school.id(), req.user().id(), req.form("format"), file.file(), file.fileName(), mode, req.language().code());
      return Page.of("import/preview", planModel(req, school, p.runId(), p.plan(), null)).title(req.t("import.preview.title"));
    } catch (RosterException e) {
      return formPage(req, school, req.t("admin.nothingChanged", "problem", e.getMessage()), 422, req.form("format"), mode);
    }
  }

  /** What the file holds, in the reader's words: {@code import.scope.<key>}. */
  private static String scope(WebRequest req, Roster.Scope s) { return req.t("import.scope." + s.key()); }

  private static String hint(WebRequest req, Roster.Scope s) {
    return switch (s) {
      case WHOLE_SCHOOL -> req.t("import.mode.wholeSchool");
      case CLASSES -> req.t("import.mode.classes");
      case CHANGES -> req.t("import.mode.changes");
    };
  }

  private static final int NAMES_SHOWN = 100;

  private Map<String, Object> planModel(WebRequest req, Space school, long runId, Plan plan, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("school", SpaceRoutes.card(school));
    m.put("runId", runId);
    m.put("error", error);
    m.put("summary", plan.summary(imports.texts(req.language().code())));
    m.put("nothingToDo", plan.nothingToDo());
    m.put("mode", scope(req, plan.mode()));
    m.put("modeHint", hint(req, plan.mode()));
    if (plan.declared() != null && plan.declared() != plan.mode()) m.put("declared", scope(req, plan.declared()));
    List<Plan.Row> offs = plan.switchOffs();
    List<Plan.Row> archives = plan.archives();
    m.put("confirm", plan.needsConfirmation());
    m.put("offCount", offs.size());
    m.put("archiveCount", archives.size());
    m.put("offNames", names(offs));
    m.put("offMore", Math.max(0, offs.size() - NAMES_SHOWN));
    m.put("archiveNames", names(archives));
    m.put("archiveMore", Math.max(0, archives.size() - NAMES_SHOWN));
    m.put("consequences", ImportService.consequences(offs.size(), archives.size(), imports.texts(req.language().code())));
    List<Map<String, Object>> counts = new ArrayList<>();
    plan.counts().forEach((a, n) -> counts.add(Map.of("action", label(req, a), "count", n)));
    m.put("counts", counts);
    List<Map<String, Object>> sections = new ArrayList<>();
    for (Plan.Action a : Plan.Action.values()) {
      if (a == Plan.Action.UNCHANGED) continue;
      List<Plan.Row> rows = plan.rows(a);
      if (rows.isEmpty()) continue;
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Plan.Row r : rows.subList(0, Math.min(rows.size(), ROWS_SHOWN))) {
        Map<String, Object> row = new HashMap<>();
        row.put("subject", req.t("import.subject." + r.subject().name()));
        row.put("externalId", r.externalId() == null ? "" : r.externalId());
        row.put("name", r.name() == null ? "" : r.name());
        row.put("changes", String.join("; ", r.changes()));
        row.put("where", r.where() == null ? "" : r.where());
        shown.add(row);
      }
      sections.add(Map.of("action", label(req, a), "rows", shown, "more", Math.max(0, rows.size() - ROWS_SHOWN), "id", a.name().toLowerCase()));
    }
    m.put("sections", sections);
    return m;
  }

  private static List<String> names(List<Plan.Row> rows) {
    return rows.stream().limit(NAMES_SHOWN).map(r -> (r.name() == null ? "" : r.name()) + (r.externalId() == null ? "" : " (" + r.externalId() + ")")).toList();
  }

  private static String label(WebRequest req, Plan.Action a) {
    return switch (a) {
      case ADD -> req.t("import.action.add");
      case UPDATE -> req.t("import.action.update");
      case LEAVER -> req.t("import.action.leaver");
      case RESTORE -> req.t("import.action.restore");
      case REMOVE -> req.t("import.action.remove");
      case UNCHANGED -> req.t("import.action.unchanged");
      case REJECTED -> req.t("import.action.rejected");
    };
  }

  private Reply apply(WebRequest req) {
    Space school = school(req);
    long runId = req.pathId("run");
    ImportService.Run run = imports.run(school.id(), runId).orElseThrow(() -> HttpProblem.notFound(req.t("import.noRun")));
    boolean confirmed = "yes".equals(req.form("confirm"));
    if (run.status() == ImportService.Status.PREVIEW && !confirmed && (run.switchOffs() > 0 || run.archives() > 0)) {
      String error = ImportService.unconfirmed(run.switchOffs(), run.archives(), imports.texts(req.language().code()));
      try {
        return Page.of("import/preview", planModel(req, school, runId, imports.plan(school.id(), runId, req.language().code()), error)).title(req.t("import.preview.title")).status(422);
      } catch (RosterException e) {
        return formPage(req, school, error + " " + e.getMessage(), 422, run.format(), run.scope());
      }
    }
    try {
      imports.applyInBackground(school.id(), runId, req.user(), confirmed, req.language().code());
    } catch (IllegalArgumentException e) {
      return statusPage(req, school, run, req.problem(e), 409);
    }
    return Reply.redirect("/admin/" + school.slug() + "/import/" + runId).flash(req.t("import.started"));
  }

  private Reply undo(WebRequest req) {
    Space school = school(req);
    long runId = req.pathId("run");
    ImportService.Run run = imports.run(school.id(), runId).orElseThrow(() -> HttpProblem.notFound(req.t("import.noRun")));
    try {
      String done = imports.undo(school.id(), runId, req.user(), req.language().code());
      return Reply.redirect("/admin/" + school.slug() + "/import/" + runId).flash(req.t("import.undoneFlash", "done", done));
    } catch (IllegalArgumentException e) {
      return statusPage(req, school, imports.run(school.id(), runId).orElse(run), req.t("import.cannotUndo", "reason", req.problem(e)), 409);
    }
  }

  private Reply status(WebRequest req) {
    Space school = school(req);
    long runId = req.pathId("run");
    ImportService.Run run = imports.run(school.id(), runId).orElseThrow(() -> HttpProblem.notFound(req.t("import.noRun")));
    return statusPage(req, school, run, null, 200);
  }

  private Page statusPage(WebRequest req, Space school, ImportService.Run run, String error, int code) {
    long runId = run.id();
    Map<String, Object> m = new HashMap<>();
    m.put("error", error);
    m.put("school", SpaceRoutes.card(school));
    m.put("run", runModel(req, run));
    ImportService.Progress p = imports.progress(runId).orElse(null);
    boolean running = run.status() == ImportService.Status.RUNNING;
    m.put("running", running);
    m.put("done", p == null ? 0 : p.done());
    m.put("total", p == null ? 0 : Math.max(p.total(), 1));
    m.put("applied", run.status() == ImportService.Status.APPLIED);
    m.put("failed", run.status() == ImportService.Status.FAILED);
    m.put("letters", imports.letters(school.id(), runId).size());
    m.put("undone", run.status() == ImportService.Status.UNDONE);
    if (run.status() == ImportService.Status.APPLIED) {
      java.util.Optional<String> why = imports.whyNotUndo(school.id(), runId, req.language().code());
      m.put("canUndo", why.isEmpty());
      m.put("whyNotUndo", why.orElse(null));
    }
    return Page.of("import/status", m).title(req.t("import.status.pageTitle", "id", String.valueOf(runId))).status(code);
  }

  private Reply letters(WebRequest req) {
    Space school = school(req);
    long runId = req.pathId("run");
    imports.run(school.id(), runId).orElseThrow(() -> HttpProblem.notFound(req.t("import.noRun")));
    return Page.of("import/letters", Map.of("school", SpaceRoutes.card(school), "letters", imports.letters(school.id(), runId), "runId", runId))
        .title(req.t("import.letters.title"));
  }

  private Reply history(WebRequest req) {
    Space school = school(req);
    return Page.of("import/history", Map.of("school", SpaceRoutes.card(school), "history", runs(req, imports.history(school.id()))))
        .title(req.t("import.history.title"));
  }

  private static List<Map<String, Object>> runs(WebRequest req, List<ImportService.Run> runs) {
    List<Map<String, Object>> out = new ArrayList<>();
    runs.forEach(r -> out.add(runModel(req, r)));
    return out;
  }

  private static Map<String, Object> runModel(WebRequest req, ImportService.Run r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("format", r.format());
    m.put("fileName", r.fileName());
    m.put("at", r.at());
    m.put("status", req.t("import.state." + r.status().name().toLowerCase(java.util.Locale.ROOT)));
    m.put("summary", r.summary());
    m.put("who", r.who() == null ? req.t("import.runs.commandLine") : r.who());
    m.put("preview", r.status() == ImportService.Status.PREVIEW);
    m.put("mode", r.scope() == null ? "" : scope(req, r.scope()));
    return m;
  }
}
