package org.courtyard.api.web;

/**
 * Declares a tool's routes, relative to {@code /s/{space}/{tool}}. Every route names the capability it
 * needs (local name, e.g. {@code "post"}); the core checks it, and the CSRF token on every POST,
 * before the handler runs. Handlers run off the event loop and may block (JDBC, files).
 * Paths use {@code :name} for parameters: {@code "/posts/:id"}.
 */
public interface ToolRouter {
  ToolRouter get(String path, String capability, ToolHandler handler);

  ToolRouter post(String path, String capability, ToolHandler handler);
}
