package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.ActivityStore;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.services.ToolSettings;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The ICT leader's pages under {@code /admin/:school}: plugins (catalogue, school on/off, settings,
 * installation start/stop for site admins), spaces, branding, usage and "why?". People are
 * {@link AdminPeopleRoutes}; the audit log {@link AuditRoutes}; imports {@link ImportRoutes}. Every page
 * checks {@code school.admin} on the school's space.
 */
public final class AdminRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;
  private final PermissionService permissions;
  private final CapabilityRegistry capabilities;
  private final PluginHost plugins;
  private final ToolRegistry tools;
  private final SchoolStore schools;
  private final ToolSettings settings;
  private final ActivityStore activity;
  private final FileStore files;

  @Inject
  public AdminRoutes(Web web, SpaceStore spaces, UserStore users, PermissionService permissions,
                     CapabilityRegistry capabilities, PluginHost plugins, ToolRegistry tools, SchoolStore schools,
                     ToolSettings settings, ActivityStore activity, FileStore files) {
    this.web = web;
    this.spaces = spaces;
    this.users = users;
    this.permissions = permissions;
    this.capabilities = capabilities;
    this.plugins = plugins;
    this.tools = tools;
    this.schools = schools;
    this.settings = settings;
    this.activity = activity;
    this.files = files;
  }

  public void mount(Router r) {
    r.get("/admin").handler(web.page(this::pickSchool));
    r.get("/admin/:school").handler(web.page(this::overview));
    r.get("/admin/:school/plugins").handler(web.page(this::catalogue));
    r.post("/admin/:school/plugins/rescan").handler(web.page(this::rescan));
    r.post("/admin/:school/plugins/:tool/school").handler(web.page(this::toggleForSchool));
    r.post("/admin/:school/plugins/:plugin/installation").handler(web.page(this::toggleInstallation));
    r.get("/admin/:school/plugins/:tool/settings").handler(web.page(this::settingsForm));
    r.post("/admin/:school/plugins/:tool/settings").handler(web.page(this::saveSettings));
    r.get("/admin/:school/spaces").handler(web.page(this::spaceList));
    r.post("/admin/:school/spaces").handler(web.page(this::createSpace));
    r.get("/admin/:school/spaces/:id").handler(web.page(this::spacePage));
    r.post("/admin/:school/spaces/:id/:action").handler(web.page(this::spaceAction));
    r.get("/admin/:school/branding").handler(web.page(this::branding));
    r.post("/admin/:school/branding").handler(web.page(this::saveBranding));
    r.post("/admin/:school/branding/logo").handler(web.page(this::saveLogo));
    r.get("/admin/:school/usage").handler(web.page(this::usage));
    r.get("/admin/:school/why").handler(web.page(this::why));
  }

  // --- access ---

  private Space school(WebRequest req) { return requireSchoolAdmin(req, spaces, permissions); }

  /** The school named in the path ({@code :school}), if this user administers it; 404 or 403 otherwise. */
  static Space requireSchoolAdmin(WebRequest req, SpaceStore spaces, PermissionService permissions) {
    Space school = spaces.bySlug(req.pathParam("school")).filter(s -> s.kind() == SpaceKind.SCHOOL)
        .orElseThrow(() -> HttpProblem.notFound("There is no such school."));
    Decision d = permissions.decide(req.requireUser(), CapabilityRegistry.SCHOOL_ADMIN.id(), school);
    if (!d.allowed()) throw HttpProblem.forbidden("Only the school's ICT leader can open the admin pages. " + d.reason());
    req.crumb("School admin", base(school));
    return school;
  }

  static String base(Space school) { return "/admin/" + school.slug(); }

  static Page page(String template, Space school, Map<String, Object> model, String title) {
    model.put("school", SpaceRoutes.card(school));
    model.put("base", base(school));
    return Page.of("admin/" + template, model).title(title);
  }

  private Reply pickSchool(WebRequest req) {
    List<Space> mine = permissions.adminSchools(req.requireUser());
    if (mine.isEmpty()) throw HttpProblem.forbidden("You do not run any school on this site.");
    if (mine.size() == 1) return Reply.redirect(base(mine.get(0)));
    List<Map<String, Object>> list = new ArrayList<>();
    mine.forEach(s -> list.add(Map.of("name", s.name(), "url", base(s))));
    return Page.of("admin/schools", Map.of("schools", list)).title("School admin");
  }

  private Reply overview(WebRequest req) {
    Space school = school(req);
    Map<String, Object> m = new HashMap<>();
    m.put("users", counts(users.countsByKind(school.id())));
    m.put("spaces", counts(spaces.countsByKind(school.id())));
    return page("overview", school, m, "School admin");
  }

  private static List<Map<String, Object>> counts(Map<? extends Enum<?>, Long> counts) {
    List<Map<String, Object>> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(Map.of("kind", k instanceof UserKind u ? u.label() : ((SpaceKind) k).label(), "count", v)));
    return out;
  }

  // --- plugins ---

  private Reply catalogue(WebRequest req) {
    Space school = school(req);
    req.crumb("Plugins", null);
    boolean siteAdmin = req.user().siteAdmin();
    List<Map<String, Object>> list = new ArrayList<>();
    for (PluginStatus p : plugins.statuses()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", p.pluginId());
      m.put("version", p.version());
      m.put("provider", p.provider());
      m.put("description", p.description());
      m.put("state", p.state().name().toLowerCase());
      m.put("running", p.state() == PluginStatus.State.RUNNING);
      m.put("failure", p.failure());
      List<Map<String, Object>> toolList = new ArrayList<>();
      for (ToolRegistry.ActiveTool t : tools.ofPlugin(p.pluginId())) {
        Map<String, Object> tm = new HashMap<>();
        tm.put("id", t.id());
        tm.put("title", t.info().title());
        tm.put("icon", t.info().icon());
        tm.put("description", t.info().description());
        tm.put("enabled", schools.toolEnabled(school.id(), t.id()));
        tm.put("hasSettings", t.info().settings().stream().anyMatch(s -> s.scope() == Setting.Scope.SCHOOL || s.scope() == Setting.Scope.SPACE));
        tm.put("capabilities", t.info().capabilities().stream().map(c -> c.id() + " (" + c.defaultRole().label() + ")").toList());
        toolList.add(tm);
      }
      m.put("tools", toolList);
      list.add(m);
    }
    return page("plugins", school, new HashMap<>(Map.of("plugins", list, "siteAdmin", siteAdmin)), "Plugins");
  }

  private Reply toggleForSchool(WebRequest req) {
    Space school = school(req);
    String toolId = req.pathParam("tool");
    ToolRegistry.ActiveTool tool = tools.tool(toolId).orElseThrow(() -> HttpProblem.notFound("No running tool is called " + toolId + "."));
    boolean enable = "true".equals(req.form("enabled"));
    schools.setToolEnabled(school.id(), toolId, enable);
    audit(req, school, enable ? "tool-on" : "tool-off", (enable ? "turned on " : "turned off ") + toolId);
    return Reply.redirect(base(school) + "/plugins").flash(tool.info().title() + (enable ? " is now on for " : " is now off for ") + school.name() + ".");
  }

  private Reply toggleInstallation(WebRequest req) {
    Space school = school(req);
    if (!req.user().siteAdmin()) throw HttpProblem.forbidden("Only a site admin can start or stop plugins for the whole installation.");
    String pluginId = req.pathParam("plugin");
    audit(req, school, "plugin-" + req.form("action"), req.form("action") + " plugin " + pluginId);
    if ("stop".equals(req.form("action"))) {
      plugins.disable(pluginId);
      return Reply.redirect(base(school) + "/plugins").flash("Plugin " + pluginId + " is stopped for every school.");
    }
    boolean ok = plugins.enable(pluginId);
    return Reply.redirect(base(school) + "/plugins").flash(ok ? "Plugin " + pluginId + " is running." : "Plugin " + pluginId + " could not start: see the reason below.");
  }

  private Reply rescan(WebRequest req) {
    Space school = school(req);
    if (!req.user().siteAdmin()) throw HttpProblem.forbidden("Only a site admin can install plugins.");
    List<String> added = plugins.loadNew();
    return Reply.redirect(base(school) + "/plugins").flash(added.isEmpty() ? "No new plugins in the plugins folder." : "Found: " + String.join(", ", added) + ".");
  }

  private ToolRegistry.ActiveTool tool(WebRequest req) {
    return tools.tool(req.pathParam("tool")).orElseThrow(() -> HttpProblem.notFound("No running tool is called " + req.pathParam("tool") + "."));
  }

  private Reply settingsForm(WebRequest req) {
    Space school = school(req);
    return settingsPage(school, tool(req), null, Map.of(), 200);
  }

  private Page settingsPage(Space school, ToolRegistry.ActiveTool tool, String error, Map<String, String> submitted, int status) {
    List<Map<String, Object>> fields = new ArrayList<>();
    for (Setting<?> s : tool.info().settings()) {
      Map<String, Object> f = settingField(s, submitted.getOrDefault(s.key(), settings.stored(school.id(), tool.id(), s.key()).orElse(s.defaultValue())));
      f.put("perSpace", s.scope() == Setting.Scope.SPACE);
      fields.add(f);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("tool", Map.of("id", tool.id(), "title", tool.info().title()));
    m.put("fields", fields);
    m.put("error", error);
    return page("settings", school, m, tool.info().title() + " settings").status(status);
  }

  /** What a settings form needs to draw one declared setting: its kind of input, label, help and value. */
  static Map<String, Object> settingField(Setting<?> s, String value) {
    Map<String, Object> f = new HashMap<>();
    f.put("key", s.key());
    f.put("label", s.label());
    f.put("help", s.help());
    f.put("value", value);
    f.put("text", s.type() == Setting.Type.TEXT);
    f.put("number", s.type() == Setting.Type.NUMBER);
    f.put("flag", s.type() == Setting.Type.FLAG);
    f.put("choice", s.type() == Setting.Type.CHOICE);
    f.put("choices", s.choices().stream().map(c -> Map.of("value", c.value(), "label", c.label())).toList());
    return f;
  }

  /** A submitted value for a declared setting: a checkbox sends "true" after its hidden "false". */
  static String submitted(WebRequest req, Setting<?> s, String field) {
    return s.type() == Setting.Type.FLAG ? Boolean.toString(req.formAll(field).contains("true")) : req.form(field);
  }

  private Reply saveSettings(WebRequest req) {
    Space school = school(req);
    ToolRegistry.ActiveTool tool = tool(req);
    Map<Setting<?>, String> values = new LinkedHashMap<>();
    Map<String, String> raw = new HashMap<>();
    for (Setting<?> s : tool.info().settings()) {
      if (req.formAll(s.key()).isEmpty()) continue; // not on this form: keep its value
      String v = submitted(req, s, s.key());
      values.put(s, v);
      raw.put(s.key(), v);
    }
    try {
      settings.save(school.id(), tool.id(), values);
    } catch (IllegalArgumentException e) {
      return settingsPage(school, tool, e.getMessage() + " Nothing was saved.", raw, 422);
    }
    return Reply.redirect(base(school) + "/plugins/" + tool.id() + "/settings").flash("Settings saved.");
  }

  /** Every change made here goes into the activity log, so the usage page is also the admin's audit trail. */
  private void audit(WebRequest req, Space school, String action, String summary) {
    activity.record("admin", req.user().ref(), school.ref(), action, summary);
  }

  // --- spaces ---

  private static final List<SpaceKind> CREATABLE = List.of(SpaceKind.YEAR_GROUP, SpaceKind.HOUSE, SpaceKind.CLASS, SpaceKind.SUBJECT,
      SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.GOVERNORS, SpaceKind.COMMUNITY);

  private Reply spaceList(WebRequest req) {
    Space school = school(req);
    return spaceListPage(school, null, Map.of(), 200);
  }

  private Page spaceListPage(Space school, String error, Map<String, String> form, int status) {
    List<Map<String, Object>> tree = new ArrayList<>();
    addTree(tree, school, 0);
    Map<String, Object> m = new HashMap<>();
    m.put("tree", tree);
    m.put("kinds", CREATABLE.stream().map(k -> Map.of("value", k.name(), "label", k.label())).toList());
    m.put("parents", tree);
    m.put("error", error);
    m.put("form", form);
    return page("spaces", school, m, "Spaces").status(status);
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
    Space school = school(req);
    Map<String, String> form = Map.of("slug", req.form("slug"), "name", req.form("name"), "description", req.form("description"));
    try {
      SpaceKind kind = SpaceKind.parse(req.form("kind"));
      if (!CREATABLE.contains(kind)) throw new IllegalArgumentException("Choose what kind of space it is.");
      Space parent = spaces.byId(req.formId("parent")).filter(p -> school.id() == (p.schoolId() == null ? -1 : p.schoolId()))
          .orElseThrow(() -> new IllegalArgumentException("Choose where the space goes."));
      Space s = spaces.create(new SpaceStore.NewSpace(parent.id(), kind, req.form("slug"), req.form("name"), req.form("description")));
      return Reply.redirect(base(school) + "/spaces").flash("Created " + s.name() + " at " + s.url() + ".");
    } catch (IllegalArgumentException e) {
      return spaceListPage(school, e.getMessage() + " Nothing was saved.", form, 422);
    }
  }

  private Space spaceOf(WebRequest req, Space school) {
    Space s = spaces.byId(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such space."));
    if (s.schoolId() == null || s.schoolId() != school.id() || s.kind() == SpaceKind.PERSONAL) throw HttpProblem.notFound("There is no such space in " + school.name() + ".");
    return s;
  }

  private Reply spacePage(WebRequest req) {
    Space school = school(req);
    return spacePageModel(req, school, spaceOf(req, school), null, 200);
  }

  private Page spacePageModel(WebRequest req, Space school, Space s, String error, int status) {
    req.crumb("Spaces", base(school) + "/spaces");
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> sm = new HashMap<>(SpaceRoutes.card(s));
    sm.put("id", s.id());
    sm.put("description", s.description());
    sm.put("parentsAllowed", s.parentsAllowed());
    sm.put("isSchool", s.kind() == SpaceKind.SCHOOL);
    m.put("space", sm);
    m.put("members", spaces.members(s.id()).size());
    m.put("error", error);
    return page("space", school, m, s.name()).status(status);
  }

  private Reply spaceAction(WebRequest req) {
    Space school = school(req);
    Space s = spaceOf(req, school);
    String back = base(school) + "/spaces/" + s.id();
    audit(req, school, "space-" + req.pathParam("action"), req.pathParam("action") + " " + s.slug());
    try {
      switch (req.pathParam("action")) {
        case "edit" -> {
          spaces.update(s.id(), req.form("name"), req.form("description"), req.formAll("parentsAllowed").contains("true"));
          return Reply.redirect(back).flash("Saved.");
        }
        case "archive" -> {
          if (s.kind() == SpaceKind.SCHOOL) throw new IllegalArgumentException("The school itself cannot be archived.");
          spaces.setArchived(s.id(), true);
          return Reply.redirect(back).flash(s.name() + " is archived: everyone can still read it, nobody can change it.");
        }
        case "unarchive" -> {
          spaces.setArchived(s.id(), false);
          return Reply.redirect(back).flash(s.name() + " is open again.");
        }
        default -> throw HttpProblem.notFound("There is no such page.");
      }
    } catch (IllegalArgumentException e) {
      return spacePageModel(req, school, s, e.getMessage() + " Nothing was changed.", 422);
    }
  }

  // --- branding ---

  private Reply branding(WebRequest req) {
    Space school = school(req);
    return brandingPage(school, null, 200);
  }

  private Page brandingPage(Space school, String error, int status) {
    SchoolStore.Branding b = schools.branding(school.id());
    Map<String, Object> m = new HashMap<>();
    m.put("primary", b.primaryColour());
    m.put("accent", b.accentColour());
    m.put("hasLogo", b.logoKey() != null);
    m.put("logo", "/theme/" + school.id() + "/logo");
    m.put("error", error);
    return page("branding", school, m, "Name, logo and colours").status(status);
  }

  private Reply saveBranding(WebRequest req) {
    Space school = school(req);
    try {
      if (req.form("name").isBlank()) throw new IllegalArgumentException("Enter the school's name.");
      schools.setBranding(school.id(), req.form("primary"), req.form("accent"));
      spaces.update(school.id(), req.form("name"), school.description(), school.parentsAllowed());
    } catch (IllegalArgumentException e) {
      return brandingPage(school, e.getMessage() + " Nothing was saved.", 422);
    }
    return Reply.redirect(base(school) + "/branding").flash("Saved.");
  }

  private Reply saveLogo(WebRequest req) throws IOException {
    Space school = school(req);
    List<Upload> uploads = req.uploads();
    if (uploads.isEmpty()) return brandingPage(school, "Choose an image file for the logo.", 422);
    Upload up = uploads.get(0);
    if (AssetRoutes.sniffImage(up.file()) == null) {
      return brandingPage(school, up.fileName() + " is not a PNG, JPEG, GIF or WebP image. The logo was not changed.", 422);
    }
    if (up.size() > 2L * 1024 * 1024) return brandingPage(school, "A logo can be at most 2 MB. The logo was not changed.", 422);
    String old = schools.branding(school.id()).logoKey();
    String key = files.putFile(up.file());
    schools.setLogo(school.id(), key);
    if (old != null) files.delete(old);
    return Reply.redirect(base(school) + "/branding").flash("New logo saved.");
  }

  // --- usage and why ---

  private Reply usage(WebRequest req) {
    Space school = school(req);
    Instant now = Instant.now();
    Map<String, Object> m = new HashMap<>();
    m.put("week", activity.usageSince(school.id(), now.minus(Duration.ofDays(7))));
    m.put("month", activity.usageSince(school.id(), now.minus(Duration.ofDays(30))));
    m.put("latest", activity.latest(school.id(), 50));
    m.put("users", counts(users.countsByKind(school.id())));
    m.put("spaces", counts(spaces.countsByKind(school.id())));
    return page("usage", school, m, "Usage");
  }

  private Reply why(WebRequest req) {
    Space school = school(req);
    Map<String, Object> m = new HashMap<>();
    String username = req.query("user").orElse("");
    String capability = req.query("capability").orElse("");
    String slug = req.query("space").orElse("");
    m.put("username", username);
    m.put("capability", capability);
    m.put("spaceSlug", slug);
    m.put("capabilities", capabilities.all().stream().map(Capability::id).toList());
    if (!username.isEmpty() && !capability.isEmpty() && !slug.isEmpty()) {
      // Only this school's people and spaces (a site admin's "why" covers every school from each school's page).
      User u = users.byUsername(username).filter(x -> req.user().siteAdmin() || (x.schoolId() != null && x.schoolId() == school.id())).orElse(null);
      Space s = spaces.bySlug(slug).filter(x -> req.user().siteAdmin() || (x.schoolId() != null && x.schoolId() == school.id())).orElse(null);
      if (u == null) m.put("answerError", "There is no account '" + username + "'.");
      else if (s == null) m.put("answerError", "There is no space '" + slug + "'.");
      else {
        Decision d = permissions.decide(u, capability, s);
        m.put("answer", Map.of("allowed", d.allowed(), "reason", d.reason(), "who", u.displayName(), "where", s.name(),
            "role", d.role() == null ? "none" : d.role().label()));
      }
    }
    m.put("roles", List.of(Role.values()).stream().map(Role::label).toList());
    return page("why", school, m, "Why can or can't they?");
  }
}
