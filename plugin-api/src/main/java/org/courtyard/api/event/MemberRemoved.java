package org.courtyard.api.event;

public record MemberRemoved(long spaceId, long userId) {}
