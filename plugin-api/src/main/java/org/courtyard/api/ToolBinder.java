package org.courtyard.api;

import com.google.inject.Module;
import org.courtyard.api.event.Listener;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.Widget;

/**
 * Collects a tool's whole contribution. The core remembers which tool added each entry, so
 * disabling the tool removes its routes, menu entries, widgets and listeners in one go.
 * Classes named here are built by the tool's own Guice injector (a child of the core's).
 */
public interface ToolBinder {
  /** Routes mounted under {@code /s/{space}/{tool}/}. */
  ToolBinder routes(Class<? extends Routes> routes);

  /**
   * SQL migrations in the plugin jar, e.g. {@code "db/hello"} for {@code db/hello/V1__notes.sql}.
   * Applied once, with a history of their own. {@code ${text}} and {@code ${blob}} stand for the
   * database's large text and binary types, so one file runs on Derby and PostgreSQL.
   */
  ToolBinder migrations(String classpathFolder);

  /**
   * A listener for a core event ({@link org.courtyard.api.event}); failures are logged, never passed on.
   * It runs once, on the node where the change was saved: the place for work that writes (a default
   * forum for a new class, a notification), which must not happen once per node.
   */
  <E> ToolBinder listen(Class<E> eventType, Class<? extends Listener<E>> listener);

  /**
   * A listener that runs on <em>every</em> node of a cluster, whichever node saved the change: for
   * what a node keeps in memory (a cache to forget, a page held open). On a single node it is the
   * same as {@link #listen}. Events that reach other nodes are records of plain values.
   *
   * @since 1.2.0
   */
  <E> ToolBinder listenOnEveryNode(Class<E> eventType, Class<? extends Listener<E>> listener);

  /** A box shown on the page of each space that has this tool, to users with the capability. */
  ToolBinder widget(String name, String title, String capability, Class<? extends Widget> widget);

  /** An entry in the space's navigation, linking to {@code path} under the tool, for users with the capability. */
  ToolBinder menu(String label, String path, String capability);

  /** Sample content for the demo school's classes (built by the tool's injector). */
  ToolBinder demoContent(Class<? extends DemoContent> content);

  /** Further Guice bindings for the tool's own classes. */
  ToolBinder bind(Module module);
}
