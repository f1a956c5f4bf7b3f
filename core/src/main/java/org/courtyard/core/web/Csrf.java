package org.courtyard.core.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A token every form carries as {@code _csrf} (or scripts as {@code X-CSRF-Token}); any
 * state-changing request without the right one is refused before a handler sees it. A signed-in
 * person's token lives in their session and is new at every sign-in; a visitor's lives in a cookie of
 * its own (double submit), so a visitor who only looks at the sign-in page leaves nothing stored.
 */
public final class Csrf implements Handler<RoutingContext> {
  public static final String FIELD = "_csrf";
  /** Where one-click unsubscribe links post (see {@code UnsubscribeRoutes}). */
  public static final String UNSUBSCRIBE_PREFIX = "/unsubscribe/";
  public static final String HEADER = "X-CSRF-Token";
  public static final String VISITOR_COOKIE = "courtyard.csrf";
  /** Where this request's token is kept for the page's forms. */
  static final String CONTEXT_KEY = "courtyard.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Web web;
  private final boolean secureCookies;

  public Csrf(Web web, boolean secureCookies) {
    this.web = web;
    this.secureCookies = secureCookies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = token(ctx);
    ctx.put(CONTEXT_KEY, token);
    HttpMethod m = ctx.request().method();
    // A one-click unsubscribe (RFC 8058) is posted by a mail program, with no page before it: the signed
    // link is what authorises it, and all it can do is stop one kind of e-mail to one person.
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS || ctx.request().path().startsWith(UNSUBSCRIBE_PREFIX)) {
      ctx.next();
      return;
    }
    String sent = ctx.request().getHeader(HEADER);
    if (sent == null) sent = ctx.request().getFormAttribute(FIELD);
    if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
    } else {
      web.sendError(ctx, 403, org.courtyard.core.i18n.Words.of("error.formExpired"));
    }
  }

  private String token(RoutingContext ctx) {
    Session session = ctx.session();
    if (session != null && session.get(WebRequest.SESSION_USER) != null) {
      String token = session.get(WebRequest.SESSION_CSRF);
      if (token == null) {
        token = newToken();
        session.put(WebRequest.SESSION_CSRF, token);
      }
      return token;
    }
    Cookie cookie = ctx.request().getCookie(VISITOR_COOKIE);
    if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{32}")) return cookie.getValue();
    String token = newToken();
    ctx.response().addCookie(Cookie.cookie(VISITOR_COOKIE, token).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setSecure(secureCookies));
    return token;
  }

  /** A new signed-in session gets a token of its own, so one seen before sign-in is worthless after. */
  static void renew(Session session) { session.put(WebRequest.SESSION_CSRF, newToken()); }

  static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
