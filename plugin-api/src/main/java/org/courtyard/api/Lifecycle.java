package org.courtyard.api;

/**
 * Work a tool does when it starts and stops on a node: open a connection, start a cache, and give
 * them back. {@link #start()} runs after the tool's migrations, before its routes are mounted;
 * {@link #stop()} runs (on disable, upgrade and shutdown) after its routes and jobs are taken away, so
 * no new request reaches the tool, and may still use the database. A failing {@code start()} fails
 * the plugin; a failing {@code stop()} is logged and the plugin stops anyway.
 *
 * @since 2.0.0
 */
public interface Lifecycle {
  default void start() throws Exception {}

  default void stop() throws Exception {}
}
