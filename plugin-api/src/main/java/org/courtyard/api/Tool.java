package org.courtyard.api;

import org.pf4j.ExtensionPoint;

/**
 * A tool a school can enable and add to its spaces. Mark the implementation {@code @Extension}.
 * {@link #install(ToolBinder)} is the one place a tool wires itself: routes, migrations,
 * listeners, widgets, menu entries and its own Guice bindings.
 */
public interface Tool extends ExtensionPoint {
  ToolInfo info();

  void install(ToolBinder tool);
}
