package org.courtyard.core.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.courtyard.core.config.Config;

/**
 * Starts Vert.x as a member of a Hazelcast cluster set up from {@code conf/courtyard.properties}:
 * members found by a fixed list of addresses (no multicast: school and authority networks block or
 * flood it), bound to one interface, and a dead member noticed within seconds rather than a minute.
 */
public final class ClusterJoin {
  private ClusterJoin() {}

  public record Joined(Vertx vertx, HazelcastClusterManager manager) {}

  public static Joined join(Config config, VertxOptions options) {
    String host = config.get(Config.CLUSTER_HOST, "127.0.0.1");
    int port = config.getInt(Config.CLUSTER_PORT, 5701);
    List<String> members = Arrays.stream(config.get(Config.CLUSTER_MEMBERS, host + ":" + port).split(","))
        .map(String::trim).filter(m -> !m.isEmpty()).toList();

    com.hazelcast.config.Config hz = ConfigUtil.loadConfig(); // keeps the maps and locks Vert.x needs
    hz.setClusterName(config.get(Config.CLUSTER_NAME, "courtyard"));
    hz.setProperty("hazelcast.logging.type", "jdk");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false"); // Courtyard leaves the cluster in its own shutdown
    hz.setProperty("hazelcast.socket.bind.any", "false");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(config.getInt(Config.CLUSTER_FAILURE_SECONDS, 5)));
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(port).setPortAutoIncrement(false);
    net.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);

    options.getEventBusOptions().setHost(host).setPort(config.getInt(Config.CLUSTER_BUS_PORT, 0)).setClusterPublicHost(host);
    HazelcastClusterManager manager = new HazelcastClusterManager(hz);
    try {
      Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return new Joined(vertx, manager);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("Could not join the cluster '" + hz.getClusterName() + "' as " + host + ":" + port
          + " (members " + members + "): " + cause.getMessage(), e);
    }
  }
}
