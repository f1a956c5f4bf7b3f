package org.courtyard.api.event;

import org.courtyard.api.Role;

public record MemberAdded(long spaceId, long userId, Role role) {}
