package org.courtyard.api.service;

/** Publishes an event to every enabled listener of its type. */
public interface Events {
  void publish(Object event);
}
