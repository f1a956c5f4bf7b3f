package org.courtyard.core.notify.mail;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.job.Schedule;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.jobs.JobScheduler;
import org.courtyard.core.notify.Mailer;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * E-mail through a table ({@code mail_outbox}): {@link #send} writes the message in the caller's
 * transaction, and a drain hands due messages to the SMTP relay (or to the development mailbox).
 *
 * <p>Exactly one node sends each message: before sending, a node claims the row with a conditional
 * {@code UPDATE} (pending → sending, with its node id and a lease); only the node whose update changed the
 * row sends it, then marks it sent. A failure is an attempt: the message waits 1 min, 5 min, 30 min, 2 h,
 * then every 6 h, and is marked failed once two days have passed (the ICT leader can try it again from
 * School admin → Mail). The drain runs as the core's job {@code core:mail-outbox} every minute (once
 * across the cluster), and soon after each message is queued on the node that queued it.
 */
@Singleton
public final class MailOutbox implements Mailer {
  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
  static final String PENDING = "pending";
  static final String SENDING = "sending";
  static final String SENT = "sent";
  static final String FAILED = "failed";
  /** The wait after the first, second, third and fourth failed attempt; every later one waits {@link #LATER_WAIT}. */
  static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));
  static final Duration LATER_WAIT = Duration.ofHours(6);
  /** How long after it was queued (or tried again by hand) a message keeps being tried. */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(2);
  /**
   * How long a claim holds. Sending one message takes at most the SMTP timeouts (20 s to connect, 20 s
   * per read or write), so a claim older than this belongs to a node that stopped while sending.
   */
  static final Duration LEASE = Duration.ofMinutes(5);
  /** Sent messages are kept this long (the development mailbox, "sent today"), failed ones {@link #KEEP_FAILED}. */
  static final Duration KEEP_SENT = Duration.ofDays(30);
  static final Duration KEEP_FAILED = Duration.ofDays(90);
  private static final int BATCH = 50;

  /** A row of the outbox. */
  public record Stored(long id, String messageId, String to, Long userId, Long schoolId, String subject, String text, String html,
                       String unsubscribeUrl, String kind, String status, int attempts, Instant nextAttemptAt, String lastError,
                       String via, Instant createdAt, Instant sentAt) {}

  /** What the ICT leader's page counts. */
  public record Counts(long waiting, long sentToday, long failed) {}

  private final Db db;
  private final Clock clock;
  private final Vertx vertx;
  private final String node;
  private final MailSettings settings;
  private final SmtpSender smtp;
  private final ZoneId zone;

  @Inject
  public MailOutbox(Db db, Clock clock, Vertx vertx, Cluster cluster, Config config) {
    this.db = db;
    this.clock = clock;
    this.vertx = vertx;
    this.node = cluster.nodeId();
    this.settings = MailSettings.of(config);
    this.smtp = settings.smtpConfigured() ? new SmtpSender(settings) : null;
    this.zone = ZoneId.of(config.get(Config.TIME_ZONE, "Europe/London"));
  }

  public MailSettings settings() { return settings; }

  /** True when messages leave the outbox: through a relay, or into the development mailbox. */
  public boolean delivering() { return smtp != null || settings.devMailbox(); }

  /** Registers the drain as a job and looks at once for what waits (after a restart). */
  public void start(JobScheduler jobs) {
    jobs.register("core", "mail-outbox", Schedule.every(Duration.ofMinutes(1)), run -> drain());
    LOG.info("E-mail: " + (smtp != null ? "SMTP through " + settings.host() + ":" + settings.port() + " (" + settings.tls() + ")"
        : settings.devMailbox() ? "the development mailbox (/dev/mail)" : "no SMTP relay set (" + Config.MAIL_SMTP_HOST + "); messages wait in the outbox"));
    drainSoon();
  }

  /** Queues one message in the current transaction (at once outside one); the drain runs after the commit. */
  @Override
  public void send(OutgoingMail m) {
    Instant now = clock.instant();
    Long school = m.userId() == null ? null
        : db.queryOne("SELECT school_id FROM users WHERE id = ?", rs -> { long v = rs.getLong(1); return rs.wasNull() ? null : v; }, m.userId()).orElse(null);
    String messageId = "<" + UUID.randomUUID() + "@" + MailSettings.domainOf(settings.siteUrl()) + ">";
    db.update("INSERT INTO mail_outbox (message_id, to_address, user_id, school_id, subject, body_text, body_html, unsubscribe_url, kind,"
            + " status, attempts, next_attempt_at, give_up_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        messageId, cut(m.to(), 320), m.userId(), school, cut(m.subject(), 1000), m.text(), m.html(), blankToNull(cut(m.unsubscribeUrl(), 1000)),
        cut(m.kind(), 60), PENDING, ts(first(now, m)), ts(first(now, m).plus(GIVE_UP_AFTER)), ts(now));
    db.afterCommit(this::drainSoon);
  }

  /** When a message may first go: now, or later when the caller says so (a learner's quiet hours). */
  private static Instant first(Instant now, OutgoingMail m) { return m.notBefore() != null && m.notBefore().isAfter(now) ? m.notBefore() : now; }

  /** Runs the drain on a worker thread, soon (so nobody waits for the next minute's job). */
  public void drainSoon() {
    if (!delivering()) return;
    vertx.executeBlocking(() -> {
      try {
        drain();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The mail outbox could not be drained now; the job tries again in a minute", e);
      }
      return null;
    }, false);
  }

  /**
   * Sends, from this node, every message that is due and that no node has claimed; returns how many went
   * out. One drain at a time on a node (a test's call waits for the one running after a commit).
   */
  public synchronized int drain() {
    if (!delivering()) return 0;
    Instant now = clock.instant();
    reclaimAbandoned(now);
    purgeOld(now);
    int sent = 0;
    while (true) {
      List<Long> due = db.query("SELECT id FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id FETCH FIRST "
          + BATCH + " ROWS ONLY", rs -> rs.getLong(1), PENDING, ts(now));
      for (long id : due) {
        Instant leaseUntil = clock.instant().plus(LEASE);
        int claimed = db.update("UPDATE mail_outbox SET status = ?, claimed_by = ?, lease_until = ? WHERE id = ? AND status = ? AND next_attempt_at <= ?",
            SENDING, node, ts(leaseUntil), id, PENDING, ts(now));
        if (claimed != 1) continue; // another node has it
        Stored m = byId(id).orElseThrow();
        try {
          String via = deliver(m);
          int marked = db.update("UPDATE mail_outbox SET status = ?, via = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_by = NULL,"
              + " lease_until = NULL WHERE id = ? AND status = ? AND claimed_by = ?", SENT, via, ts(clock.instant()), id, SENDING, node);
          if (marked != 1) LOG.warning("Mail " + m.messageId() + " was sent after its claim ran out; another node may send it again");
          sent++;
        } catch (Exception e) {
          failedAttempt(m, describe(e));
          // The relay cannot be reached: the others would only fail the same way. They wait for the next drain.
          if (e instanceof MailConnectException) return sent;
        }
      }
      if (due.size() < BATCH) return sent;
    }
  }

  private String deliver(Stored m) throws Exception {
    if (smtp != null) {
      smtp.send(m, clock.instant());
      return "smtp";
    }
    return "dev"; // the development mailbox: the row itself is what "was sent"
  }

  private void failedAttempt(Stored m, String error) {
    Instant now = clock.instant();
    int attempts = m.attempts() + 1;
    Instant next = now.plus(waitAfter(attempts));
    Instant giveUp = db.queryOne("SELECT give_up_at FROM mail_outbox WHERE id = ?", rs -> rs.getTimestamp(1).toInstant(), m.id()).orElse(now);
    boolean failed = next.isAfter(giveUp);
    db.update("UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, lease_until = NULL"
        + " WHERE id = ? AND status = ? AND claimed_by = ?", failed ? FAILED : PENDING, attempts, ts(next), cut(error, 1000), m.id(), SENDING, node);
    LOG.warning("Mail " + m.messageId() + " to " + m.to() + " was not sent (attempt " + attempts + "): " + error
        + (failed ? "; it is marked failed" : "; it is tried again at " + next));
  }

  /** The wait after the n-th failed attempt. */
  static Duration waitAfter(int attempts) {
    return attempts >= 1 && attempts <= BACK_OFF.size() ? BACK_OFF.get(attempts - 1) : LATER_WAIT;
  }

  /**
   * Rows left in "sending" past their lease: a node stopped (a restart, a crash) between claiming a message
   * and marking it sent. Each counts as a failed attempt and is tried again at once. The relay may have
   * taken the message just before the node stopped, so in that narrow window someone can get it twice
   * (with the same Message-ID, which many mail systems fold together); the other choice, never trying
   * again, would silently lose a message a parent or teacher was meant to read. A duplicate is the
   * smaller harm. Every drain looks, so this also happens at startup and on behalf of a node that died.
   */
  void reclaimAbandoned(Instant now) {
    String why = "Interrupted while sending (the server stopped); tried again";
    db.update("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ?, claimed_by = NULL, lease_until = NULL"
        + " WHERE status = ? AND lease_until < ? AND give_up_at < ?", FAILED, why, SENDING, ts(now), ts(now));
    int n = db.update("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_by = NULL, lease_until = NULL"
        + " WHERE status = ? AND lease_until < ?", PENDING, why, ts(now), SENDING, ts(now));
    if (n > 0) LOG.warning(n + " e-mail(s) were left half-sent by a node that stopped; they are tried again");
  }

  private void purgeOld(Instant now) {
    db.update("DELETE FROM mail_outbox WHERE status = ? AND sent_at < ?", SENT, ts(now.minus(KEEP_SENT)));
    db.update("DELETE FROM mail_outbox WHERE status = ? AND created_at < ?", FAILED, ts(now.minus(KEEP_FAILED)));
  }

  // --- what the pages show ---

  public Counts counts(long schoolId) {
    Instant startOfDay = clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    return new Counts(
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE school_id = ? AND status IN (?, ?)", schoolId, PENDING, SENDING),
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE school_id = ? AND status = ? AND sent_at >= ?", schoolId, SENT, ts(startOfDay)),
        db.count("SELECT COUNT(*) FROM mail_outbox WHERE school_id = ? AND status = ?", schoolId, FAILED));
  }

  /** The school's failed messages, newest first. */
  public List<Stored> failed(long schoolId, int limit) {
    return list("WHERE school_id = ? AND status = ? ORDER BY created_at DESC, id DESC", limit, schoolId, FAILED);
  }

  /** The school's messages still waiting, oldest first (those with failed attempts show their last error). */
  public List<Stored> waiting(long schoolId, int limit) {
    return list("WHERE school_id = ? AND status IN (?, ?) ORDER BY created_at, id", limit, schoolId, PENDING, SENDING);
  }

  /** What the development mailbox "sent", newest first. */
  public List<Stored> devMailbox(int limit) {
    return list("WHERE status = ? AND via = ? ORDER BY sent_at DESC, id DESC", limit, SENT, "dev");
  }

  /** Queues a failed message of the school again, with two more days of attempts; false if there is no such failed message. */
  public boolean tryAgain(long schoolId, long id) {
    Instant now = clock.instant();
    int n = db.update("UPDATE mail_outbox SET status = ?, attempts = 0, next_attempt_at = ?, give_up_at = ? WHERE id = ? AND school_id = ? AND status = ?",
        PENDING, ts(now), ts(now.plus(GIVE_UP_AFTER)), id, schoolId, FAILED);
    if (n == 1) db.afterCommit(this::drainSoon);
    return n == 1;
  }

  public Optional<Stored> byId(long id) {
    List<Stored> one = list("WHERE id = ?", 1, id);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  private List<Stored> list(String where, int limit, Object... params) {
    return db.query("SELECT id, message_id, to_address, user_id, school_id, subject, body_text, body_html, unsubscribe_url, kind, status, attempts,"
        + " next_attempt_at, last_error, via, created_at, sent_at FROM mail_outbox " + where
        + " FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY", rs -> {
          long user = rs.getLong(4);
          Long userId = rs.wasNull() ? null : user;
          long school = rs.getLong(5);
          Long schoolId = rs.wasNull() ? null : school;
          return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), userId, schoolId, rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12), Db.instant(rs, "next_attempt_at"), rs.getString(14),
              rs.getString(15), Db.instant(rs, "created_at"), Db.instant(rs, "sent_at"));
        }, params);
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 900; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) b.append(" — ");
      b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
    }
    return b.toString();
  }

  private static Timestamp ts(Instant i) { return Timestamp.from(i); }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

  private static String cut(String s, int max) { return s == null ? null : s.length() <= max ? s : s.substring(0, max - 1) + "…"; }
}
