package org.courtyard.api.event;

/**
 * A person's account was deleted or their data erased (on request, or when the retention time after
 * leaving passed). By the time this is published every tool's
 * {@link org.courtyard.api.privacy.PersonalData#erase} has run; listeners forget anything held in memory.
 *
 * @since 2.0.0
 */
public record PersonDeleted(long userId, long schoolId) {}
