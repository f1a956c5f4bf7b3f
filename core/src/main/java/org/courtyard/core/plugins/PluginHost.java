package org.courtyard.core.plugins;

import org.courtyard.core.i18n.Words;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.vertx.ext.web.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.Capability;
import org.courtyard.api.CourtyardApi;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.event.Listener;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolHandler;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Widget;
import org.courtyard.core.db.Db;
import org.courtyard.core.db.Migrations;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.services.ActivityStore;
import org.courtyard.core.web.Renderer;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads plugins from {@code plugins/} with PF4J and turns each {@link Tool} into running routes,
 * menus, widgets, listeners and capabilities. A plugin that fails (throws, or needs another API
 * version) is marked failed with the reason and nothing it started is left behind; the rest keeps
 * running. Stop and start happen at runtime.
 */
public final class PluginHost {
  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  /** Words the core uses under {@code /s/{space}/}; a tool may not take them as its id. */
  static final Set<String> RESERVED_IDS = Set.of("manage", "members", "settings", "permissions", "tools", "core", "space", "school", "admin");

  private final PluginManager pf4j;
  private final Path pluginsDir;
  private final Db db;
  private final EventHub events;
  private final CapabilityRegistry capabilities;
  private final ToolRegistry registry;
  private final ActivityStore activity;
  private final org.courtyard.core.notify.NotificationStore notifications;
  private final org.courtyard.core.roster.ImporterRegistry importers;
  private final PluginServicesModule.CoreServices services;
  private final org.courtyard.core.services.ResultStore results;
  private final org.courtyard.core.jobs.JobScheduler jobs;
  private final org.courtyard.core.privacy.PersonalDataRegistry personalData;
  private final org.courtyard.core.agenda.AgendaRegistry agendas;
  /** What each running plugin added, as handles: the one place stopping a plugin undoes. */
  private final PluginRegistrations registrations = new PluginRegistrations();
  private final Map<String, Words> failures = new ConcurrentHashMap<>();
  private final Map<String, List<org.courtyard.api.DemoContent>> demoContent = new ConcurrentHashMap<>();
  private volatile RouteMounter mounter;
  private final org.courtyard.core.i18n.Messages messages;
  private final org.courtyard.core.cluster.Cluster cluster;
  /** Plugins turned off as this node last read it from the database; other nodes' changes show up as differences. */
  private Set<String> knownDisabled = Set.of();
  static final String TOPIC = "plugins";
  private static final String LOOK_FOR_NEW_JARS = "look-for-new-jars";

  public PluginHost(Path pluginsDir, Db db, EventHub events, CapabilityRegistry capabilities, ToolRegistry registry,
                    ActivityStore activity, org.courtyard.core.notify.NotificationStore notifications,
                    org.courtyard.core.roster.ImporterRegistry importers, org.courtyard.core.services.ResultStore results,
                    PluginServicesModule.CoreServices services, org.courtyard.core.cluster.Cluster cluster,
                    org.courtyard.core.jobs.JobScheduler jobs, org.courtyard.core.privacy.PersonalDataRegistry personalData,
                    org.courtyard.core.i18n.Messages messages, org.courtyard.core.agenda.AgendaRegistry agendas) {
    this.agendas = agendas;
    this.messages = messages;
    this.cluster = cluster;
    this.jobs = jobs;
    this.personalData = personalData;
    this.results = results;
    this.pf4j = new DefaultPluginManager(pluginsDir);
    this.pluginsDir = pluginsDir;
    this.db = db;
    this.events = events;
    this.capabilities = capabilities;
    this.registry = registry;
    this.activity = activity;
    this.notifications = notifications;
    this.importers = importers;
    this.services = services;
  }

  public static PluginServicesModule.CoreServices services(org.courtyard.api.data.Database database, org.courtyard.api.service.Events events,
      org.courtyard.api.service.Directory directory, org.courtyard.api.service.Permissions permissions,
      org.courtyard.api.service.HtmlSanitizer sanitizer, org.courtyard.api.service.FileStore files, java.time.Clock clock,
      org.courtyard.api.service.Relationships relationships, org.courtyard.api.service.Uploads uploads) {
    return new PluginServicesModule.CoreServices(database, events, directory, permissions, sanitizer, files, clock, relationships, uploads);
  }

  /** Where routes go once the HTTP server exists; tools started before are mounted then. */
  public synchronized void attach(RouteMounter mounter) { this.mounter = mounter; }

