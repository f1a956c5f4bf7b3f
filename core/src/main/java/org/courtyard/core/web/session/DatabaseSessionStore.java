package org.courtyard.core.web.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.logging.Logger;
import org.courtyard.core.db.DataException;
import org.courtyard.core.db.Db;

/**
 * Sessions kept in the shared database instead of one node's memory: a person signed in through
 * one node carries on through any other, through a restart, and through the loss of the node that
 * signed them in. (A store inside the cluster manager would lose nothing either, but every page on
 * a surviving node would wait while the cluster noticed the dead one; a primary-key read here does
 * not.) An unchanged session is written back at most once a minute, to keep its expiry fresh.
 */
@jakarta.inject.Singleton
public final class DatabaseSessionStore implements SessionStore, org.courtyard.core.identity.SessionEnder {
  /** The session keys the store copies into columns (who, and since when), as {@code WebRequest} writes them. */
  public static final String SESSION_USER = "uid";
  public static final String SESSION_SIGNED_IN_AT = "signed-in-at";
  private static final Logger LOG = Logger.getLogger(DatabaseSessionStore.class.getName());
  /** How stale the stored last-access time may get; also how late a session may expire. */
  static final long ACCESS_GRANULARITY_MS = 60_000;
  private static final long PURGE_EVERY_MS = 10 * 60_000;

  private final Vertx vertx;
  private final Db db;
  private final VertxContextPRNG prng;
  private final java.time.Clock clock;
  private final long purgeTimer;

  @jakarta.inject.Inject
  public DatabaseSessionStore(Vertx vertx, Db db, java.time.Clock clock) {
    this.clock = clock;
    this.vertx = vertx;
    this.db = db;
    this.prng = VertxContextPRNG.current(vertx);
    this.purgeTimer = vertx.setPeriodic(PURGE_EVERY_MS, t -> vertx.executeBlocking(() -> purgeExpired(clock.millis()), false));
  }

  @Override public SessionStore init(Vertx vertx, JsonObject options) { return this; }

  @Override public long retryTimeout() { return 0; }

  @Override public Session createSession(long timeout) { return createSession(timeout, DEFAULT_SESSIONID_LENGTH); }

  @Override public Session createSession(long timeout, int length) { return new StoredSession(prng, clock, timeout, length); }

  @Override
  public Future<Session> get(String id) {
    return vertx.executeBlocking(() -> load(id, clock.millis()), false);
  }

  Session load(String id, long now) {
    var row = db.queryOne("SELECT timeout_ms, last_accessed, data FROM web_sessions WHERE id = ?",
        rs -> StoredSession.fromRow(prng, clock, id, rs.getLong(1), rs.getLong(2), rs.getString(3)), id);
    if (row.isEmpty()) return null;
    StoredSession s = row.get();
    if (now - s.lastAccessed() > s.timeout()) {
      db.update("DELETE FROM web_sessions WHERE id = ?", id);
      return null;
    }
    return s;
  }

  @Override
  public Future<Void> put(Session session) {
    return vertx.executeBlocking(() -> {
      save((StoredSession) session);
      return null;
    }, false);
  }

  void save(StoredSession s) {
    if (!s.worthKeeping()) {
      if (s.stored()) db.update("DELETE FROM web_sessions WHERE id = ?", s.id());
      return;
    }
    if (s.unchangedSince(ACCESS_GRANULARITY_MS)) return;
    String data = s.encodedData();
    if (overwrite(s, data) == 0) {
      // A session that was stored and is gone was ended elsewhere (a password change, sign-out
      // everywhere, expiry): a request still in flight must not bring it back.
      if (s.stored()) return;
      try {
        db.update("INSERT INTO web_sessions (id, data, timeout_ms, last_accessed, user_id, signed_in_at) VALUES (?, ?, ?, ?, ?, ?)",
            s.id(), data, s.timeout(), s.lastAccessed(), s.get(SESSION_USER), s.get(SESSION_SIGNED_IN_AT));
      } catch (DataException e) {
        overwrite(s, data); // two requests of a brand-new session raced to insert it and the other one won
      }
    }
    s.markStored();
    s.remember();
  }

  private int overwrite(StoredSession s, String data) {
    return db.update("UPDATE web_sessions SET data = ?, timeout_ms = ?, last_accessed = ?, user_id = ?, signed_in_at = ? WHERE id = ?",
        data, s.timeout(), s.lastAccessed(), s.get(SESSION_USER), s.get(SESSION_SIGNED_IN_AT), s.id());
  }

  @Override
  public int endSessionsOf(long userId, String keepSessionId) {
    return keepSessionId == null ? db.update("DELETE FROM web_sessions WHERE user_id = ?", userId)
        : db.update("DELETE FROM web_sessions WHERE user_id = ? AND id <> ?", userId, keepSessionId);
  }

  /** How many sessions are stored (visitors who only look leave none). */
  public long stored() { return db.count("SELECT COUNT(*) FROM web_sessions"); }

  /**
   * Saves the session now, on the calling worker thread, before the answer goes out. Vert.x's own
   * save happens as the response headers are written and finishes later, so a quick next request
   * (the sign-in form after its page, the page after signing in) could reach a node before the
   * session had reached the database. Its later save then finds nothing changed.
   */
  public void writeNow(Session session) {
    if (!(session instanceof StoredSession s)) return;
    if (s.isDestroyed()) {
      db.update("DELETE FROM web_sessions WHERE id = ?", s.id());
      return;
    }
    if (s.isRegenerated() && s.oldId() != null) {
      db.update("DELETE FROM web_sessions WHERE id = ?", s.oldId());
      s.forgetStored();
    }
    save(s);
  }

  @Override
  public Future<Void> delete(String id) {
    return vertx.executeBlocking(() -> {
      db.update("DELETE FROM web_sessions WHERE id = ?", id);
      return null;
    }, false);
  }

  @Override
  public Future<Void> clear() {
    return vertx.executeBlocking(() -> {
      db.update("DELETE FROM web_sessions");
      return null;
    }, false);
  }

  @Override
  public Future<Integer> size() {
    return vertx.executeBlocking(() -> (int) db.count("SELECT COUNT(*) FROM web_sessions"), false);
  }

  int purgeExpired(long now) {
    int gone = db.update("DELETE FROM web_sessions WHERE last_accessed + timeout_ms < ?", now);
    if (gone > 0) LOG.fine(() -> "Removed " + gone + " expired sessions");
    return gone;
  }

  @Override
  public void close() { vertx.cancelTimer(purgeTimer); }
}
