package org.courtyard.core.web;

import io.vertx.ext.web.Session;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.courtyard.api.UserKind;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.User;
import org.courtyard.core.web.session.DatabaseSessionStore;
import org.courtyard.core.web.session.StoredSession;

/**
 * How long a signed-in session lasts: an idle time-out and an absolute lifetime from sign-in, both
 * shorter for learners (classroom computers are shared). Starting a session gives it a new id and a
 * new form token, so nothing seen before sign-in is of use after.
 */
@Singleton
public final class SessionPolicy {
  private final Clock clock;
  private final long idleMs;
  private final long learnerIdleMs;
  private final long maxMs;
  private final long learnerMaxMs;

  @Inject
  public SessionPolicy(Config config, Clock clock) {
    this.clock = clock;
    this.idleMs = config.getLong(Config.SESSION_TIMEOUT_MINUTES, 480) * 60_000L;
    this.learnerIdleMs = config.getLong(Config.LEARNER_SESSION_TIMEOUT_MINUTES, 60) * 60_000L;
    this.maxMs = config.getLong(Config.SESSION_MAX_HOURS, 12) * 3_600_000L;
    this.learnerMaxMs = config.getLong(Config.LEARNER_SESSION_MAX_HOURS, 6) * 3_600_000L;
  }

  /** The idle time-out for sessions nobody has signed in to yet (the store's default). */
  public long defaultIdleMs() { return idleMs; }

  /** Signs the user in on a fresh session id with a fresh form token and their kind's time-out. */
  public void start(WebRequest req, User user) {
    Session session = req.session();
    session.regenerateId();
    session.put(WebRequest.SESSION_USER, user.id());
    session.put(DatabaseSessionStore.SESSION_SIGNED_IN_AT, clock.millis());
    Csrf.renew(session);
    if (session instanceof StoredSession s) s.useTimeout(user.kind() == UserKind.LEARNER ? learnerIdleMs : idleMs);
  }

  /** Whether the session has outlived its absolute lifetime (idle expiry is the store's). */
  public boolean over(Session session, User user) {
    Long since = session.get(DatabaseSessionStore.SESSION_SIGNED_IN_AT);
    long max = user.kind() == UserKind.LEARNER ? learnerMaxMs : maxMs;
    return since == null || clock.millis() - since > max;
  }
}