  /**
   * Loads every plugin in the folder and starts those not turned off. Which plugins are off is kept
   * in the database (not PF4J's per-folder disabled.txt), so every node of a cluster agrees; a
   * plugin PF4J still lists as disabled from an older install is carried over once.
   */
  public synchronized void loadAndStartAll() {
    pf4j.loadPlugins();
    Set<String> disabled = readDisabled();
    for (PluginWrapper w : pf4j.getPlugins()) {
      String id = w.getPluginId();
      if (w.getPluginState() == PluginState.DISABLED) {
        if (!disabled.contains(id)) {
          markDisabled(id);
          disabled = readDisabled();
        }
        pf4j.enablePlugin(id); // from now on the database alone says whether it runs
      }
    }
    knownDisabled = disabled;
    for (PluginWrapper w : pf4j.getPlugins()) {
      if (!disabled.contains(w.getPluginId())) start(w.getPluginId());
    }
    cluster.onMessageFromOthers(TOPIC, msg -> {
      if (msg.getBoolean(LOOK_FOR_NEW_JARS, false)) loadNewHere();
      else catchUp();
    });
  }

  /**
   * Starts or stops plugins that another node (or the command line) turned on or off since this
   * node last looked. Runs when another node says so, and every few seconds as a safety net.
   */
  public synchronized void catchUp() {
    Set<String> now = readDisabled();
    if (now.equals(knownDisabled)) return;
    for (PluginWrapper w : new ArrayList<>(pf4j.getPlugins())) {
      String id = w.getPluginId();
      boolean wasOff = knownDisabled.contains(id);
      boolean isOff = now.contains(id);
      if (isOff && !wasOff) {
        stop(id);
        failures.remove(id);
        LOG.info("Plugin " + id + " was turned off elsewhere (another node or the command line); stopped here too");
      } else if (!isOff && wasOff) {
        start(id);
        LOG.info("Plugin " + id + " was turned on elsewhere (another node or the command line); started here too");
      }
    }
    knownDisabled = now;
  }

  private Set<String> readDisabled() {
    return Set.copyOf(db.query("SELECT plugin_id FROM disabled_plugins", rs -> rs.getString(1)));
  }

  private void markDisabled(String pluginId) {
    db.transaction(() -> {
      if (db.queryOne("SELECT plugin_id FROM disabled_plugins WHERE plugin_id = ?", rs -> rs.getString(1), pluginId).isEmpty()) {
        db.update("INSERT INTO disabled_plugins (plugin_id) VALUES (?)", pluginId);
      }
      return null;
    });
  }

  /**
   * Picks up jars dropped into the folder since start, here and (each from its own plugins folder,
   * where the operator copied the jar too) on the other nodes; returns the ids of new plugins here.
   */
  public List<String> loadNew() {
    List<String> added = loadNewHere();
    cluster.tellOthers(TOPIC, new io.vertx.core.json.JsonObject().put(LOOK_FOR_NEW_JARS, true));
    return added;
  }

  private synchronized List<String> loadNewHere() {
    // Load only files not loaded yet: PF4J's loadPlugins() would try every file again and log each as a failure.
    Set<Path> known = new java.util.HashSet<>();
    pf4j.getPlugins().forEach(w -> known.add(w.getPluginPath().toAbsolutePath().normalize()));
    List<String> added = new ArrayList<>();
    List<Path> candidates;
    try (var files = java.nio.file.Files.list(pluginsDir)) {
      candidates = files.filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".zip")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot read the plugins folder " + pluginsDir + ": " + e.getMessage(), e);
    }
    for (Path f : candidates) {
      if (known.contains(f.toAbsolutePath().normalize())) continue;
      try {
        String id = pf4j.loadPlugin(f);
        added.add(id);
        if (!readDisabled().contains(id)) start(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not load " + f.getFileName() + ": " + describe(e), e);
      }
    }
    return added;
  }

