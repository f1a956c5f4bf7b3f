package org.courtyard.core.plugins;

import org.courtyard.api.web.ToolHandler;

/** One route a tool declared: method, path under the tool, the capability it needs (full id). */
public record RouteDef(String method, String path, String capability, ToolHandler handler) {}
