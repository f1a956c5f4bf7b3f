package org.courtyard.core.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's view of the other Courtyard nodes: a name, how many nodes are joined, and a way to
 * tell all of them something (over the Vert.x event bus, clustered by Hazelcast when started with
 * {@code --cluster}; a node on its own simply has nobody else to tell). Nothing in the request path
 * waits on the cluster: what must survive a node is in the shared database, and messages only say
 * "look again".
 */
public final class Cluster {
  private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
  private static final String ADDRESS_PREFIX = "courtyard.";
  private static final String ORIGIN = "origin";

  private final Vertx vertx;
  private final ClusterManager manager;
  private final String nodeId;

  public Cluster(Vertx vertx, ClusterManager manager) {
    this.vertx = vertx;
    this.manager = manager;
    this.nodeId = manager != null ? manager.getNodeId() : "single-" + UUID.randomUUID();
  }

  public boolean clustered() { return manager != null; }

  public String nodeId() { return nodeId; }

  /** Nodes currently joined, this one included. */
  public int members() { return manager == null ? 1 : manager.getNodes().size(); }

  /** Sends {@code body} to every other node's handlers of {@code topic}; never to this node. */
  public void tellOthers(String topic, JsonObject body) {
    if (manager == null) return;
    vertx.eventBus().publish(ADDRESS_PREFIX + topic, body, new DeliveryOptions().addHeader(ORIGIN, nodeId).setLocalOnly(false));
  }

  /** Runs {@code handler} off the event loop for each message another node sends on {@code topic}. */
  public void onMessageFromOthers(String topic, Consumer<JsonObject> handler) {
    if (manager == null) return;
    vertx.eventBus().<JsonObject>consumer(ADDRESS_PREFIX + topic, msg -> {
      if (nodeId.equals(msg.headers().get(ORIGIN))) return;
      JsonObject body = msg.body();
      vertx.executeBlocking(() -> {
        try {
          handler.accept(body);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Handling '" + topic + "' from another node failed", e);
        }
        return null;
      }, true);
    });
  }
}
