package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;
import org.courtyard.core.spaces.Space;

/**
 * Classroom devices a class's teacher set up for picture sign-in. The device keeps a random token in a
 * cookie; the database keeps only its hash. A set-up device gets the class's larger daily allowance of
 * wrong picture tries; any other device — a stranger who knows the class's link — gets a few a day.
 */
@Singleton
public final class PictureDevices {
  /** The cookie's name for one class: a tablet may serve several classes. */
  public static String cookieName(Space cls) { return "courtyard.picture-device." + cls.id(); }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Db db;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public PictureDevices(Db db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records a new device for the class and returns the token its cookie carries. */
  public String setUp(Space cls, User by, String address) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    db.transaction(() -> {
      db.update("INSERT INTO picture_devices (token_hash, space_id, made_by, made_at) VALUES (?, ?, ?, ?)", hash(token), cls.id(), by.id(), clock.instant());
      audit.record(cls.schoolId(), AuditLog.Action.PICTURE_DEVICE, by, null, cls.id(), "set up a device for " + cls.name(), address);
      return null;
    });
    return token;
  }

  public boolean isSetUp(Space cls, String token) {
    if (token == null || token.length() != 43) return false;
    return db.count("SELECT COUNT(*) FROM picture_devices WHERE token_hash = ? AND space_id = ?", hash(token), cls.id()) > 0;
  }

  public long count(Space cls) { return db.count("SELECT COUNT(*) FROM picture_devices WHERE space_id = ?", cls.id()); }

  /** Forgets every device of the class (a tablet lost or given to another class). */
  public int forgetAll(Space cls, User by) {
    return db.transaction(() -> {
      int gone = db.update("DELETE FROM picture_devices WHERE space_id = ?", cls.id());
      audit.record(cls.schoolId(), AuditLog.Action.PICTURE_DEVICE, by, null, cls.id(), "forgot " + gone + " devices of " + cls.name(), null);
      return gone;
    });
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