  public synchronized boolean start(String pluginId) {
    PluginWrapper w = pf4j.getPlugin(pluginId);
    if (w == null) throw new IllegalArgumentException("No plugin '" + pluginId + "' is installed.");
    if (!registry.ofPlugin(pluginId).isEmpty() || !importers.formatsOf(pluginId).isEmpty()) return true;
    failures.remove(pluginId);
    String requires = w.getDescriptor().getRequires();
    if (requires != null && !requires.isBlank() && !"*".equals(requires.trim())) {
      boolean ok;
      try {
        ok = pf4j.getVersionManager().checkVersionConstraint(CourtyardApi.VERSION, requires);
      } catch (RuntimeException e) {
        ok = false;
      }
      if (!ok) {
        return fail(pluginId, Words.of("plugin.problem.needsApi", "requires", requires, "offered", CourtyardApi.VERSION), null);
      }
    }
    List<ToolRegistry.ActiveTool> started = new ArrayList<>();
    try {
      PluginState state = pf4j.startPlugin(pluginId);
      if (state != PluginState.STARTED) {
        Throwable cause = w.getFailedException();
        return fail(pluginId, cause != null ? Words.of("plugin.problem.didNotStartBecause", "problem", describe(cause))
            : Words.of("plugin.problem.didNotStartState", "state", String.valueOf(state)), cause);
      }
      List<Tool> tools = pf4j.getExtensions(Tool.class, pluginId);
      List<org.courtyard.api.roster.RosterImporter> rosterImporters = pf4j.getExtensions(org.courtyard.api.roster.RosterImporter.class, pluginId);
      if (tools.isEmpty() && rosterImporters.isEmpty()) {
        return fail(pluginId, Words.of("plugin.problem.nothingUsable"), null);
      }
      for (Tool tool : tools) started.add(install(pluginId, w.getPluginClassLoader(), w.getPluginPath(), tool));
      for (ToolRegistry.ActiveTool t : started) {
        registry.add(t);
        registrations.add(pluginId, () -> {
          registry.removeTool(t.id());
          RouteMounter m = mounter;
          if (m != null) m.closeStreams(t.id());
        });
      }
      if (!rosterImporters.isEmpty()) {
        // An importer's problems come from its plugin's messages (messages/<plugin id>*.properties).
        org.courtyard.core.i18n.MessageBundle words = org.courtyard.core.i18n.MessageBundle.load(w.getPluginClassLoader(), pluginId);
        for (org.courtyard.api.roster.RosterImporter i : rosterImporters) registrations.add(pluginId, importers.add(pluginId, i, words));
      }
      LOG.info("Plugin " + pluginId + " " + w.getDescriptor().getVersion() + " started with tools " + started.stream().map(ToolRegistry.ActiveTool::id).toList());
      return true;
    } catch (Throwable e) {
      started.forEach(t -> t.routes().forEach(Route::remove));
      return fail(pluginId, Words.of("plugin.problem.technical", "problem", describe(e)), e);
    }
  }

  private boolean fail(String pluginId, Words reason, Throwable cause) {
    LOG.log(Level.WARNING, "Plugin " + pluginId + " failed: " + reason.english(), cause);
    failures.put(pluginId, reason);
    undo(pluginId);
    try {
      PluginWrapper w = pf4j.getPlugin(pluginId);
      if (w != null && w.getPluginState() == PluginState.STARTED) pf4j.stopPlugin(pluginId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + pluginId + " also failed to stop", e);
    }
    return false;
  }

  /** Takes away everything the plugin added, newest first: routes, streams, privacy hooks, jobs, stop hooks, listeners, capabilities. */
  private void undo(String pluginId) {
    registry.ofPlugin(pluginId).forEach(t -> demoContent.remove(t.id()));
    registrations.removeAll(pluginId);
  }

  /** Loads a jar into PF4J without starting it (for an install or upgrade); returns its plugin id. */
  public synchronized String load(Path jar) { return pf4j.loadPlugin(jar); }

  /** Stops a plugin and unloads it, closing its class loader; its jar file stays where it is. */
  public synchronized void unload(String pluginId) {
    stop(pluginId);
    failures.remove(pluginId);
    if (pf4j.getPlugin(pluginId) != null) pf4j.unloadPlugin(pluginId);
  }

  /** The version and jar of a loaded plugin, whether it runs or not. */
  public record Loaded(String pluginId, String version, Path jar) {}

  public synchronized java.util.Optional<Loaded> loaded(String pluginId) {
    PluginWrapper w = pf4j.getPlugin(pluginId);
    return w == null ? java.util.Optional.empty() : java.util.Optional.of(new Loaded(pluginId, w.getDescriptor().getVersion(), w.getPluginPath()));
  }

  public synchronized List<Loaded> loaded() {
    return pf4j.getPlugins().stream().map(w -> new Loaded(w.getPluginId(), w.getDescriptor().getVersion(), w.getPluginPath())).toList();
  }

  /** Why a plugin failed to start, or null. */
  public Words failure(String pluginId) { return failures.get(pluginId); }

