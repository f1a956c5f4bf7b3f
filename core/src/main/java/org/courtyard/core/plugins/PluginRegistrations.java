package org.courtyard.core.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything each running plugin added to the core's registries, as handles, so that stopping the plugin
 * removes all of it in one place, newest first, without the host having to remember each registry.
 */
final class PluginRegistrations {
  private static final Logger LOG = Logger.getLogger(PluginRegistrations.class.getName());
  private final Map<String, List<Registration>> byPlugin = new ConcurrentHashMap<>();

  void add(String pluginId, Registration r) { byPlugin.computeIfAbsent(pluginId, k -> new ArrayList<>()).add(r); }

  /** Removes what the plugin added, newest first; one failing removal does not stop the others. */
  void removeAll(String pluginId) {
    List<Registration> list = byPlugin.remove(pluginId);
    if (list == null) return;
    for (int i = list.size() - 1; i >= 0; i--) {
      try {
        list.get(i).remove();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Removing an entry of plugin " + pluginId + " failed", e);
      }
    }
  }
}
