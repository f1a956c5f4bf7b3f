package org.courtyard.api;

/**
 * Sample content a tool puts into the demo school ({@code bin/courtyard demo}), so that people trying
 * Courtyard see the tool in use rather than empty. Called once, when the demo school is made, for each
 * class space the tool is added to, with the class teacher; find the class's learners through
 * {@link org.courtyard.api.service.Directory}. A failure is logged and the demo carries on.
 */
public interface DemoContent {
  void fill(SpaceRef space, UserRef teacher) throws Exception;
}
