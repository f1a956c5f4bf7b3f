package org.courtyard.core.spaces;

import org.courtyard.api.Role;

/** A user's role in a space; {@code cascades} carries the role into every space below (a head of year, the ICT leader). */
public record Membership(long spaceId, long userId, Role role, boolean cascades, String source) {}
