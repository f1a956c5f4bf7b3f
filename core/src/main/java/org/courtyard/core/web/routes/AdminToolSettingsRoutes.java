package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Setting;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.ToolSettings;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** A running tool's settings for the whole school ({@code /admin/:school/plugins/:tool/settings}). */
public final class AdminToolSettingsRoutes {
  private final Web web;
  private final AdminPages admin;
  private final ToolRegistry tools;
  private final ToolSettings settings;

  @Inject
  public AdminToolSettingsRoutes(Web web, AdminPages admin, ToolRegistry tools, ToolSettings settings) {
    this.web = web;
    this.admin = admin;
    this.tools = tools;
    this.settings = settings;
  }

  public void mount(Router r) {
    r.get("/admin/:school/plugins/:tool/settings").handler(web.page(this::settingsForm));
    r.post("/admin/:school/plugins/:tool/settings").handler(web.page(this::saveSettings));
  }

  private ToolRegistry.ActiveTool tool(WebRequest req) {
    return tools.tool(req.pathParam("tool")).orElseThrow(() -> HttpProblem.notFound(req.t("admin.noRunningTool", "tool", req.pathParam("tool"))));
  }

  private Reply settingsForm(WebRequest req) {
    Space school = admin.school(req);
    return settingsPage(req, school, tool(req), null, Map.of(), 200);
  }

  private Page settingsPage(WebRequest req, Space school, ToolRegistry.ActiveTool tool, String error, Map<String, String> submitted, int status) {
    List<Map<String, Object>> fields = new ArrayList<>();
    for (Setting<?> s : tool.info().settings()) {
      Map<String, Object> f = SettingFields.field(tool, req.language().code(), s, submitted.getOrDefault(s.key(), settings.stored(school.id(), tool.id(), s.key()).orElse(s.defaultValue())));
      f.put("perSpace", s.scope() == Setting.Scope.SPACE);
      fields.add(f);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("tool", Map.of("id", tool.id(), "title", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code())));
    m.put("fields", fields);
    m.put("error", error);
    return AdminPages.page("settings", school, m, req.t("admin.settings.title", "tool", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code()))).status(status);
  }

  private Reply saveSettings(WebRequest req) {
    Space school = admin.school(req);
    ToolRegistry.ActiveTool tool = tool(req);
    Map<Setting<?>, String> values = new LinkedHashMap<>();
    Map<String, String> raw = new HashMap<>();
    for (Setting<?> s : tool.info().settings()) {
      if (req.formAll(s.key()).isEmpty()) continue; // not on this form: keep its value
      String v = SettingFields.submitted(req, s, s.key());
      values.put(s, v);
      raw.put(s.key(), v);
    }
    try {
      settings.save(school.id(), tool.id(), values);
    } catch (IllegalArgumentException e) {
      return settingsPage(req, school, tool, req.t("admin.nothingSaved", "problem", req.problem(e)), raw, 422);
    }
    return Reply.redirect(AdminPages.base(school) + "/plugins/" + tool.id() + "/settings").flash(req.t("admin.settings.saved"));
  }
}
