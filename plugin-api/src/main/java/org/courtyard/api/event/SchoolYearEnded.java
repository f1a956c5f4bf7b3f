package org.courtyard.api.event;

/**
 * The ICT leader ended the school year (before the roll moves up). {@code year} is the school's name
 * for the year that ended, e.g. {@code "2025-26"}.
 *
 * @since 2.0.0
 */
public record SchoolYearEnded(long schoolId, String year) {}
