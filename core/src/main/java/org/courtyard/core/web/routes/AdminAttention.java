package org.courtyard.core.web.routes;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.core.roster.ImportService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.WebRequest;

/** What needs the ICT leader's attention, for their home page: plugins that failed or were refused, and the last import. */
@Singleton
public final class AdminAttention {
  private final PluginHost plugins;
  private final PluginInstaller installer;
  private final ImportService imports;

  @Inject
  public AdminAttention(PluginHost plugins, PluginInstaller installer, ImportService imports) {
    this.plugins = plugins;
    this.installer = installer;
    this.imports = imports;
  }

  public Map<String, Object> of(WebRequest req, Space school) {
    Map<String, Object> m = new HashMap<>();
    m.put("base", "/admin/" + school.slug());
    List<Map<String, Object>> broken = new ArrayList<>();
    for (PluginStatus p : plugins.statuses()) {
      String why = p.failure() != null ? req.t(p.failure()) : installer.problem(p.pluginId()).map(req::t).orElse(null);
      if (why != null) broken.add(Map.of("id", p.pluginId(), "why", why));
    }
    m.put("plugins", broken);
    imports.history(school.id()).stream().findFirst().ifPresent(run -> {
      Map<String, Object> r = new HashMap<>();
      r.put("url", "/admin/" + school.slug() + "/import/" + run.id());
      r.put("file", run.fileName());
      r.put("at", run.at());
      r.put("status", req.t("import.state." + run.status().name().toLowerCase(java.util.Locale.ROOT)));
      r.put("failed", run.status() == ImportService.Status.FAILED || run.status() == ImportService.Status.REFUSED);
      m.put("lastImport", r);
    });
    return m;
  }
}
