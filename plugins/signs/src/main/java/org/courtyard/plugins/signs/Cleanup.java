package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.courtyard.api.job.Job;

/** What the gallery tidies by itself, on a schedule rather than inside someone's request. */
final class Cleanup {
  /** Practice questions are for the moment: after two days they go, answered or not. */
  static final Duration KEEP_PRACTICE = Duration.ofDays(2);

  private Cleanup() {}

  /** Uploads started more than a week ago and never finished are dropped, with the chunks they had. */
  static final class UnfinishedUploads implements Job {
    private final UploadStore uploads;
    private final Gallery gallery;

    @Inject
    UnfinishedUploads(UploadStore uploads, Gallery gallery) {
      this.uploads = uploads;
      this.gallery = gallery;
    }

    @Override
    public void run(JobRun run) {
      for (UploadStore.Session s : uploads.abandoned()) gallery.deleteFiles(uploads.delete(s.id()));
    }
  }

  /** Old practice questions and their answers go. */
  static final class OldPractice implements Job {
    private final SignStore store;
    private final Clock clock;

    @Inject
    OldPractice(SignStore store, Clock clock) {
      this.store = store;
      this.clock = clock;
    }

    @Override
    public void run(JobRun run) { store.deletePracticeBefore(clock.instant().minus(KEEP_PRACTICE)); }
  }
}
