package org.courtyard.api.event;

/**
 * A person left a school (the MIS import or the ICT leader marked them as a leaver). Their account is
 * kept, closed to sign-in, until the school's retention time has passed.
 *
 * @since 2.0.0
 */
public record PersonLeft(long userId, long schoolId) {}
