package org.courtyard.api.event;

import org.courtyard.api.SpaceKind;

public record SpaceCreated(long spaceId, long schoolId, SpaceKind kind) {}
