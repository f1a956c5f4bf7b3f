package org.courtyard.core.plugins;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lets a plugin be swapped for another version without a tool's requests failing: while a tool is
 * held, new requests for it wait (they are then served by whichever version is running), and the swap
 * waits until the requests already inside the old version have finished, so they complete on the old
 * class loader before it is closed.
 */
@Singleton
public final class ToolGate {
  private final Set<String> held = new HashSet<>();
  private final Map<String, Integer> inFlight = new HashMap<>();

  /** A request inside a tool; close it when the answer is made. */
  public interface Pass extends AutoCloseable {
    @Override void close();
  }

  /**
   * Counts a request as inside the tool unless the tool is held (then null: wait with
   * {@link #awaitOpen} and try again). Never blocks, so the router's first handler can call it; closing
   * the pass twice counts once.
   */
  public synchronized Pass tryEnter(String toolId) {
    if (held.contains(toolId)) return null;
    inFlight.merge(toolId, 1, Integer::sum);
    java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) leave(toolId);
    };
  }

  private synchronized void leave(String toolId) {
    inFlight.computeIfPresent(toolId, (k, n) -> n <= 1 ? null : n - 1);
    notifyAll();
  }

  public synchronized boolean held(String toolId) { return held.contains(toolId); }

  /** Waits until the tool is not held (at most {@code maxWait}); true if it was held at all. */
  public synchronized boolean awaitOpen(String toolId, Duration maxWait) throws InterruptedException {
    boolean was = held.contains(toolId);
    awaitOpenLocked(toolId, maxWait);
    return was;
  }

  private void awaitOpenLocked(String toolId, Duration maxWait) throws InterruptedException {
    long until = System.nanoTime() + maxWait.toNanos();
    while (held.contains(toolId)) {
      long left = until - System.nanoTime();
      if (left <= 0) return;
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized void hold(Collection<String> toolIds) { held.addAll(toolIds); }

  /** Waits until no request is inside these tools; false if some were still running after {@code maxWait}. */
  synchronized boolean drain(Collection<String> toolIds, Duration maxWait) throws InterruptedException {
    long until = System.nanoTime() + maxWait.toNanos();
    while (toolIds.stream().anyMatch(inFlight::containsKey)) {
      long left = until - System.nanoTime();
      if (left <= 0) return false;
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized void release(Collection<String> toolIds) {
    held.removeAll(toolIds);
    notifyAll();
  }
}
