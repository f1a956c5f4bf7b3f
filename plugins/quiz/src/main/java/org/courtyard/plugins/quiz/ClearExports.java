package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.FileStore;

/** Runs every hour: removes QTI export files made more than {@link #KEEP} ago (the download has surely finished). */
final class ClearExports implements Job {
  static final Duration KEEP = Duration.ofHours(1);
  private final QuizStore quizzes;
  private final FileStore files;
  private final Clock clock;

  @Inject
  ClearExports(QuizStore quizzes, FileStore files, Clock clock) {
    this.quizzes = quizzes;
    this.files = files;
    this.clock = clock;
  }

  @Override
  public void run(JobRun run) throws Exception {
    for (QuizStore.Export e : quizzes.exportsBefore(clock.instant().minus(KEEP))) {
      files.delete(e.fileKey());
      quizzes.exportCleared(e.id());
    }
  }
}
