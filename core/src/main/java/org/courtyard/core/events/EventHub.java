package org.courtyard.core.events;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.event.Listener;
import org.courtyard.api.service.Events;
import org.courtyard.core.db.Db;

/**
 * Delivers events to listeners, remembering which plugin registered each so that disabling a plugin
 * removes its listeners. Delivery happens after the publishing transaction commits, on the
 * publishing thread; a listener that throws is logged and the others still run.
 */
@Singleton
public final class EventHub implements Events {
  private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

  private record Registration(String owner, Class<?> type, Listener<Object> listener) {}

  private final List<Registration> registrations = new CopyOnWriteArrayList<>();
  private final Db db;

  @Inject
  public EventHub(Db db) { this.db = db; }

  @SuppressWarnings("unchecked")
  public <E> void register(String owner, Class<E> type, Listener<? super E> listener) {
    registrations.add(new Registration(owner, type, (Listener<Object>) listener));
  }

  public void unregisterAll(String owner) { registrations.removeIf(r -> r.owner().equals(owner)); }

  public long count(String owner) { return registrations.stream().filter(r -> r.owner().equals(owner)).count(); }

  @Override
  public void publish(Object event) { publishAfterCommit(event); }

  public void publishAfterCommit(Object event) { db.afterCommit(() -> deliver(event)); }

  private void deliver(Object event) {
    for (Registration r : registrations) {
      if (!r.type().isInstance(event)) continue;
      try {
        r.listener().on(event);
      } catch (Exception | LinkageError e) {
        LOG.log(Level.WARNING, "Listener of " + r.owner() + " failed on " + event.getClass().getSimpleName(), e);
      }
    }
  }
}
