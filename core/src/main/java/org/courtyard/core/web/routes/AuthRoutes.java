package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.SignIn;
import org.courtyard.core.web.SessionPolicy;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** Password sign-in and sign-out. */
public final class AuthRoutes {
  private final Web web;
  private final SignIn signIn;
  private final SessionPolicy sessionPolicy;

  @Inject
  public AuthRoutes(Web web, SignIn signIn, SessionPolicy sessionPolicy) {
    this.web = web;
    this.signIn = signIn;
    this.sessionPolicy = sessionPolicy;
  }

  public void mount(Router router) {
    router.get("/login").handler(web.publicPage(this::form));
    router.post("/login").handler(web.publicPage(this::submit));
    router.post("/logout").handler(web.publicPage(this::logout));
  }

  private Reply form(WebRequest req) {
    if (req.user() != null) return Reply.redirect("/");
    return loginPage(req, "", null, 200);
  }

  private Reply submit(WebRequest req) {
    SignIn.Result r = signIn.withPassword(req.form("username"), req.formMap().get("password"), req.clientAddress());
    if (r.user().isEmpty()) return loginPage(req, req.form("username"), req.t(r.refusal()), 401);
    sessionPolicy.start(req, r.user().get());
    if (r.mustChoosePassword()) {
      req.session().put(AccountRoutes.SESSION_CHOOSE_PASSWORD, true);
      return Reply.redirect("/account").flash(req.t("login.choosePassword"));
    }
    return Reply.redirect(safeNext(req.form("next")));
  }

  private Reply logout(WebRequest req) {
    req.session().destroy();
    return Reply.redirect("/login");
  }

  private static Page loginPage(WebRequest req, String username, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("username", username);
    m.put("error", error);
    m.put("next", safeNext(req.query("next").orElse(req.form("next"))));
    return Page.of("login", m).title(req.t("login.title")).status(status);
  }

  /**
   * Only a path on this site: parsed as a URI, with no scheme, no host, no control characters or
   * backslashes anywhere (browsers read "/\\host" and "/<tab>/host" as another site), at most 2,000 characters.
   */
  public static String safeNext(String next) {
    if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) return "/";
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) return "/";
    }
    try {
      java.net.URI uri = new java.net.URI(next);
      if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")
          || uri.getRawPath().startsWith("//")) return "/";
    } catch (java.net.URISyntaxException e) {
      return "/";
    }
    return next;
  }
}
