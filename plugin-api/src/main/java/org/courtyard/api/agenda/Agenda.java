package org.courtyard.api.agenda;

import java.time.Instant;
import java.util.List;
import org.courtyard.api.UserRef;

/**
 * A tool's answer to "what is waiting for this person?" and "what is dated for them?". Declared with
 * {@code binder.agenda(MyAgenda.class)}; the core asks every tool and merges the answers into home
 * pages, the calendar and the iCalendar feed.
 * <pre>
 * public List&lt;Waiting&gt; waitingFor(UserRef teacher) {
 *   return store.unmarkedByTeacher(teacher.id()).stream()
 *       .map(t -&gt; Waiting.of(Waiting.Kind.TO_MARK, t.space(), t.title(), "/s/" + t.space().slug() + "/homework/" + t.id(),
 *            t.unmarked(), t.oldestHandIn(), "homework.mark")).toList();
 * }
 * </pre>
 * Answer only for spaces where the person is a member; the core shows an item only when the person (for
 * a parent, their child) holds {@code capability} in its space, so an answer that is too generous
 * shows nothing it should not. Be quick: the home page asks on every visit (one query per kind, not per
 * space).
 *
 * @since 2.2.0
 */
public interface Agenda {
  /** What is waiting for the person to do: work to mark, posts to moderate, signs to approve, work to hand in, things to read. */
  default List<Waiting> waitingFor(UserRef person) { return List.of(); }

  /**
   * Dated items the person may see from {@code from} (inclusive) to {@code to} (exclusive): work due,
   * quizzes opening and closing, events. For a learner, their own work says whether it is done; a
   * parent's calendar is made of their children's.
   */
  default List<Dated> datesFor(UserRef person, Instant from, Instant to) { return List.of(); }
}
