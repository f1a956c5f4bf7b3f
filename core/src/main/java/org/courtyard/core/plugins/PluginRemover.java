package org.courtyard.core.plugins;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.cluster.Cluster;

/**
 * Removes an installed plugin from the installation: stops and unloads it, deletes its jar, records the
 * removal for the other nodes, and — only if the admin chose so — deletes its data ({@link PluginData}).
 * Keeping the data means installing the plugin again later finds it as it was.
 */
public final class PluginRemover {
  private final PluginHost host;
  private final PluginReleases releases;
  private final PluginData data;
  private final ToolRegistry registry;
  private final PluginAudit audit;
  private final Cluster cluster;

  public PluginRemover(PluginHost host, PluginReleases releases, PluginData data, ToolRegistry registry, PluginAudit audit, Cluster cluster) {
    this.host = host;
    this.releases = releases;
    this.data = data;
    this.registry = registry;
    this.audit = audit;
    this.cluster = cluster;
  }

  /** What a plugin keeps: its tools and their tables. */
  public record Kept(String pluginId, List<String> toolIds, List<String> tables) {}

  public Kept kept(String pluginId) {
    PluginHost.Loaded loaded = host.loaded(pluginId).orElseThrow(() -> new PluginRefused("plugin.refused.notInstalled", "id", pluginId));
    List<String> tools = toolIds(pluginId);
    return new Kept(pluginId, tools, data.tables(tools, loaded.jar()));
  }

  /** Removes the plugin; with {@code deleteData} its tables go too. Returns what happened, in words. */
  public String remove(String pluginId, boolean deleteData, PluginInstaller.Request r) {
    synchronized (host) {
      Kept kept = kept(pluginId);
      PluginHost.Loaded loaded = host.loaded(pluginId).orElseThrow();
      host.unload(pluginId);
      PluginInstaller.deleteQuietly(loaded.jar());
      releases.removed(pluginId);
      audit.record(r.schoolId(), AuditLog.Action.PLUGIN_REMOVED, r.actor(), pluginId + " " + loaded.version() + " removed"
          + (deleteData ? ", with its data" : ", its data kept (" + String.join(", ", kept.tables()) + ")"));
      if (deleteData) {
        data.delete(kept.toolIds(), kept.tables());
        audit.record(r.schoolId(), AuditLog.Action.PLUGIN_DATA_DELETED, r.actor(), pluginId + ": dropped " + String.join(", ", kept.tables()));
      }
      cluster.tellOthers(PluginInstaller.TOPIC, new JsonObject().put("plugin", pluginId));
      return pluginId + " " + loaded.version() + " is removed" + (deleteData
          ? " and its data deleted (" + kept.tables().size() + " tables)."
          : "; its data is kept, and comes back if it is installed again.");
    }
  }

  private List<String> toolIds(String pluginId) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(registry.ofPlugin(pluginId).stream().map(ToolRegistry.ActiveTool::id).toList());
    ids.addAll(releases.toolsOf(pluginId));
    return new ArrayList<>(ids);
  }
}
