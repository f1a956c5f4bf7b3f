package org.courtyard.core.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer: a strict content policy (images and media only from this site, so a
 * picture in someone's post cannot be a tracking pixel on another server), no sniffing, no framing,
 * no referrer leaks, and — when the school set it — Strict-Transport-Security.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self';"
      + " script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private final String hsts;

  public SecurityHeaders(long hstsSeconds) {
    this.hsts = hstsSeconds > 0 ? "max-age=" + hstsSeconds + "; includeSubDomains" : null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap h = ctx.response().headers();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
    if (hsts != null) h.set("Strict-Transport-Security", hsts);
    ctx.next();
  }
}
