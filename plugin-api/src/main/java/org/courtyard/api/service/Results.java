package org.courtyard.api.service;

import java.util.List;
import org.courtyard.api.SpaceRef;

/**
 * Results of assessed work (a quiz score, a homework mark), handed to the core so that a markbook
 * can read every tool's results in one place. One result per learner and item: recording again
 * replaces it. The tool's id is filled in by the core. Learners see their own results and parents
 * their children's; the space's teachers see everyone's.
 */
public interface Results {
  /**
   * Records a learner's result for one piece of work.
   *
   * @param itemKey   the tool's own key for the work, stable across edits (e.g. {@code "quiz-12"})
   * @param itemTitle what the markbook shows as the column heading
   * @param score     the score, or {@code null} when the work is graded in words only
   * @param outOf     the highest possible score, or {@code null}
   * @param grade     a grade in words (e.g. "Outstanding"), or {@code null}
   */
  default void record(SpaceRef space, String itemKey, String itemTitle, long learnerId, Double score, Double outOf, String grade) {
    record(space, itemKey, itemTitle, learnerId, score, outOf, grade, null);
  }

  /**
   * As {@link #record(SpaceRef, String, String, long, Double, Double, String)}, held back from the
   * learner and their parents until {@code shownFrom} (e.g. a quiz whose marks are shown after it
   * closes); teachers see it at once. {@code null} shows it at once.
   */
  void record(SpaceRef space, String itemKey, String itemTitle, long learnerId, Double score, Double outOf, String grade, java.time.Instant shownFrom);

  /** The grade {@link #completed} records. @since 2.0.0 */
  String COMPLETED = "Completed";

  /**
   * Records that a learner completed or took part in something that has no mark (read a page, answered
   * a survey, watched a video): the markbook shows it as {@value #COMPLETED}.
   *
   * @since 2.0.0
   */
  default void completed(SpaceRef space, String itemKey, String itemTitle, long learnerId) {
    record(space, itemKey, itemTitle, learnerId, null, null, COMPLETED);
  }

  /** Removes every result for an item (the work was deleted). */
  void withdraw(SpaceRef space, String itemKey);

  /** Every tool's results in a space, oldest item first. */
  List<Result> ofSpace(long spaceId);

  record Result(String toolId, String itemKey, String itemTitle, long learnerId, Double score, Double outOf, String grade,
                java.time.Instant recordedAt, java.time.Instant shownFrom) {}
}
