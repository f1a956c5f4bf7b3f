package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Setting;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginRefused;
import org.courtyard.core.plugins.PluginReleases;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The installed plugins ({@code /admin/:school/plugins}): each tool turned on or off for the school,
 * and, for a site admin, plugins started, stopped and looked for in the plugins folder.
 */
public final class AdminPluginRoutes {
  private final Web web;
  private final AdminPages admin;
  private final PluginHost plugins;
  private final ToolRegistry tools;
  private final SchoolStore schools;
  private final PluginInstaller installer;
  private final PluginReleases releases;

  @Inject
  public AdminPluginRoutes(Web web, AdminPages admin, PluginHost plugins, ToolRegistry tools, SchoolStore schools, PluginInstaller installer,
                           PluginReleases releases) {
    this.installer = installer;
    this.releases = releases;
    this.web = web;
    this.admin = admin;
    this.plugins = plugins;
    this.tools = tools;
    this.schools = schools;
  }

  public void mount(Router r) {
    r.get("/admin/:school/plugins").handler(web.page(this::catalogue));
    r.post("/admin/:school/plugins/rescan").handler(web.page(this::rescan));
    r.post("/admin/:school/plugins/upload").handler(web.page(this::upload));
    r.post("/admin/:school/plugins/:tool/school").handler(web.page(this::toggleForSchool));
    r.post("/admin/:school/plugins/:plugin/installation").handler(web.page(this::toggleInstallation));
  }

  private Reply catalogue(WebRequest req) {
    Space school = admin.school(req);
    return page(req, school, null, 200);
  }

  private Page page(WebRequest req, Space school, String error, int status) {
    req.crumb(req.t("admin.plugins.title"), null);
    Map<String, PluginReleases.Release> recorded = new HashMap<>();
    releases.all().forEach(r -> recorded.put(r.pluginId(), r));
    boolean siteAdmin = req.user().siteAdmin();
    List<Map<String, Object>> list = new ArrayList<>();
    for (PluginStatus p : plugins.statuses()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", p.pluginId());
      m.put("version", p.version());
      m.put("provider", p.provider());
      m.put("description", p.description());
      m.put("state", p.state().name().toLowerCase());
      m.put("stateLabel", switch (p.state()) {
        case RUNNING -> req.t("admin.plugins.state.running");
        case DISABLED -> req.t("admin.plugins.state.disabled");
        case FAILED -> req.t("admin.plugins.state.failed");
      });
      m.put("running", p.state() == PluginStatus.State.RUNNING);
      m.put("failure", p.failure() == null ? null : req.t(p.failure()));
      PluginReleases.Release rel = recorded.get(p.pluginId());
      if (rel != null && rel.version().equals(p.version())) {
        m.put("publisher", rel.publisher());
        m.put("unsigned", rel.unsigned());
      }
      m.put("problem", installer.problem(p.pluginId()).map(req::t).orElse(null));
      List<Map<String, Object>> toolList = new ArrayList<>();
      for (ToolRegistry.ActiveTool t : tools.ofPlugin(p.pluginId())) {
        Map<String, Object> tm = new HashMap<>();
        tm.put("id", t.id());
        tm.put("title", org.courtyard.core.plugins.ToolTexts.title(t, req.language().code()));
        tm.put("icon", t.info().icon());
        tm.put("description", org.courtyard.core.plugins.ToolTexts.description(t, req.language().code()));
        tm.put("enabled", schools.toolEnabled(school.id(), t.id()));
        tm.put("hasSettings", t.info().settings().stream().anyMatch(s -> s.scope() == Setting.Scope.SCHOOL || s.scope() == Setting.Scope.SPACE));
        tm.put("capabilities", t.info().capabilities().stream().map(c -> req.t("admin.plugins.capability", "capability", c.id(), "role", c.defaultRole().label())).toList());
        toolList.add(tm);
      }
      m.put("tools", toolList);
      list.add(m);
    }
    Map<String, Object> model = new HashMap<>(Map.of("plugins", list, "siteAdmin", siteAdmin));
    model.put("error", error);
    return AdminPages.page("plugins", school, model, req.t("admin.plugins.title")).status(status);
  }

  private Reply toggleForSchool(WebRequest req) {
    Space school = admin.school(req);
    String toolId = req.pathParam("tool");
    ToolRegistry.ActiveTool tool = tools.tool(toolId).orElseThrow(() -> HttpProblem.notFound(req.t("admin.noRunningTool", "tool", toolId)));
    boolean enable = "true".equals(req.form("enabled"));
    schools.setToolEnabled(school.id(), toolId, enable);
    admin.activity(req, school, enable ? "tool-on" : "tool-off", enable ? "admin.activity.toolOn" : "admin.activity.toolOff", "tool", toolId);
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(req.t(enable ? "admin.plugins.nowOn" : "admin.plugins.nowOff", "tool", tool.info().title(), "school", school.name()));
  }

  private Reply toggleInstallation(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.startStop");
    String pluginId = req.pathParam("plugin");
    admin.activity(req, school, "plugin-" + req.form("action"), "stop".equals(req.form("action")) ? "admin.activity.pluginStop" : "admin.activity.pluginStart", "plugin", pluginId);
    if ("stop".equals(req.form("action"))) {
      plugins.disable(pluginId);
      return Reply.redirect(AdminPages.base(school) + "/plugins").flash(req.t("admin.plugins.stopped", "plugin", pluginId));
    }
    boolean ok = plugins.enable(pluginId);
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(req.t(ok ? "admin.plugins.running" : "admin.plugins.couldNotStart", "plugin", pluginId));
  }

  /** Jars copied into the plugins folder: new plugins are installed, new versions of installed ones upgrade them (unsigned allowed: whoever copied them there runs the server). */
  private Reply rescan(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.install");
    List<String> lines = installer.installFromFolder(new PluginInstaller.Request(true, "the plugins folder", req.user(), school.id()));
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(lines.isEmpty() ? req.t("admin.plugins.noNew") : String.join(" ", lines));
  }

  /** A jar uploaded on this page: installed, or the installed version upgraded to it. Unsigned only if the box is ticked. */
  private Reply upload(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.install");
    List<Upload> files = req.uploads();
    if (files.isEmpty() || files.get(0).size() == 0) return page(req, school, req.t("admin.plugins.chooseFile"), 422);
    Upload up = files.get(0);
    boolean allowUnsigned = req.formAll("allowUnsigned").contains("true");
    try {
      PluginInstaller.Result r = installer.install(up.file(), new PluginInstaller.Request(allowUnsigned, "an upload (" + up.fileName() + ")", req.user(), school.id()));
      return Reply.redirect(AdminPages.base(school) + "/plugins").flash(r.message());
    } catch (PluginRefused e) {
      return page(req, school, req.t("admin.plugins.notInstalled", "file", up.fileName(), "reason", req.t(e.words())), 422);
    }
  }
}
