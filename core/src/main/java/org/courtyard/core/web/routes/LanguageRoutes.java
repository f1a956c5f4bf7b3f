package org.courtyard.core.web.routes;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import org.courtyard.api.web.Reply;
import org.courtyard.core.i18n.Language;
import org.courtyard.core.i18n.LanguageChoice;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The language chooser at the foot of every page (and on the sign-in pages, before anyone is signed in):
 * remembered in a cookie on this browser and, for a signed-in person, on their account, so it follows
 * them to every page, device and e-mail. It changes nothing else.
 */
public final class LanguageRoutes {
  private static final int ONE_YEAR = 365 * 24 * 3600;
  private final Web web;
  private final LanguageChoice languages;
  private final boolean secureCookies;

  @Inject
  public LanguageRoutes(Web web, LanguageChoice languages, org.courtyard.core.config.Config config) {
    this.web = web;
    this.languages = languages;
    this.secureCookies = config.secureCookies();
  }

  public void mount(Router router) {
    router.post("/language").handler(web.publicPage(this::choose));
  }

  private Reply choose(WebRequest req) {
    Language chosen = Language.byCode(req.form("language"))
        .orElseThrow(() -> new org.courtyard.api.web.HttpProblem(400, req.t("language.unknown")));
    req.routing().response().addCookie(Cookie.cookie(LanguageChoice.COOKIE, chosen.code()).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setSecure(secureCookies).setMaxAge(ONE_YEAR));
    if (req.user() != null) languages.save(req.user().id(), chosen);
    return Reply.redirect(safeBack(req.form("back")));
  }

  /** Only a path on this site: never another site's address ("//evil.example" or "https://..."). */
  static String safeBack(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) return "/";
    return back;
  }
}
