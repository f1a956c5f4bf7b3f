package org.courtyard.core.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking, for sign-in limits and the audit log: the connection's address, or — only when the
 * connection comes from a proxy the school named ({@code http.trusted-proxies}) — the last address in
 * X-Forwarded-For that is not one of those proxies. A client cannot choose its own address by
 * sending the header straight to Courtyard.
 */
public final class ClientAddress implements Handler<RoutingContext> {
  static final String CONTEXT_KEY = "courtyard.client-address";
  private final Set<String> trusted;

  public ClientAddress(String trustedProxies) {
    this.trusted = Arrays.stream(trustedProxies == null ? new String[0] : trustedProxies.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, resolve(ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host(),
        ctx.request().getHeader("X-Forwarded-For")));
    ctx.next();
  }

  String resolve(String peer, String forwardedFor) {
    if (!trusted.contains(peer) || forwardedFor == null) return peer;
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted.contains(hop)) return hop.length() > 45 ? hop.substring(0, 45) : hop;
    }
    return peer;
  }
}
