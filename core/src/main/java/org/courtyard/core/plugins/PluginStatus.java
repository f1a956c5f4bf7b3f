package org.courtyard.core.plugins;

/** A plugin as the catalogue shows it. */
public record PluginStatus(String pluginId, String version, String description, String provider, String requires,
                           State state, org.courtyard.core.i18n.Words failure, java.util.List<String> toolIds) {
  public enum State { RUNNING, DISABLED, FAILED }
}
