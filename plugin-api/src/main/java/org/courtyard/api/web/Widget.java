package org.courtyard.api.web;

/** A box on a space's page. Returns a {@link Page} whose template renders a fragment. */
@FunctionalInterface
public interface Widget {
  Page render(ToolRequest request) throws Exception;
}