  /** Whether the plugin is turned off for the installation (it is then loaded but not started). */
  public boolean turnedOff(String pluginId) { return readDisabled().contains(pluginId); }

  /** Compares two plugin versions (semantic versions, as PF4J reads them): negative if {@code a} is older. */
  public int compareVersions(String a, String b) { return pf4j.getVersionManager().compareVersions(a, b); }

  /** Whether {@code version} satisfies a plugin's {@code requires} range (e.g. {@code >=1.2.0 & <2.0.0}). */
  public boolean satisfies(String version, String range) {
    if (range == null || range.isBlank() || "*".equals(range.trim())) return true;
    return pf4j.getVersionManager().checkVersionConstraint(version, range);
  }

  /** Stops a running plugin: routes, menus, widgets, listeners and capabilities go away at once. */
  public synchronized void stop(String pluginId) {
    undo(pluginId);
    PluginWrapper w = pf4j.getPlugin(pluginId);
    if (w != null && w.getPluginState() == PluginState.STARTED) pf4j.stopPlugin(pluginId);
    LOG.info("Plugin " + pluginId + " stopped");
  }

  /** Stops the plugin and remembers it, for every node and across restarts; the other nodes stop it at once. */
  public synchronized void disable(String pluginId) {
    requireInstalled(pluginId);
    markDisabled(pluginId);
    stop(pluginId);
    failures.remove(pluginId);
    knownDisabled = readDisabled();
    cluster.tellOthers(TOPIC, new io.vertx.core.json.JsonObject().put("plugin", pluginId));
  }

  public synchronized boolean enable(String pluginId) {
    requireInstalled(pluginId);
    db.update("DELETE FROM disabled_plugins WHERE plugin_id = ?", pluginId);
    knownDisabled = readDisabled();
    boolean ok = start(pluginId);
    cluster.tellOthers(TOPIC, new io.vertx.core.json.JsonObject().put("plugin", pluginId));
    return ok;
  }

