package org.courtyard.api.job;

/**
 * Work that runs on a schedule rather than inside a request: closing a poll at its set time, clearing
 * old drafts, removing leavers' data. Each run happens on one node of a cluster only (the core
 * claims it in the database first). Runs off the event loop and may block. A failure is logged
 * and the job runs again at its next time; it is never run twice for one due time.
 *
 * @since 2.0.0
 */
@FunctionalInterface
public interface Job {
  void run(JobRun run) throws Exception;

  /** The run in hand: when it was due (the schedule's time, not the clock's), for catching up on a missed run. */
  record JobRun(java.time.Instant due) {}
}
