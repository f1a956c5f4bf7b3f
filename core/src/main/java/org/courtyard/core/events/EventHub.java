package org.courtyard.core.events;

import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.event.Listener;
import org.courtyard.api.service.Events;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.db.Db;

/**
 * Delivers events to listeners, remembering which plugin registered each so that disabling a plugin
 * removes its listeners. Delivery happens after the publishing transaction commits, on the
 * publishing thread; a listener that throws is logged and the others still run. In a cluster the
 * event then goes to the other nodes, where only listeners registered for every node run (work
 * that writes must happen once, on the node that saved the change).
 */
@Singleton
public final class EventHub implements Events {
  private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
  static final String TOPIC = "events";

  private record Registration(String owner, Class<?> type, Listener<Object> listener, boolean everyNode) {}

  private final List<Registration> registrations = new CopyOnWriteArrayList<>();
  private final Db db;
  private final Cluster cluster;

  @Inject
  public EventHub(Db db, Cluster cluster) {
    this.db = db;
    this.cluster = cluster;
    cluster.onMessageFromOthers(TOPIC, this::receive);
  }

  /** A listener that runs once, on the node where the change was saved. */
  public <E> org.courtyard.core.plugins.Registration register(String owner, Class<E> type, Listener<? super E> listener) { return add(owner, type, listener, false); }

  /** A listener that runs on every node, wherever the change was saved. */
  public <E> org.courtyard.core.plugins.Registration registerOnEveryNode(String owner, Class<E> type, Listener<? super E> listener) {
    return add(owner, type, listener, true);
  }

  @SuppressWarnings("unchecked")
  private <E> org.courtyard.core.plugins.Registration add(String owner, Class<E> type, Listener<? super E> listener, boolean everyNode) {
    Registration r = new Registration(owner, type, (Listener<Object>) listener, everyNode);
    registrations.add(r);
    return () -> registrations.remove(r);
  }


  public long count(String owner) { return registrations.stream().filter(r -> r.owner().equals(owner)).count(); }

  @Override
  public void publish(Object event) { publishAfterCommit(event); }

  public void publishAfterCommit(Object event) {
    db.afterCommit(() -> {
      deliver(event, false);
      // A node on its own has nobody to tell: no reflection and JSON on every save for nothing.
      if (cluster.clustered() && event instanceof Record r && RecordCodec.canCarry(r.getClass())) {
        cluster.tellOthers(TOPIC, new JsonObject().put("type", r.getClass().getName()).put("event", RecordCodec.write(r)));
      }
    });
  }

  private void receive(JsonObject message) {
    String typeName = message.getString("type");
    Class<?> type = resolve(typeName);
    if (type == null || !RecordCodec.canCarry(type)) return; // nobody here listens for it
    deliver(RecordCodec.read(type, message.getJsonObject("event")), true);
  }

  /** The event's class as this node knows it: the core's, or one an every-node listener here (the only kind that hears other nodes) was registered for. */
  private Class<?> resolve(String name) {
    try {
      return Class.forName(name, false, EventHub.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      for (Registration r : registrations) {
        if (!r.everyNode()) continue;
        try {
          return Class.forName(name, false, r.type().getClassLoader() == null ? EventHub.class.getClassLoader() : r.type().getClassLoader());
        } catch (ClassNotFoundException | LinkageError ignored) {
          // try the next plugin's loader
        }
      }
      return null;
    }
  }

  private void deliver(Object event, boolean fromAnotherNode) {
    for (Registration r : registrations) {
      if (!r.type().isInstance(event) || (fromAnotherNode && !r.everyNode())) continue;
      try {
        r.listener().on(event);
      } catch (Exception | LinkageError e) {
        LOG.log(Level.WARNING, "Listener of " + r.owner() + " failed on " + event.getClass().getSimpleName(), e);
      }
    }
  }
}
