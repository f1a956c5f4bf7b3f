package org.courtyard.core.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A per-session token every form carries as {@code _csrf} (or scripts as {@code X-CSRF-Token}); any
 * state-changing request without the right one is refused before a handler sees it.
 */
public final class Csrf implements Handler<RoutingContext> {
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Web web;

  public Csrf(Web web) { this.web = web; }

  @Override
  public void handle(RoutingContext ctx) {
    Session session = ctx.session();
    String token = session.get(WebRequest.SESSION_CSRF);
    if (token == null) {
      token = newToken();
      session.put(WebRequest.SESSION_CSRF, token);
    }
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    String sent = ctx.request().getHeader(HEADER);
    if (sent == null) sent = ctx.request().getFormAttribute(FIELD);
    if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
    } else {
      web.sendError(ctx, 403, "This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.");
    }
  }

  static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
