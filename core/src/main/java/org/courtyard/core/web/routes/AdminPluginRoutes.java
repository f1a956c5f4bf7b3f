package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Setting;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Reply;
import org.courtyard.core.plugins.PluginHost;
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

  @Inject
  public AdminPluginRoutes(Web web, AdminPages admin, PluginHost plugins, ToolRegistry tools, SchoolStore schools) {
    this.web = web;
    this.admin = admin;
    this.plugins = plugins;
    this.tools = tools;
    this.schools = schools;
  }

  public void mount(Router r) {
    r.get("/admin/:school/plugins").handler(web.page(this::catalogue));
    r.post("/admin/:school/plugins/rescan").handler(web.page(this::rescan));
    r.post("/admin/:school/plugins/:tool/school").handler(web.page(this::toggleForSchool));
    r.post("/admin/:school/plugins/:plugin/installation").handler(web.page(this::toggleInstallation));
  }

  private Reply catalogue(WebRequest req) {
    Space school = admin.school(req);
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
    return AdminPages.page("plugins", school, new HashMap<>(Map.of("plugins", list, "siteAdmin", siteAdmin)), "Plugins");
  }

  private Reply toggleForSchool(WebRequest req) {
    Space school = admin.school(req);
    String toolId = req.pathParam("tool");
    ToolRegistry.ActiveTool tool = tools.tool(toolId).orElseThrow(() -> HttpProblem.notFound("No running tool is called " + toolId + "."));
    boolean enable = "true".equals(req.form("enabled"));
    schools.setToolEnabled(school.id(), toolId, enable);
    admin.activity(req, school, enable ? "tool-on" : "tool-off", (enable ? "turned on " : "turned off ") + toolId);
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(tool.info().title() + (enable ? " is now on for " : " is now off for ") + school.name() + ".");
  }

  private Reply toggleInstallation(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "start or stop plugins for the whole installation");
    String pluginId = req.pathParam("plugin");
    admin.activity(req, school, "plugin-" + req.form("action"), req.form("action") + " plugin " + pluginId);
    if ("stop".equals(req.form("action"))) {
      plugins.disable(pluginId);
      return Reply.redirect(AdminPages.base(school) + "/plugins").flash("Plugin " + pluginId + " is stopped for every school.");
    }
    boolean ok = plugins.enable(pluginId);
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(ok ? "Plugin " + pluginId + " is running." : "Plugin " + pluginId + " could not start: see the reason below.");
  }

  private Reply rescan(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "install plugins");
    List<String> added = plugins.loadNew();
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(added.isEmpty() ? "No new plugins in the plugins folder." : "Found: " + String.join(", ", added) + ".");
  }
}
