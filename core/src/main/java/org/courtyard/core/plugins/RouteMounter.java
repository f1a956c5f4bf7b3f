package org.courtyard.core.plugins;

import io.vertx.ext.web.Route;
import java.util.List;

/** Puts a tool's routes on the HTTP router; the web layer implements it. */
public interface RouteMounter {
  List<Route> mount(String toolId, List<RouteDef> routes);

  /** Closes the tool's open event streams (it is stopping). */
  default void closeStreams(String toolId) {}
}
