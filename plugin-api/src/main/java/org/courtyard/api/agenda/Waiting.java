package org.courtyard.api.agenda;

import java.time.Instant;
import java.util.Objects;
import org.courtyard.api.SpaceRef;

/**
 * Something waiting for a person: {@code count} things of one kind in one place (a task with 4 hand-ins
 * to mark), the oldest since {@code oldest}. {@code title} is what it is about, as people wrote it (the
 * task's title); the core words the kind in the reader's language. {@code url} is a path on the site.
 *
 * {@code capability} is the tool's own capability by its name ({@code "mark"}, as in routes) or any
 * capability by its whole name ({@code "space.view"}).
 *
 * @since 2.2.0
 */
public record Waiting(Kind kind, SpaceRef space, String title, String url, int count, Instant oldest, String capability) {
  /** What the person is to do. */
  public enum Kind { TO_MARK, TO_MODERATE, TO_APPROVE, TO_HAND_IN, TO_READ }

  public Waiting {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(capability, "capability");
    if (!url.startsWith("/") || url.startsWith("//")) throw new IllegalArgumentException("url is a path on the site: " + url);
    if (count < 1) throw new IllegalArgumentException("count is at least 1");
  }

  public static Waiting of(Kind kind, SpaceRef space, String title, String url, int count, Instant oldest, String capability) {
    return new Waiting(kind, space, title, url, count, oldest, capability);
  }
}
