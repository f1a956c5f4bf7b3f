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

  /**
   * A live feed of server-sent events at {@code path} (GET), for users holding the capability; see
   * {@link EventStream}. The core checks the space and capability as for any route.
   *
   * @since 2.0.0
   */
  ToolRouter stream(String path, org.courtyard.api.CapabilityKey capability, StreamHandler handler);

  /** A GET route needing a capability declared as a typed handle. @since 2.0.0 */
  default ToolRouter get(String path, org.courtyard.api.CapabilityKey capability, ToolHandler handler) {
    return get(path, capability.name(), handler);
  }

  /**
   * A POST route for a form: when {@code handler} refuses the input with an {@link InputProblem} that
   * names no page, the page {@code form} renders (usually the GET handler that showed the form) is
   * shown again with the problems and what was typed, status 422.
   * <pre>
   * r.get("/new", WRITE, this::newForm);
   * r.post("/new", WRITE, this::create, this::newForm);
   * </pre>
   *
   * @since 2.0.0
   */
  default ToolRouter post(String path, org.courtyard.api.CapabilityKey capability, ToolHandler handler, ToolHandler form) {
    return post(path, capability.name(), req -> {
      try {
        return handler.handle(req);
      } catch (InputProblem p) {
        if (p.form().isPresent()) throw p;
        Reply shown = form.handle(req);
        if (shown instanceof Page page) throw p.showing(page);
        throw p;
      }
    });
  }

  /** A POST route needing a capability declared as a typed handle. @since 2.0.0 */
  default ToolRouter post(String path, org.courtyard.api.CapabilityKey capability, ToolHandler handler) {
    return post(path, capability.name(), handler);
  }
}
