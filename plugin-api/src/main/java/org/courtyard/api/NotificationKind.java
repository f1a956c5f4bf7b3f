package org.courtyard.api;

/**
 * A kind of notification a tool sends, declared in its {@link ToolInfo}: {@code kind} is its name within
 * the tool ({@code "handed-in"}), {@code description} the English for a person's choice of how it
 * reaches them.
 *
 * @since 2.2.0
 */
public record NotificationKind(String kind, String description) {}
