package org.courtyard.core.jobs;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.job.Job;
import org.courtyard.api.job.Schedule;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.plugins.Registration;

/**
 * Runs scheduled jobs, each due time on exactly one node. The next due time of every job lives in the
 * database ({@code job_runs}); a node that finds a job due first moves its due time on with a
 * conditional {@code UPDATE}, and runs the job only if that update changed the row. Every node
 * looks every {@value Config#JOBS_TICK_MS} milliseconds; a job missed while all nodes were down runs once.
 */
@Singleton
public final class JobScheduler {
  private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

  /** A job as the scheduler holds it; {@code key} is {@code owner:name}. */
  public record Entry(String key, String owner, Schedule schedule, Job job) {}

  /** What the database says about a job's runs, for the admin page. */
  public record State(String key, Instant nextDue, Instant lastStarted, Instant lastFinished, String lastNode, String lastOutcome, long runs) {}

  private final Db db;
  private final Clock clock;
  private final ZoneId zone;
  private final String node;
  private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

  @Inject
  public JobScheduler(Db db, Clock clock, Config config, Cluster cluster) {
    this.db = db;
    this.clock = clock;
    this.zone = ZoneId.of(config.get(Config.TIME_ZONE, "Europe/London"));
    this.node = cluster.nodeId();
  }

  /** The installation's time zone, which daily jobs run in. */
  public ZoneId zone() { return zone; }

  /** Adds a job; the handle takes it away again (its run history stays, so an upgrade keeps its rhythm). */
  public Registration register(String owner, String name, Schedule schedule, Job job) {
    String key = owner + ":" + name;
    Entry e = new Entry(key, owner, schedule, job);
    if (jobs.putIfAbsent(key, e) != null) throw new IllegalStateException("A job named '" + name + "' is already scheduled by " + owner + ".");
    if (db.queryOne("SELECT job_key FROM job_runs WHERE job_key = ?", rs -> rs.getString(1), key).isEmpty()) {
      try {
        db.update("INSERT INTO job_runs (job_key, next_due) VALUES (?, ?)", key, Timestamp.from(firstDue(schedule, clock.instant())));
      } catch (RuntimeException raced) {
        // Another node registered it at the same moment: its row is as good as ours.
        if (db.queryOne("SELECT job_key FROM job_runs WHERE job_key = ?", rs -> rs.getString(1), key).isEmpty()) throw raced;
      }
    }
    return () -> jobs.remove(key, e);
  }

  /** Runs, here, every job that is due and that no other node claimed first; returns how many ran here. */
  public int runDue() {
    int ran = 0;
    Instant now = clock.instant();
    for (Entry e : List.copyOf(jobs.values())) {
      Optional<Timestamp> due = db.queryOne("SELECT next_due FROM job_runs WHERE job_key = ?", rs -> rs.getTimestamp(1), e.key());
      if (due.isEmpty() || due.get().toInstant().isAfter(now)) continue;
      Instant next = nextAfter(e.schedule(), due.get().toInstant(), now);
      int claimed = db.update("UPDATE job_runs SET next_due = ?, last_started = ?, last_node = ?, runs = runs + 1 WHERE job_key = ? AND next_due = ?",
          Timestamp.from(next), Timestamp.from(now), node, e.key(), due.get());
      if (claimed != 1) continue;
      ran++;
      String outcome = "ok";
      try {
        e.job().run(new Job.JobRun(due.get().toInstant()));
      } catch (Exception | LinkageError ex) {
        outcome = "failed: " + ex;
        LOG.log(Level.WARNING, "Job " + e.key() + " failed; it runs again at " + next, ex);
      }
      db.update("UPDATE job_runs SET last_finished = ?, last_outcome = ? WHERE job_key = ?",
          Timestamp.from(clock.instant()), outcome.length() > 400 ? outcome.substring(0, 400) : outcome, e.key());
    }
    return ran;
  }

  /** The jobs registered here and their history, by key. */
  public List<State> states() {
    List<State> out = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(jobs.keySet())) {
      db.queryOne("SELECT next_due, last_started, last_finished, last_node, last_outcome, runs FROM job_runs WHERE job_key = ?",
          rs -> new State(key, instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), rs.getString(4), rs.getString(5), rs.getLong(6)),
          key).ifPresent(out::add);
    }
    return out;
  }

  private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }

  private Instant firstDue(Schedule s, Instant now) {
    if (s.interval() != null) return now.plus(s.interval()).truncatedTo(ChronoUnit.MILLIS);
    return nextDaily(s, now);
  }

  /** The next due time after a run that was due at {@code due}: missed times are skipped, not run one by one. */
  private Instant nextAfter(Schedule s, Instant due, Instant now) {
    if (s.interval() != null) {
      Instant next = due.plus(s.interval());
      if (!next.isAfter(now)) {
        long missed = (now.toEpochMilli() - next.toEpochMilli()) / s.interval().toMillis() + 1;
        next = next.plus(s.interval().multipliedBy(missed));
      }
      return next.truncatedTo(ChronoUnit.MILLIS);
    }
    return nextDaily(s, now);
  }

  private Instant nextDaily(Schedule s, Instant after) {
    ZonedDateTime local = after.atZone(zone);
    ZonedDateTime at = local.toLocalDate().atTime(s.timeOfDay()).atZone(zone);
    if (!at.toInstant().isAfter(after)) at = local.toLocalDate().plusDays(1).atTime(s.timeOfDay()).atZone(zone);
    return at.toInstant().truncatedTo(ChronoUnit.MILLIS);
  }
}
