package org.courtyard.core.privacy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.courtyard.api.job.Job;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.UserStore;

/**
 * Removes leavers' data once the school's retention time after they left has passed: a core job run
 * daily, once across the cluster. Only accounts still switched off count, so a pupil who came back
 * (and was switched on again, which forgets the leaving date) keeps everything.
 */
@Singleton
public final class LeaverRetention implements Job {
  /** Days a leaver's data is kept unless the school chose otherwise. */
  public static final int DEFAULT_DAYS = 365;
  private final Db db;
  private final Clock clock;
  private final UserStore users;
  private final Erasure erasure;

  @Inject
  public LeaverRetention(Db db, Clock clock, UserStore users, Erasure erasure) {
    this.db = db;
    this.clock = clock;
    this.users = users;
    this.erasure = erasure;
  }

  /** The school's retention time in days; 0 keeps leavers' data until someone erases it. */
  public int days(long schoolId) {
    return db.queryOne("SELECT leaver_days FROM schools WHERE space_id = ?", rs -> rs.getInt(1), schoolId).orElse(DEFAULT_DAYS);
  }

  public void setDays(long schoolId, int days) {
    if (days < 0 || days > 36_500) throw new IllegalArgumentException("Keep leavers' data for 0 (until erased by hand) to 36500 days.");
    db.update("UPDATE schools SET leaver_days = ? WHERE space_id = ?", days, schoolId);
  }

  @Override
  public void run(JobRun run) { eraseDue(); }

  /** Erases every leaver past their school's time; returns how many people. */
  public int eraseDue() {
    int erased = 0;
    Instant now = clock.instant();
    for (long[] school : db.query("SELECT space_id, leaver_days FROM schools WHERE leaver_days > 0", rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
      Instant cutoff = now.minus(Duration.ofDays(school[1]));
      for (long id : db.query("SELECT id FROM users WHERE school_id = ? AND disabled = TRUE AND left_at IS NOT NULL AND left_at < ? AND erased_at IS NULL",
          rs -> rs.getLong(1), school[0], cutoff)) {
        var user = users.byId(id);
        if (user.isEmpty()) continue;
        if (erasure.erase(user.get(), null, "left more than " + school[1] + " days ago (the school's retention time)", null).complete()) erased++;
      }
    }
    return erased;
  }
}
