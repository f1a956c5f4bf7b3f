package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.courtyard.core.db.DataException;
import org.courtyard.core.db.Db;

/**
 * Counters of sign-in tries, in the shared database so every node counts together. A try is
 * <em>reserved</em> before the password or pictures are checked, with one conditional UPDATE, so thirty
 * tries sent at once cannot all be checked before the first failure is counted: the database lets
 * exactly as many through as the limit has room for. A success gives its try back.
 */
@Singleton
public final class SignInCounters {
  /**
   * A limit: at most {@code max} tries per {@code windowMs}; {@code progressive} adds a growing wait after
   * {@code max}. A {@code personal} limit (one account's, one child's) starts again when its person signs
   * in; a shared one (an address's, a class page's) only gets that try back.
   */
  public record Limit(String key, int max, long windowMs, boolean progressive, boolean personal) {
    public static Limit of(String kind, String id, int max, long windowMs) { return new Limit(SignInCounters.key(kind, id), max, windowMs, false, false); }

    /** After {@code free} tries, each further one must wait 1 s, 2 s, 4 s … up to {@link #MAX_WAIT_MS}; never a hard lock. */
    public static Limit progressive(String kind, String id, int free, long windowMs) { return new Limit(SignInCounters.key(kind, id), free, windowMs, true, false); }

    /** The same limit, started again when its person signs in. */
    public Limit ofOnePerson() { return new Limit(key, max, windowMs, progressive, true); }
  }

  /** The longest a progressive wait grows to. */
  public static final long MAX_WAIT_MS = 15 * 60_000L;
  private final Db db;

  @Inject
  public SignInCounters(Db db) { this.db = db; }

  /**
   * Takes one try from the limit; false when none is left (or a progressive wait is still running).
   * Atomic: of many callers at once, at most the room left gets true.
   */
  public boolean reserve(Limit limit, long now) {
    // A progressive limit lets a try through whenever no wait is running; the wait is the limit. Past
    // the free tries, taking a try holds every other try at once, in the same statement, until this one's
    // outcome is known: tries sent together are refused instead of checked, however slow the check.
    // failed() then sets the wait to its proper length; a success deletes the row.
    int cap = limit.progressive() ? Integer.MAX_VALUE : limit.max();
    int free = limit.progressive() ? limit.max() : Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (db.update("UPDATE sign_in_counters SET failures = failures + 1,"
              + " blocked_until = CASE WHEN failures >= ? THEN ? ELSE blocked_until END"
              + " WHERE counter_key = ? AND window_start > ? AND failures < ? AND blocked_until <= ?",
          free, now + MAX_WAIT_MS, limit.key(), now - limit.windowMs(), cap, now) == 1) return true;
      // A window that has run out starts again (only one of several callers wins the reset).
      if (db.update("UPDATE sign_in_counters SET window_start = ?, failures = 1, blocked_until = 0 WHERE counter_key = ? AND window_start <= ?",
          now, limit.key(), now - limit.windowMs()) == 1) return true;
      if (db.count("SELECT COUNT(*) FROM sign_in_counters WHERE counter_key = ?", limit.key()) > 0) return false;
      try {
        db.update("INSERT INTO sign_in_counters (counter_key, window_start, failures, blocked_until) VALUES (?, ?, 1, 0)", limit.key(), now);
        return true;
      } catch (DataException e) {
        // someone else made the row at the same moment: count against it
      }
    }
    return false;
  }

  /**
   * After a failed try: for a progressive limit past its free tries, the next try must wait.
   * Returns true when this failure used up the limit (a hold begins), for the audit log.
   */
  public boolean failed(Limit limit, long now) {
    int tries = (int) db.queryOne("SELECT failures FROM sign_in_counters WHERE counter_key = ?", rs -> (long) rs.getInt(1), limit.key()).orElse(0L).longValue();
    if (limit.progressive() && tries >= limit.max()) {
      long wait = Math.min(MAX_WAIT_MS, 1000L << Math.min(30, tries - limit.max()));
      db.update("UPDATE sign_in_counters SET blocked_until = ? WHERE counter_key = ?", now + wait, limit.key());
      return tries == limit.max();
    }
    return tries == limit.max();
  }

  /** A success: the try is given back (a shared counter) or the count starts again (the person's own). */
  public void succeeded(Limit limit, boolean reset) {
    if (reset) db.update("DELETE FROM sign_in_counters WHERE counter_key = ?", limit.key());
    else db.update("UPDATE sign_in_counters SET failures = failures - 1 WHERE counter_key = ? AND failures > 0", limit.key());
  }

  /** Clears every counter whose key starts so (an unlock clears the account's counters from every address). */
  public void clear(String kind, String id) {
    String key = key(kind, id);
    String like = key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "|%";
    db.update("DELETE FROM sign_in_counters WHERE counter_key = ? OR counter_key LIKE ? ESCAPE '!'", key, like);
  }

  /** Removes counters whose window ended over a day ago and whose wait is over. */
  public int purge(long now) {
    return db.update("DELETE FROM sign_in_counters WHERE window_start < ? AND blocked_until < ?", now - 2 * 24 * 3_600_000L, now);
  }

  /** A key of bounded length: readable when short, hashed when a visitor sends something long. */
  static String key(String kind, String id) {
    String k = kind + ":" + id;
    if (k.length() <= 150) return k;
    try {
      return kind + ":#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