  public synchronized void stopAll() {
    for (PluginWrapper w : new ArrayList<>(pf4j.getPlugins())) {
      try {
        stop(w.getPluginId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Plugin " + w.getPluginId() + " did not stop cleanly", e);
      }
    }
  }

  /** The sample content a running tool offers for the demo school. */
  public List<org.courtyard.api.DemoContent> demoContent(String toolId) { return demoContent.getOrDefault(toolId, List.of()); }

  public List<PluginStatus> statuses() {
    List<PluginStatus> out = new ArrayList<>();
    for (PluginWrapper w : pf4j.getPlugins()) {
      String id = w.getPluginId();
      var d = w.getDescriptor();
      List<String> toolIds = new ArrayList<>(registry.ofPlugin(id).stream().map(ToolRegistry.ActiveTool::id).toList());
      importers.formatsOf(id).forEach(f -> toolIds.add("import:" + f));
      PluginStatus.State state = failures.containsKey(id) ? PluginStatus.State.FAILED
          : !toolIds.isEmpty() ? PluginStatus.State.RUNNING : PluginStatus.State.DISABLED;
      out.add(new PluginStatus(id, d.getVersion(), d.getPluginDescription(), d.getProvider(), d.getRequires(), state, failures.get(id), toolIds));
    }
    out.sort(java.util.Comparator.comparing(PluginStatus::pluginId));
    return out;
  }

  private void requireInstalled(String pluginId) {
    if (pf4j.getPlugin(pluginId) == null) throw new IllegalArgumentException("No plugin '" + pluginId + "' is installed.");
  }

  /** Runs the tool's install(), its migrations, and builds everything it declared; registers nothing yet but capabilities and listeners. */
  private ToolRegistry.ActiveTool install(String pluginId, ClassLoader loader, Path pluginPath, Tool tool) throws Exception {
    ToolInfo info = tool.info();
    String toolId = info.id();
    if (RESERVED_IDS.contains(toolId)) throw new IllegalStateException("Tool id '" + toolId + "' is reserved by the core.");
    if (registry.tool(toolId).isPresent()) throw new IllegalStateException("Tool id '" + toolId + "' is already used by plugin " + registry.tool(toolId).get().pluginId() + ".");
    Binder binder = new Binder();
    tool.install(binder);

    // The tool's own messages (messages/<tool>.properties in its jar), read before the core's.
    org.courtyard.core.i18n.MessageBundle bundle = org.courtyard.core.i18n.MessageBundle.load(loader, toolId);
    Renderer.Engine templates = Renderer.engine(loader, "/templates", messages, bundle);
    templates.compileAll(TemplateNames.of(pluginPath));

    for (String folder : binder.migrations) Migrations.apply(db.dataSource(), db.dialect(), toolId, folder, loader);

    List<Module> modules = new ArrayList<>();
    modules.add(new PluginServicesModule(services, activity.forTool(toolId, bundle), notifications.forTool(toolId, bundle), results.forTool(toolId)));
    modules.addAll(binder.modules);
    Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);

    Set<String> declared = new java.util.HashSet<>();
    for (Capability c : info.capabilities()) declared.add(c.id());
    List<RouteDef> routes = new ArrayList<>();
    ToolRouter router = new ToolRouter() {
      @Override public ToolRouter get(String path, String capability, ToolHandler handler) { return add("GET", path, capability, handler); }

      @Override public ToolRouter post(String path, String capability, ToolHandler handler) { return add("POST", path, capability, handler); }

      @Override public ToolRouter stream(String path, org.courtyard.api.CapabilityKey capability, org.courtyard.api.web.StreamHandler handler) {
        add(RouteDef.STREAM, path, capability.name(), null);
        RouteDef last = routes.remove(routes.size() - 1);
        routes.add(new RouteDef(last.method(), last.path(), last.capability(), null, handler));
        return this;
      }

      private ToolRouter add(String method, String path, String capability, ToolHandler handler) {
        String full = toolId + "." + capability;
        if (!declared.contains(full)) {
          throw new IllegalStateException("Route " + method + " " + path + " needs capability '" + capability + "', which " + toolId + " does not declare.");
        }
        if (!path.startsWith("/")) throw new IllegalStateException("Route paths start with '/': " + path);
        routes.add(new RouteDef(method, path, full, handler));
        return this;
      }
    };
    for (Class<? extends Routes> r : binder.routes) injector.getInstance(r).mount(router);

    List<ToolRegistry.WidgetEntry> widgets = new ArrayList<>();
    for (Binder.WidgetDecl w : binder.widgets) {
      checkCapability(declared, toolId, w.capability(), "widget " + w.name());
      widgets.add(new ToolRegistry.WidgetEntry(toolId, w.name(), w.title(), w.capability(), injector.getInstance(w.type())));
    }
    List<ToolRegistry.MenuEntry> menus = new ArrayList<>();
    for (ToolRegistry.MenuEntry m : binder.menus) {
      checkCapability(declared, toolId, m.capability(), "menu entry " + m.label());
      menus.add(new ToolRegistry.MenuEntry(toolId, m.label(), m.path(), m.capability()));
    }
    List<java.util.function.Supplier<Registration>> listeners = new ArrayList<>();
    for (Binder.ListenerDecl<?> l : binder.listeners) listeners.add(register(pluginId, injector, l));
    List<org.courtyard.api.DemoContent> demo = new ArrayList<>();
    for (var d : binder.demo) demo.add(injector.getInstance(d));
    demoContent.put(toolId, List.copyOf(demo));

    List<org.courtyard.api.Lifecycle> lifecycles = new ArrayList<>();
    for (var l : binder.lifecycles) lifecycles.add(injector.getInstance(l));
    List<org.courtyard.api.job.Job> jobInstances = new ArrayList<>();
    for (Binder.JobDecl j : binder.jobs) jobInstances.add(injector.getInstance(j.job()));
    org.courtyard.api.privacy.PersonalData privacy = binder.personalData == null ? null : injector.getInstance(binder.personalData);
    org.courtyard.api.agenda.Agenda agenda = binder.agenda == null ? null : injector.getInstance(binder.agenda);

    for (Capability c : info.capabilities()) registrations.add(pluginId, capabilities.register(pluginId, c));
    for (var l : listeners) registrations.add(pluginId, l.get());
    for (org.courtyard.api.Lifecycle l : lifecycles) {
      l.start();
      registrations.add(pluginId, () -> {
        try {
          l.stop();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "Tool " + toolId + " failed in its stop hook; stopped anyway", e);
        }
      });
    }
    for (int i = 0; i < binder.jobs.size(); i++) {
      registrations.add(pluginId, jobs.register(toolId, binder.jobs.get(i).name(), binder.jobs.get(i).schedule(), jobInstances.get(i)));
    }
    if (privacy != null) registrations.add(pluginId, personalData.add(toolId, info.title(), privacy, bundle));
    if (agenda != null) registrations.add(pluginId, agendas.add(toolId, agenda));
    RouteMounter m = mounter;
    List<Route> mounted = m == null ? List.of() : m.mount(toolId, routes);
    return new ToolRegistry.ActiveTool(pluginId, info, templates, loader, List.copyOf(menus), List.copyOf(widgets), mounted);
  }

  private <E> java.util.function.Supplier<Registration> register(String pluginId, Injector injector, Binder.ListenerDecl<E> l) {
    Listener<E> listener = injector.getInstance(l.listener());
    return l.everyNode() ? () -> events.registerOnEveryNode(pluginId, l.type(), listener) : () -> events.register(pluginId, l.type(), listener);
  }

  private static void checkCapability(Set<String> declared, String toolId, String capability, String what) {
    if (!declared.contains(toolId + "." + capability)) {
      throw new IllegalStateException("The " + what + " needs capability '" + capability + "', which " + toolId + " does not declare.");
    }
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  /** Collects what a tool's install() declares. */
  static final class Binder implements ToolBinder {
    record WidgetDecl(String name, String title, String capability, Class<? extends Widget> type) {}

    record ListenerDecl<E>(Class<E> type, Class<? extends Listener<E>> listener, boolean everyNode) {}

    final List<Class<? extends Routes>> routes = new ArrayList<>();
    final List<String> migrations = new ArrayList<>();
    final List<ListenerDecl<?>> listeners = new ArrayList<>();
    final List<WidgetDecl> widgets = new ArrayList<>();
    final List<ToolRegistry.MenuEntry> menus = new ArrayList<>();
    final List<Module> modules = new ArrayList<>();
    final List<Class<? extends org.courtyard.api.DemoContent>> demo = new ArrayList<>();
    final List<Class<? extends org.courtyard.api.Lifecycle>> lifecycles = new ArrayList<>();
    final List<JobDecl> jobs = new ArrayList<>();
    Class<? extends org.courtyard.api.privacy.PersonalData> personalData;
    Class<? extends org.courtyard.api.agenda.Agenda> agenda;

    @Override public ToolBinder agenda(Class<? extends org.courtyard.api.agenda.Agenda> type) {
      if (agenda != null) throw new IllegalArgumentException("a tool declares its agenda once");
      agenda = type;
      return this;
    }

    record JobDecl(String name, org.courtyard.api.job.Schedule schedule, Class<? extends org.courtyard.api.job.Job> job) {}

    @Override public ToolBinder lifecycle(Class<? extends org.courtyard.api.Lifecycle> lifecycle) { lifecycles.add(lifecycle); return this; }

    @Override public ToolBinder job(String name, org.courtyard.api.job.Schedule schedule, Class<? extends org.courtyard.api.job.Job> job) {
      if (!name.matches("[a-z][a-z0-9-]{0,60}")) throw new IllegalArgumentException("job names are lower-case letters, digits or '-': " + name);
      if (jobs.stream().anyMatch(j -> j.name().equals(name))) throw new IllegalArgumentException("two jobs are named " + name);
      jobs.add(new JobDecl(name, schedule, job));
      return this;
    }

    @Override public ToolBinder personalData(Class<? extends org.courtyard.api.privacy.PersonalData> type) {
      if (personalData != null) throw new IllegalArgumentException("a tool declares its personal data once");
      personalData = type;
      return this;
    }

    @Override public ToolBinder demoContent(Class<? extends org.courtyard.api.DemoContent> content) { demo.add(content); return this; }

    @Override public ToolBinder routes(Class<? extends Routes> r) { routes.add(r); return this; }

    @Override public ToolBinder migrations(String folder) { migrations.add(folder); return this; }

    @Override public <E> ToolBinder listen(Class<E> type, Class<? extends Listener<E>> listener) { listeners.add(new ListenerDecl<>(type, listener, false)); return this; }

    @Override public <E> ToolBinder listenOnEveryNode(Class<E> type, Class<? extends Listener<E>> listener) { listeners.add(new ListenerDecl<>(type, listener, true)); return this; }

    @Override public ToolBinder widget(String name, String title, String capability, Class<? extends Widget> widget) {
      widgets.add(new WidgetDecl(name, title, capability, widget));
      return this;
    }

    @Override public ToolBinder menu(String label, String path, String capability) { menus.add(new ToolRegistry.MenuEntry(null, label, path, capability)); return this; }

    @Override public ToolBinder bind(Module module) { modules.add(module); return this; }
  }
}
