package org.courtyard.api.event;

import org.courtyard.api.UserKind;

public record UserCreated(long userId, long schoolId, UserKind kind) {}
