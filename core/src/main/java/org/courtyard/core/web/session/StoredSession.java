package org.courtyard.core.web.session;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.sstore.AbstractSession;
import java.util.Base64;

/** A session as the database keeps it: Vert.x's own typed encoding of the data, in base64. */
public final class StoredSession extends AbstractSession {
  /** The data's checksum and access time as last written, so an unchanged session is not rewritten on every page. */
  private int writtenChecksum;
  private long writtenAccess = -1;
  private String writtenId;
  /** Whether a row for this session is in the database (it was read from there, or written once). */
  private boolean stored;

  /** The server's clock (movable in tests), so expiry and last use are measured on one clock. */
  private final java.time.Clock clock;

  StoredSession(VertxContextPRNG prng, java.time.Clock clock, long timeout, int length) {
    super(prng, timeout, length);
    this.clock = clock;
    setAccessed();
  }

  private StoredSession(VertxContextPRNG prng, java.time.Clock clock) {
    super(prng);
    this.clock = clock;
  }

  @Override
  public void setAccessed() { setLastAccessed(clock.millis()); }

  /** The prng is for {@link #regenerateId()} on sign-in. */
  static StoredSession fromRow(VertxContextPRNG prng, java.time.Clock clock, String id, long timeout, long lastAccessed, String encoded) {
    StoredSession s = new StoredSession(prng, clock);
    s.setId(id);
    s.setTimeout(timeout);
    s.setLastAccessed(lastAccessed);
    s.readDataFromBuffer(Buffer.buffer(Base64.getDecoder().decode(encoded)));
    s.remember();
    s.stored = true;
    return s;
  }

  String encodedData() {
    Buffer b = Buffer.buffer();
    writeDataToBuffer(b);
    return Base64.getEncoder().encodeToString(b.getBytes());
  }

  /** Whether saving would change nothing that matters: same data, and the access time written recently enough. */
  boolean unchangedSince(long accessGranularityMs) {
    return writtenAccess >= 0 && id().equals(writtenId) && writtenChecksum == checksum() && lastAccessed() - writtenAccess < accessGranularityMs;
  }

  boolean stored() { return stored && id().equals(writtenId); }

  void markStored() { stored = true; }

  /** After a new id at sign-in: the row under the new id is yet to be written. */
  void forgetStored() { stored = false; }

  /** This session's own idle time-out (learners' are shorter than staff's). */
  public void useTimeout(long ms) { setTimeout(ms); }

  /**
   * Whether the session is worth a row: it belongs to someone signed in, or holds work in progress
   * (picture picks). A visitor who only looks at pages leaves nothing stored.
   */
  boolean worthKeeping() {
    return !isEmpty() && data().keySet().stream().anyMatch(k -> !"flash".equals(k));
  }

  void remember() {
    writtenChecksum = checksum();
    writtenAccess = lastAccessed();
    writtenId = id();
  }
}
