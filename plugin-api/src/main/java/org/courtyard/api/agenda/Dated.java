package org.courtyard.api.agenda;

import java.time.Instant;
import java.util.Objects;
import org.courtyard.api.SpaceRef;

/**
 * A dated item: work due, a quiz opening or closing, an event. {@code id} is stable for the same item
 * across requests (the iCalendar feed's UID is made from it and the tool's id), e.g. {@code "task-42"}.
 * {@code end} may be null (a moment: a deadline). {@code allDay} items are shown as dates in the
 * school's time zone. {@code state} is for a learner's own work ({@link State#NONE} otherwise).
 *
 * {@code capability} is the tool's own capability by its name ({@code "mark"}, as in routes) or any
 * capability by its whole name ({@code "space.view"}).
 *
 * @since 2.2.0
 */
public record Dated(String id, Kind kind, SpaceRef space, String title, String url, Instant start, Instant end, boolean allDay,
                    State state, String capability) {
  /** What the date is. */
  public enum Kind { DUE, OPENS, CLOSES, EVENT }

  /** Where a learner's own work stands. */
  public enum State { NONE, TO_DO, HANDED_IN, LATE, RETURNED }

  public Dated {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(capability, "capability");
    state = state == null ? State.NONE : state;
    if (!url.startsWith("/") || url.startsWith("//")) throw new IllegalArgumentException("url is a path on the site: " + url);
    if (end != null && end.isBefore(start)) throw new IllegalArgumentException("an item ends after it starts");
  }

  /** A moment (a deadline, a quiz closing). */
  public static Dated at(String id, Kind kind, SpaceRef space, String title, String url, Instant at, State state, String capability) {
    return new Dated(id, kind, space, title, url, at, null, false, state, capability);
  }
}
