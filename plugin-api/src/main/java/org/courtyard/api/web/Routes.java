package org.courtyard.api.web;

/** A tool's pages. Built by the tool's injector, so it can take services in its constructor. */
public interface Routes {
  void mount(ToolRouter router);
}
