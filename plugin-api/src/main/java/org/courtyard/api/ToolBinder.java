package org.courtyard.api;

import com.google.inject.Module;
import org.courtyard.api.event.Listener;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.Widget;

/**
 * Collects a tool's whole contribution. The core remembers which tool added each entry, so
 * disabling the tool removes its routes, menu entries, widgets and listeners in one go.
 * Classes named here are built by the tool's own Guice injector, made from the plugin-api services
 * ({@code Database}, {@code Clock}, {@code Directory}, ...) and the tool's own modules. It is not a child of
 * the core's injector: a tool sees nothing of the core but plugin-api, and everything Guice made for it
 * goes away with it.
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

  /** A widget whose capability is a typed handle. @since 2.0.0 */
  default ToolBinder widget(String name, String title, CapabilityKey capability, Class<? extends Widget> widget) {
    return widget(name, title, capability.name(), widget);
  }

  /** A menu entry whose capability is a typed handle. @since 2.0.0 */
  default ToolBinder menu(String label, String path, CapabilityKey capability) { return menu(label, path, capability.name()); }

  /**
   * Start and stop hooks, run on every node where the tool runs (see {@link Lifecycle}).
   *
   * @since 2.0.0
   */
  ToolBinder lifecycle(Class<? extends Lifecycle> lifecycle);

  /**
   * A job run on a schedule, once across the cluster (see {@link org.courtyard.api.job.Job}).
   * {@code name} is unique within the tool ({@code "close-polls"}); it keys the job's run history, so
   * keep it across versions.
   *
   * @since 2.0.0
   */
  ToolBinder job(String name, org.courtyard.api.job.Schedule schedule, Class<? extends org.courtyard.api.job.Job> job);

  /**
   * The tool's answer to subject access and erasure requests (see
   * {@link org.courtyard.api.privacy.PersonalData}). Every tool that keeps data about people declares one.
   *
   * @since 2.0.0
   */
  ToolBinder personalData(Class<? extends org.courtyard.api.privacy.PersonalData> personalData);

  /**
   * What is waiting for people and what is dated for them in this tool, for home pages, the calendar
   * and the iCalendar feed (see {@link org.courtyard.api.agenda.Agenda}).
   *
   * @since 2.2.0
   */
  default ToolBinder agenda(Class<? extends org.courtyard.api.agenda.Agenda> agenda) {
    throw new UnsupportedOperationException("This Courtyard has no agenda (API 2.2.0)");
  }

  /** Further Guice bindings for the tool's own classes. */
  ToolBinder bind(Module module);
}
