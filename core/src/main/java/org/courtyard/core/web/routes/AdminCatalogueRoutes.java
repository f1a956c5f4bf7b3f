package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.CourtyardApi;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginRefused;
import org.courtyard.core.plugins.catalogue.Catalogue;
import org.courtyard.core.plugins.catalogue.CatalogueEntry;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The plugin catalogue ({@code /admin/:school/plugins/catalogue}): what the configured repositories
 * offer — description, screenshots, capabilities asked with their default roles, the data kept, licence,
 * versions and the API each needs — with Install or Update for a site admin.
 */
public final class AdminCatalogueRoutes {
  private final Web web;
  private final AdminPages admin;
  private final Catalogue catalogue;
  private final PluginHost plugins;

  @Inject
  public AdminCatalogueRoutes(Web web, AdminPages admin, Catalogue catalogue, PluginHost plugins) {
    this.web = web;
    this.admin = admin;
    this.catalogue = catalogue;
    this.plugins = plugins;
  }

  public void mount(Router r) {
    r.get("/admin/:school/plugins/catalogue").handler(web.page(this::list));
    r.post("/admin/:school/plugins/catalogue/install").handler(web.page(this::install));
    r.get("/admin/:school/plugins/catalogue/screenshot").handler(web.page(this::screenshot));
  }

  private Reply list(WebRequest req) {
    Space school = admin.school(req);
    return page(req, school, null, 200);
  }

  private Page page(WebRequest req, Space school, String error, int status) {
    req.crumb(req.t("admin.plugins.title"), AdminPages.base(school) + "/plugins").crumb(req.t("admin.catalogue.crumb"), null);
    Catalogue.Listing listing = catalogue.list();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (CatalogueEntry e : listing.entries()) entries.add(entryModel(req, school, e));
    Map<String, Object> m = new HashMap<>();
    m.put("entries", entries);
    m.put("problems", listing.problems());
    m.put("siteAdmin", req.user().siteAdmin());
    m.put("api", CourtyardApi.VERSION);
    m.put("error", error);
    return AdminPages.page("catalogue", school, m, req.t("admin.catalogue.title")).status(status);
  }

  private Map<String, Object> entryModel(WebRequest req, Space school, CatalogueEntry e) {
    Map<String, Object> m = new HashMap<>();
    m.put("repository", e.repository());
    m.put("id", e.id());
    m.put("name", e.name());
    m.put("description", e.description());
    m.put("provider", e.provider());
    m.put("licence", e.licence());
    m.put("projectUrl", e.projectUrl().startsWith("https://") || e.projectUrl().startsWith("http://") ? e.projectUrl() : null);
    m.put("data", e.data());
    m.put("capabilities", e.capabilities().stream().map(c -> Map.of("id", c.id(), "label", c.label(), "role", c.defaultRole())).toList());
    List<Map<String, Object>> shots = new ArrayList<>();
    for (int i = 0; i < e.screenshots().size(); i++) {
      shots.add(Map.of("url", AdminPages.base(school) + "/plugins/catalogue/screenshot?repo=" + e.repository() + "&id=" + e.id() + "&n=" + i,
          "alt", req.t("admin.catalogue.screenshot", "n", i + 1, "name", e.name())));
    }
    m.put("screenshots", shots);
    Optional<PluginHost.Loaded> installed = plugins.loaded(e.id());
    m.put("installed", installed.map(PluginHost.Loaded::version).orElse(null));
    List<Map<String, Object>> releases = new ArrayList<>();
    CatalogueEntry.Release best = null;
    for (CatalogueEntry.Release r : sorted(e.releases())) {
      boolean fits = fits(r.requires());
      releases.add(Map.of("version", r.version(), "released", r.date(), "requires", r.requires(), "fits", fits));
      if (fits && best == null) best = r;
    }
    m.put("releases", releases);
    if (best != null) {
      m.put("offer", best.version());
      if (installed.isEmpty()) m.put("action", req.t("admin.catalogue.install", "version", best.version()));
      else if (newer(best.version(), installed.get().version())) m.put("action", req.t("admin.catalogue.update", "version", best.version()));
    }
    return m;
  }

  /** Newest first. */
  private List<CatalogueEntry.Release> sorted(List<CatalogueEntry.Release> releases) {
    List<CatalogueEntry.Release> out = new ArrayList<>(releases);
    out.sort(Comparator.comparing(CatalogueEntry.Release::version, (a, b) -> {
      try {
        return plugins.compareVersions(b, a);
      } catch (RuntimeException x) {
        return b.compareTo(a);
      }
    }));
    return out;
  }

  private boolean fits(String requires) {
    try {
      return plugins.satisfies(CourtyardApi.VERSION, requires);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean newer(String a, String b) {
    try {
      return plugins.compareVersions(a, b) > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Reply install(WebRequest req) {
    Space school = admin.school(req);
    AdminPages.requireSiteAdmin(req, "admin.siteAdminOnly.install");
    int repo;
    try {
      repo = Integer.parseInt(req.form("repository"));
    } catch (NumberFormatException e) {
      return page(req, school, req.t("admin.catalogue.choose"), 422);
    }
    String id = req.form("id");
    String version = req.form("version");
    try {
      PluginInstaller.Result r = catalogue.install(repo, id, version, new PluginInstaller.Request(false, "catalogue", req.user(), school.id()));
      return Reply.redirect(AdminPages.base(school) + "/plugins").flash(r.message());
    } catch (PluginRefused e) {
      return page(req, school, req.t("admin.catalogue.notInstalled", "id", id, "version", version, "reason", req.t(e.words())), 422);
    }
  }

  private Reply screenshot(WebRequest req) {
    admin.school(req);
    int repo;
    int n;
    try {
      repo = Integer.parseInt(req.query("repo").orElse(""));
      n = Integer.parseInt(req.query("n").orElse(""));
    } catch (NumberFormatException e) {
      throw HttpProblem.notFound(req.t("admin.catalogue.noScreenshot"));
    }
    Path file = catalogue.screenshot(repo, req.query("id").orElse(""), n).orElseThrow(() -> HttpProblem.notFound(req.t("admin.catalogue.noScreenshot")));
    String type = AssetRoutes.sniffImage(file);
    if (type == null) throw HttpProblem.notFound(req.t("admin.catalogue.notPicture"));
    return Reply.file(file, type, null);
  }
}
