package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** The school's name, logo and colours ({@code /admin/:school/branding}). */
public final class AdminBrandingRoutes {
  private final Web web;
  private final AdminPages admin;
  private final SpaceStore spaces;
  private final SchoolStore schools;
  private final FileStore files;

  @Inject
  public AdminBrandingRoutes(Web web, AdminPages admin, SpaceStore spaces, SchoolStore schools, FileStore files) {
    this.web = web;
    this.admin = admin;
    this.spaces = spaces;
    this.schools = schools;
    this.files = files;
  }

  public void mount(Router r) {
    r.get("/admin/:school/branding").handler(web.page(this::branding));
    r.post("/admin/:school/branding").handler(web.page(this::saveBranding));
    r.post("/admin/:school/branding/logo").handler(web.page(this::saveLogo));
  }

  private Reply branding(WebRequest req) {
    Space school = admin.school(req);
    return brandingPage(req, school, null, 200);
  }

  private Page brandingPage(WebRequest req, Space school, String error, int status) {
    SchoolStore.Branding b = schools.branding(school.id());
    Map<String, Object> m = new HashMap<>();
    m.put("primary", b.primaryColour());
    m.put("accent", b.accentColour());
    m.put("hasLogo", b.logoKey() != null);
    m.put("logo", "/theme/" + school.id() + "/logo");
    m.put("error", error);
    return AdminPages.page("branding", school, m, req.t("admin.branding.title")).status(status);
  }

  private Reply saveBranding(WebRequest req) {
    Space school = admin.school(req);
    try {
      if (req.form("name").isBlank()) throw new IllegalArgumentException(req.t("admin.branding.enterName"));
      schools.setBranding(school.id(), req.form("primary"), req.form("accent"));
      spaces.update(school.id(), req.form("name"), school.description(), school.parentsAllowed());
    } catch (IllegalArgumentException e) {
      return brandingPage(req, school, req.t("admin.nothingSaved", "problem", req.problem(e)), 422);
    }
    return Reply.redirect(AdminPages.base(school) + "/branding").flash(req.t("admin.saved"));
  }

  private Reply saveLogo(WebRequest req) throws IOException {
    Space school = admin.school(req);
    List<Upload> uploads = req.uploads();
    if (uploads.isEmpty()) return brandingPage(req, school, req.t("admin.branding.chooseLogo"), 422);
    Upload up = uploads.get(0);
    if (AssetRoutes.sniffImage(up.file()) == null) {
      return brandingPage(req, school, req.t("admin.branding.notImage", "file", up.fileName()), 422);
    }
    if (up.size() > 2L * 1024 * 1024) return brandingPage(req, school, req.t("admin.branding.tooBig"), 422);
    String old = schools.branding(school.id()).logoKey();
    String key = files.putFile(up.file());
    schools.setLogo(school.id(), key);
    if (old != null) files.delete(old);
    return Reply.redirect(AdminPages.base(school) + "/branding").flash(req.t("admin.branding.logoSaved"));
  }
}
