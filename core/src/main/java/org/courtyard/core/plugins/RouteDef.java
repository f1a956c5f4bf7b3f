package org.courtyard.core.plugins;

import org.courtyard.api.web.ToolHandler;

/**
 * One route a tool declared: method, path under the tool, the capability it needs (full id), and its
 * handler — or, for a live event stream (method {@value #STREAM}, served as GET), its stream handler.
 */
public record RouteDef(String method, String path, String capability, ToolHandler handler, org.courtyard.api.web.StreamHandler stream) {
  public static final String STREAM = "STREAM";

  public RouteDef(String method, String path, String capability, ToolHandler handler) { this(method, path, capability, handler, null); }
}
