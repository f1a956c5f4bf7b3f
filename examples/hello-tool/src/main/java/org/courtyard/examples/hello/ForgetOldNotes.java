package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.courtyard.api.job.Job;

/**
 * Hello notes are for the moment, so they are kept for a school year and then forgotten. A job, not
 * a request, does this: it runs on one node of the cluster at its time, even if nobody opens the page.
 */
final class ForgetOldNotes implements Job {
  static final Duration KEPT_FOR = Duration.ofDays(365);
  private final NoteStore notes;
  private final Clock clock;

  @Inject
  ForgetOldNotes(NoteStore notes, Clock clock) {
    this.notes = notes;
    this.clock = clock;
  }

  @Override
  public void run(JobRun run) {
    // Measured from the core's clock (tests move it on), not from when the run was due: a run caught
    // up after the servers were down judges the notes' age as of now.
    notes.deleteOlderThan(clock.instant().minus(KEPT_FOR));
  }
}
