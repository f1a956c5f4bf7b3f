package org.courtyard.api.web;

/**
 * Opens a live stream ({@link ToolRouter#stream}) once the core has checked the capability: send what
 * the page shows now, then keep {@code stream} for later events. Runs off the event loop; return soon.
 *
 * @since 2.0.0
 */
@FunctionalInterface
public interface StreamHandler {
  void open(ToolRequest request, EventStream stream) throws Exception;
}
