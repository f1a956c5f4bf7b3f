package org.courtyard.api.event;

/** Receives a core event, off the event loop, after the change that caused it has been saved. */
@FunctionalInterface
public interface Listener<E> {
  void on(E event) throws Exception;
}
