package org.courtyard.core.relationships;

/**
 * Something that decides who is whose changed in a school: a carer link, a safeguarding lead, an
 * account switched on or off, a group archived or moved. Every node forgets what it remembered.
 */
public record RelationshipsChanged(long schoolId) {}
