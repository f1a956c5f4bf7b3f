package org.courtyard.api.event;

public record ToolAddedToSpace(long spaceId, String toolId) {}
