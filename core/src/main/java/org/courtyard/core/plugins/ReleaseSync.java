package org.courtyard.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Brings this node's plugins to the versions recorded in {@link PluginReleases}: at start, by putting
 * the recorded jar in the plugins folder (and taking other versions of it out) before anything loads;
 * while running, when another node installed, upgraded or removed a plugin (it says so at once, and
 * the periodic catch-up finds what a lost message missed), by the same swap the installing node made.
 */
public final class ReleaseSync {
  private static final Logger LOG = Logger.getLogger(ReleaseSync.class.getName());
  private final PluginReleases releases;
  private final PluginHost host;
  private final PluginSwap swap;
  private final Path pluginsDir;
  private final ToolRegistry registry;
  /** The release (sha256, or "removed") this node last converged to, or failed to, per plugin: only a change is acted on. */
  private final Map<String, String> seen = new HashMap<>();

  public ReleaseSync(PluginReleases releases, PluginHost host, PluginSwap swap, ToolRegistry registry, Path pluginsDir) {
    this.registry = registry;
    this.releases = releases;
    this.host = host;
    this.swap = swap;
    this.pluginsDir = pluginsDir;
  }

  /** Before the plugins load: the folder holds exactly the recorded version of each recorded plugin. */
  public synchronized void prepareFolder() {
    Map<String, List<Path>> jarsById = jarsById();
    for (PluginReleases.Release r : releases.all()) {
      List<Path> jars = jarsById.getOrDefault(r.pluginId(), List.of());
      Path keep = r.removed() ? null : jars.stream().filter(j -> r.sha256().equals(PluginPackage.sha256(j))).findFirst().orElse(null);
      if (!r.removed() && keep == null) {
        keep = pluginsDir.resolve(r.pluginId() + "-" + r.version() + ".jar");
        releases.writeJar(r.pluginId(), keep);
        LOG.info("Plugin " + r.pluginId() + " " + r.version() + " written from the database (installed on another node, or while this one was stopped)");
      }
      for (Path j : jars) {
        if (j.equals(keep)) continue;
        if (!r.removed() && newer(j, r.version())) setAside(j); // e.g. a newer distribution's bundled jar: installed once the server runs
        else PluginInstaller.deleteQuietly(j);
      }
      seen.put(r.pluginId(), r.removed() ? "removed" : r.sha256());
    }
  }

  /** Remembers which tools each running plugin brought, so its data can be found later even while it is stopped. */
  public void rememberRunningTools() {
    for (PluginHost.Loaded l : host.loaded()) {
      List<String> tools = registry.ofPlugin(l.pluginId()).stream().map(ToolRegistry.ActiveTool::id).toList();
      if (!tools.isEmpty()) releases.rememberTools(l.pluginId(), tools);
    }
  }

  /** Another node's install, upgrade or removal is acted on at once (the periodic catch-up is the safety net). */
  public void listen(org.courtyard.core.cluster.Cluster cluster) {
    cluster.onMessageFromOthers(PluginInstaller.TOPIC, msg -> catchUp());
  }

  /** Jars set aside at start because they are newer than the recorded release; the installer takes them through its checks. */
  public Path pendingDir() { return pluginsDir.resolve(".pending"); }

  private boolean newer(Path jar, String recorded) {
    String v = descriptor(jar).getProperty("plugin.version", "");
    try {
      return host.compareVersions(v, recorded) > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void setAside(Path jar) {
    try {
      Files.createDirectories(pendingDir());
      Files.move(jar, pendingDir().resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.warning("Could not set " + jar + " aside: " + e.getMessage());
    }
  }

  /** Acts on releases recorded since this node last looked. */
  public synchronized void catchUp() {
    for (PluginReleases.Release r : releases.all()) {
      String key = r.removed() ? "removed" : r.sha256();
      if (key.equals(seen.get(r.pluginId()))) continue;
      seen.put(r.pluginId(), key);
      try {
        if (r.removed()) remove(r.pluginId());
        else converge(r);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not bring plugin " + r.pluginId() + " to the recorded release", e);
      }
    }
  }

  private void converge(PluginReleases.Release r) {
    var loaded = host.loaded(r.pluginId());
    if (loaded.isPresent() && r.sha256().equals(PluginPackage.sha256(loaded.get().jar()))) return;
    Path target = pluginsDir.resolve(r.pluginId() + "-" + r.version() + ".jar");
    if (loaded.isPresent() && loaded.get().jar().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
      target = pluginsDir.resolve(r.pluginId() + "-" + r.version() + "-" + r.sha256().substring(0, 8) + ".jar");
    }
    releases.writeJar(r.pluginId(), target);
    PluginPackage.read(target); // a damaged copy is refused here, before anything is unloaded
    if (loaded.isPresent()) {
      PluginSwap.Outcome o = swap.replace(r.pluginId(), target);
      if (o.ok()) {
        PluginInstaller.deleteQuietly(loaded.get().jar());
        LOG.info("Plugin " + r.pluginId() + " upgraded to " + r.version() + " as another node did (requests held " + o.heldMillis() + " ms)");
      } else {
        PluginInstaller.deleteQuietly(target);
        LOG.warning("Plugin " + r.pluginId() + " " + r.version() + " did not start on this node; it keeps " + loaded.get().version() + ": " + o.failure());
      }
    } else {
      String id = host.load(target);
      if (!host.turnedOff(id)) host.start(id);
      LOG.info("Plugin " + r.pluginId() + " " + r.version() + " installed as another node did");
    }
  }

  private void remove(String pluginId) {
    var loaded = host.loaded(pluginId);
    if (loaded.isEmpty()) return;
    host.unload(pluginId);
    PluginInstaller.deleteQuietly(loaded.get().jar());
    LOG.info("Plugin " + pluginId + " removed as another node did");
  }

  private Map<String, List<Path>> jarsById() {
    Map<String, List<Path>> out = new HashMap<>();
    if (!Files.isDirectory(pluginsDir)) return out;
    try (Stream<Path> files = Files.list(pluginsDir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
        String id = idOf(f);
        if (id != null) out.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      LOG.warning("Cannot read " + pluginsDir + ": " + e.getMessage());
    }
    return out;
  }

  /** The plugin id a jar declares, or null for a file that is not a readable plugin (left for PF4J to report). */
  static String idOf(Path jar) { return descriptor(jar).getProperty("plugin.id"); }

  private static Properties descriptor(Path jar) {
    Properties p = new Properties();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      var e = z.getEntry("plugin.properties");
      if (e == null) return p;
      try (var in = z.getInputStream(e)) {
        p.load(in);
      }
    } catch (IOException e) {
      // not a readable plugin: no descriptor
    }
    return p;
  }
}
