package org.courtyard.core.plugins;

/** A plugin file or release that will not be installed; the message says why, in words an ICT leader can act on. */
public final class PluginRefused extends RuntimeException {
  public PluginRefused(String reason) { super(reason); }
}
