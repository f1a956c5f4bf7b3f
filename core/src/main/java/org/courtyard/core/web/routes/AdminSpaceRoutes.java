package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** The school's tree of spaces ({@code /admin/:school/spaces}): making, renaming, archiving and opening again. */
public final class AdminSpaceRoutes {
  private static final List<SpaceKind> CREATABLE = List.of(SpaceKind.YEAR_GROUP, SpaceKind.HOUSE, SpaceKind.CLASS, SpaceKind.SUBJECT,
      SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.GOVERNORS, SpaceKind.COMMUNITY);
  private final Web web;
  private final AdminPages admin;
  private final SpaceStore spaces;

  @Inject
  public AdminSpaceRoutes(Web web, AdminPages admin, SpaceStore spaces) {
    this.web = web;
    this.admin = admin;
    this.spaces = spaces;
  }

  public void mount(Router r) {
    r.get("/admin/:school/spaces").handler(web.page(this::spaceList));
    r.post("/admin/:school/spaces").handler(web.page(this::createSpace));
    r.get("/admin/:school/spaces/:id").handler(web.page(this::spacePage));
    r.post("/admin/:school/spaces/:id/:action").handler(web.page(this::spaceAction));
  }

  private Reply spaceList(WebRequest req) {
    Space school = admin.school(req);
    return spaceListPage(req, school, null, Map.of(), 200);
  }

  private Page spaceListPage(WebRequest req, Space school, String error, Map<String, String> form, int status) {
    List<Map<String, Object>> tree = new ArrayList<>();
    addTree(tree, school, 0);
    Map<String, Object> m = new HashMap<>();
    m.put("tree", tree);
    m.put("kinds", CREATABLE.stream().map(k -> Map.of("value", k.name(), "label", k.label())).toList());
    m.put("parents", tree);
    m.put("error", error);
    m.put("form", form);
    return AdminPages.page("spaces", school, m, req.t("admin.spaces.title")).status(status);
  }

  private void addTree(List<Map<String, Object>> out, Space s, int depth) {
    Map<String, Object> m = new HashMap<>(SpaceRoutes.card(s));
    m.put("id", s.id());
    m.put("depth", depth);
    m.put("indent", "— ".repeat(depth));
    out.add(m);
    if (depth < 12) for (Space c : spaces.children(s.id())) addTree(out, c, depth + 1);
  }

  private Reply createSpace(WebRequest req) {
    Space school = admin.school(req);
    Map<String, String> form = Map.of("slug", req.form("slug"), "name", req.form("name"), "description", req.form("description"));
    try {
      SpaceKind kind = SpaceKind.parse(req.form("kind"));
      if (!CREATABLE.contains(kind)) throw new IllegalArgumentException(req.t("admin.spaces.chooseKind"));
      Space parent = spaces.byId(req.formId("parent")).filter(p -> school.id() == (p.schoolId() == null ? -1 : p.schoolId()))
          .orElseThrow(() -> new IllegalArgumentException(req.t("admin.spaces.chooseParent")));
      Space s = spaces.create(new SpaceStore.NewSpace(parent.id(), kind, req.form("slug"), req.form("name"), req.form("description")));
      return Reply.redirect(AdminPages.base(school) + "/spaces").flash(req.t("admin.spaces.created", "name", s.name(), "url", s.url()));
    } catch (IllegalArgumentException e) {
      return spaceListPage(req, school, req.t("admin.nothingSaved", "problem", req.problem(e)), form, 422);
    }
  }

  private Space spaceOf(WebRequest req, Space school) {
    Space s = spaces.byId(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.t("admin.spaces.noSpace")));
    if (s.schoolId() == null || s.schoolId() != school.id() || s.kind() == SpaceKind.PERSONAL) throw HttpProblem.notFound(req.t("admin.spaces.noSpaceIn", "school", school.name()));
    return s;
  }

  private Reply spacePage(WebRequest req) {
    Space school = admin.school(req);
    return spacePageModel(req, school, spaceOf(req, school), null, 200);
  }

  private Page spacePageModel(WebRequest req, Space school, Space s, String error, int status) {
    req.crumb(req.t("admin.spaces.title"), AdminPages.base(school) + "/spaces");
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> sm = new HashMap<>(SpaceRoutes.card(s));
    sm.put("id", s.id());
    sm.put("description", s.description());
    sm.put("parentsAllowed", s.parentsAllowed());
    sm.put("isSchool", s.kind() == SpaceKind.SCHOOL);
    m.put("space", sm);
    m.put("members", spaces.members(s.id()).size());
    m.put("error", error);
    return AdminPages.page("space", school, m, s.name()).status(status);
  }

  private static final java.util.Set<String> SPACE_ACTIONS = java.util.Set.of("edit", "archive", "unarchive");

  private Reply spaceAction(WebRequest req) {
    Space school = admin.school(req);
    Space s = spaceOf(req, school);
    String back = AdminPages.base(school) + "/spaces/" + s.id();
    if (SPACE_ACTIONS.contains(req.pathParam("action"))) {
      admin.activity(req, school, "space-" + req.pathParam("action"), "admin.activity.space." + req.pathParam("action"), "space", s.slug());
    }
    try {
      switch (req.pathParam("action")) {
        case "edit" -> {
          spaces.update(s.id(), req.form("name"), req.form("description"), req.formAll("parentsAllowed").contains("true"));
          return Reply.redirect(back).flash(req.t("admin.saved"));
        }
        case "archive" -> {
          if (s.kind() == SpaceKind.SCHOOL) throw new IllegalArgumentException(req.t("admin.space.schoolNotArchived"));
          spaces.setArchived(s.id(), true);
          return Reply.redirect(back).flash(req.t("admin.space.archivedNow", "name", s.name()));
        }
        case "unarchive" -> {
          spaces.setArchived(s.id(), false);
          return Reply.redirect(back).flash(req.t("admin.space.openAgain", "name", s.name()));
        }
        default -> throw HttpProblem.notFound(req.t("admin.noPage"));
      }
    } catch (IllegalArgumentException e) {
      return spacePageModel(req, school, s, req.t("admin.nothingChanged", "problem", req.problem(e)), 422);
    }
  }
}
