package org.courtyard.core.web.routes;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.core.db.Db;

/**
 * {@code GET /health} for a load balancer: 200 with {@code {"status":"up"}} while this node can reach
 * its database and takes requests; 503 once it is shutting down (so the balancer stops sending it
 * work while it finishes what it has) or when the database does not answer. It also names this node
 * and counts the nodes it sees in its cluster. No session, no cookie.
 */
@Singleton
public final class HealthRoutes {
  private final Vertx vertx;
  private final Db db;
  private final org.courtyard.core.cluster.Cluster cluster;
  private volatile boolean draining;

  @Inject
  public HealthRoutes(Vertx vertx, Db db, org.courtyard.core.cluster.Cluster cluster) {
    this.cluster = cluster;
    this.vertx = vertx;
    this.db = db;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  /** From now on the node reports itself as going away. */
  public void drain() { draining = true; }

  private void health(RoutingContext ctx) {
    if (draining) {
      answer(ctx, 503, "{\"status\":\"draining\"}");
      return;
    }
    vertx.executeBlocking(() -> db.count("derby".equals(db.dialect()) ? "VALUES 1" : "SELECT 1"), false).onComplete(r -> {
      if (r.succeeded()) {
        answer(ctx, 200, new io.vertx.core.json.JsonObject().put("status", "up").put("database", db.dialect())
            .put("node", cluster.nodeId()).put("nodes", cluster.members()).encode());
      }
      else answer(ctx, 503, "{\"status\":\"down\",\"reason\":\"the database does not answer\"}");
    });
  }

  private static void answer(RoutingContext ctx, int status, String json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(json);
  }
}
