package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.SignIn;
import org.courtyard.core.identity.User;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** Password sign-in and sign-out. */
public final class AuthRoutes {
  private final Web web;
  private final SignIn signIn;

  @Inject
  public AuthRoutes(Web web, SignIn signIn) {
    this.web = web;
    this.signIn = signIn;
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
    SignIn.Result r = signIn.withPassword(req.form("username"), req.formMap().get("password"));
    if (r.user().isEmpty()) return loginPage(req, req.form("username"), r.message(), 401);
    startSession(req, r.user().get());
    if (r.mustChoosePassword()) {
      req.session().put(AccountRoutes.SESSION_CHOOSE_PASSWORD, true);
      return Reply.redirect("/account").flash("Welcome! Please choose your own password now.");
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
    return Page.of("login", m).title("Sign in").status(status);
  }

  /** Signs the user in on a fresh session id, so an id planted before sign-in is worthless. */
  public static void startSession(WebRequest req, User user) {
    req.session().regenerateId();
    req.session().put(WebRequest.SESSION_USER, user.id());
  }

  /** Only paths on this site: never "//host" or "http://…". */
  public static String safeNext(String next) {
    if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
    return next;
  }
}
