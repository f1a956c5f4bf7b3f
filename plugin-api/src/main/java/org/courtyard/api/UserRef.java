package org.courtyard.api;

/** A person as tools see them: never their password, MIS data or contact details. */
public record UserRef(long id, String username, String displayName, UserKind kind) {}
