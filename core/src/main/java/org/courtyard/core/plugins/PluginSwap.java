package org.courtyard.core.plugins;

import org.courtyard.core.i18n.Words;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces a loaded plugin by another jar of it, here on this node: holds its tools' new requests,
 * lets those in flight finish on the old version, unloads it, loads and starts the new one (whose
 * migrations run as it starts), and lets the held requests through to it. If the new version cannot
 * be loaded or started, the old jar is loaded and started again and the reason is returned.
 */
public final class PluginSwap {
  private static final Logger LOG = Logger.getLogger(PluginSwap.class.getName());
  private final PluginHost host;
  private final ToolRegistry registry;
  private final ToolGate gate;
  private final Duration drainTime;

  public PluginSwap(PluginHost host, ToolRegistry registry, ToolGate gate, Duration drainTime) {
    this.host = host;
    this.registry = registry;
    this.gate = gate;
    this.drainTime = drainTime;
  }

  /** What happened: {@code failure} is null when the new version runs (or is loaded, if the plugin is turned off). */
  public record Outcome(Words failure, long heldMillis) {
    public boolean ok() { return failure == null; }
  }

  public Outcome replace(String pluginId, Path newJar) {
    synchronized (host) {
      PluginHost.Loaded old = host.loaded(pluginId).orElseThrow(() -> new IllegalStateException("No plugin '" + pluginId + "' is loaded."));
      List<String> toolIds = registry.ofPlugin(pluginId).stream().map(ToolRegistry.ActiveTool::id).toList();
      boolean off = host.turnedOff(pluginId);
      long started = System.nanoTime();
      gate.hold(toolIds);
      registry.handOver(toolIds);
      try {
        if (!gate.drain(toolIds, drainTime)) LOG.warning("Requests to " + pluginId + " still running after " + drainTime.toSeconds() + " s; swapping anyway");
        host.unload(pluginId);
        Words failure = loadAndStart(pluginId, newJar, off);
        if (failure != null) {
          LOG.warning("Plugin " + pluginId + ": the new version failed (" + failure + "); putting " + old.version() + " back");
          host.unload(pluginId);
          Words again = loadAndStart(pluginId, old.jar(), off);
          if (again != null) LOG.severe("Plugin " + pluginId + " " + old.version() + " did not start again either: " + again);
        }
        return new Outcome(failure, (System.nanoTime() - started) / 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while swapping " + pluginId, e);
      } finally {
        registry.handedOver(toolIds);
        gate.release(toolIds);
      }
    }
  }

  /** Loads and (unless turned off) starts a jar; returns why it failed, or null. */
  private Words loadAndStart(String pluginId, Path jar, boolean off) {
    String id;
    try {
      id = host.load(jar);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not load " + jar.getFileName(), e);
      return Words.of("plugin.problem.couldNotLoad", "problem", PluginHost.describe(e));
    }
    if (!id.equals(pluginId)) {
      host.unload(id);
      return Words.of("plugin.problem.wrongId", "id", id, "expected", pluginId);
    }
    if (off || host.start(id)) return null;
    Words why = host.failure(id);
    return why == null ? Words.of("plugin.problem.didNotStart") : why;
  }
}
