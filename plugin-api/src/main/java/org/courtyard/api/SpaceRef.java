package org.courtyard.api;

/** A space as tools see it. {@code schoolId} is the id of the school space it belongs to (0 for cross-school spaces). */
public record SpaceRef(long id, String slug, String name, SpaceKind kind, long schoolId, boolean archived) {}
