package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.Directory;

/**
 * Runs every minute: hands in, with the answers saved so far, every try whose time limit or quiz
 * closing time has passed (so results and the markbook are right without anyone opening a page), and
 * when a quiz closes tells the teacher who set it how many handed in and, for a quiz whose marks wait
 * for the close, tells each learner who took it, and their parents, that their marks are ready.
 */
final class CloseQuizzes implements Job {
  private final QuizService service;
  private final QuizStore quizzes;
  private final Directory directory;
  private final QuizNotices notices;
  private final Clock clock;

  @Inject
  CloseQuizzes(QuizService service, QuizStore quizzes, Directory directory, QuizNotices notices, Clock clock) {
    this.service = service;
    this.quizzes = quizzes;
    this.directory = directory;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public void run(JobRun run) {
    service.closeOverdue(directory::space);
    for (QuizStore.Quiz q : quizzes.closedUntold(clock.instant())) {
      if (!quizzes.claimCloseTold(q.id())) continue;
      SpaceRef space = directory.space(q.spaceId()).orElse(null);
      if (space == null) continue;
      List<QuizStore.Attempt> all = quizzes.attempts(q.id());
      Set<Long> learners = new LinkedHashSet<>();
      long toMark = 0;
      for (QuizStore.Attempt a : all) {
        if (a.open()) continue;
        learners.add(a.userId());
        if (QuizStore.MARKING.equals(a.state())) toMark++;
      }
      long setter = quizzes.creatorOf(q.id());
      if (setter > 0) {
        notices.closed(space, q, setter, learners.size(), toMark);
      }
      if (QuizStore.FEEDBACK_AFTER_CLOSE.equals(q.feedback())) {
        for (long learner : learners) notices.marksReady(space, q, learner); // and their parents
      }
    }
  }
}
