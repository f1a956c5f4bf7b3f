package org.courtyard.api.web;

@FunctionalInterface
public interface ToolHandler {
  Reply handle(ToolRequest request) throws Exception;
}
