package org.courtyard.api.event;

/**
 * A tool was taken off a space. Its data there is kept (the owner may add it back); a tool may stop
 * jobs or notifications for that space.
 *
 * @since 2.0.0
 */
public record ToolRemovedFromSpace(long spaceId, String toolId) {}
