package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.config.Config;
import org.courtyard.core.plugins.PluginAudit;
import org.courtyard.core.plugins.PluginData;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginRefused;
import org.courtyard.core.plugins.PluginRemover;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * Removing a plugin ({@code /admin/:school/plugins/:plugin/remove}): the page says what data it keeps,
 * offers that data as a download first, and asks whether to keep or delete it. Site admins only.
 */
public final class AdminPluginRemovalRoutes {
  private final Web web;
  private final AdminPages admin;
  private final PluginRemover remover;
  private final PluginData data;
  private final PluginAudit audit;
  private final Path exports;

  @Inject
  public AdminPluginRemovalRoutes(Web web, AdminPages admin, PluginRemover remover, PluginData data, PluginAudit audit, Config config) {
    this.web = web;
    this.admin = admin;
    this.remover = remover;
    this.data = data;
    this.audit = audit;
    this.exports = config.dataDir().resolve("downloads").resolve("exports");
  }

  public void mount(Router r) {
    r.get("/admin/:school/plugins/:plugin/remove").handler(web.page(this::confirm));
    r.post("/admin/:school/plugins/:plugin/remove").handler(web.page(this::remove));
    r.get("/admin/:school/plugins/:plugin/export").handler(web.page(this::export));
  }

  private PluginRemover.Kept kept(WebRequest req) {
    try {
      return remover.kept(req.pathParam("plugin"));
    } catch (PluginRefused e) {
      throw HttpProblem.notFound(req.t(e.words()));
    }
  }

  private Reply confirm(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.remove");
    return confirmPage(req, school, kept(req), null, 200);
  }

  private Page confirmPage(WebRequest req, Space school, PluginRemover.Kept kept, String error, int status) {
    req.crumb(req.t("admin.plugins.title"), AdminPages.base(school) + "/plugins");
    Map<String, Object> m = new HashMap<>();
    m.put("plugin", kept.pluginId());
    m.put("tools", kept.toolIds());
    m.put("toolList", String.join(", ", kept.toolIds()));
    m.put("tables", kept.tables());
    m.put("error", error);
    return AdminPages.page("plugin-remove", school, m, req.t("admin.remove.title", "plugin", kept.pluginId())).status(status);
  }

  private Reply remove(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.remove");
    PluginRemover.Kept kept = kept(req);
    String choice = req.form("data");
    if (!"keep".equals(choice) && !"delete".equals(choice)) {
      return confirmPage(req, school, kept, req.t("admin.remove.chooseData"), 422);
    }
    boolean delete = "delete".equals(choice);
    if (delete && !req.formAll("sure").contains("true")) {
      return confirmPage(req, school, kept, req.t("admin.remove.notSure"), 422);
    }
    String message = remover.remove(kept.pluginId(), delete, new PluginInstaller.Request(false, "admin page", req.user(), school.id()));
    return Reply.redirect(AdminPages.base(school) + "/plugins").flash(message);
  }

  /** The plugin's tables as CSV files in a zip (kept a few minutes on disk for the download, then cleared). */
  private Reply export(WebRequest req) throws IOException {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.download");
    PluginRemover.Kept kept = kept(req);
    Files.createDirectories(exports);
    clearOld();
    Path zip = Files.createTempFile(exports, kept.pluginId() + "-data-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip)) {
      data.export(kept.tables(), kept.pluginId(), out);
    }
    audit.record(school.id(), AuditLog.Action.PLUGIN_DATA_EXPORTED, req.user(), kept.pluginId() + ": " + String.join(", ", kept.tables()));
    return Reply.file(zip, "application/zip", kept.pluginId() + "-data.zip");
  }

  private void clearOld() throws IOException {
    Instant before = Instant.now().minus(Duration.ofMinutes(10));
    try (Stream<Path> files = Files.list(exports)) {
      for (Path f : files.toList()) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) Files.deleteIfExists(f);
      }
    }
  }
}
