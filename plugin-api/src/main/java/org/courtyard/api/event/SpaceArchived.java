package org.courtyard.api.event;

/**
 * A space was archived (read-only from now on, e.g. last year's class). Tools stop anything that would
 * change its data on their own: open polls, reminders, scheduled posts.
 *
 * @since 2.0.0
 */
public record SpaceArchived(long spaceId) {}
