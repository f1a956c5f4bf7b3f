package org.courtyard.core.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.courtyard.core.db.Db;

/**
 * The one-click unsubscribe link in every e-mail of a kind: {@code /unsubscribe/<user>/<kind>/<signature>},
 * signed with a key the site keeps in its database (made once, the same on every node), so it works
 * without signing in and cannot be made up for someone else.
 */
@Singleton
public final class UnsubscribeLinks {
  private static final String KEY_NAME = "unsubscribe";
  private final Db db;
  private volatile byte[] key;

  @Inject
  public UnsubscribeLinks(Db db) { this.db = db; }

  /** The path (on this site) that stops {@code kindKey} e-mails to the person. */
  public String path(long userId, String kindKey) { return "/unsubscribe/" + userId + "/" + kindKey + "/" + sign(userId, kindKey); }

  public boolean valid(long userId, String kindKey, String signature) {
    return signature != null && MessageDigest.isEqual(sign(userId, kindKey).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(long userId, String kindKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] sig = mac.doFinal((userId + "\n" + kindKey).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java", e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k != null) return k;
    String stored = db.queryOne("SELECT key_value FROM site_keys WHERE name = ?", rs -> rs.getString(1), KEY_NAME).orElse(null);
    if (stored == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        db.update("INSERT INTO site_keys (name, key_value) VALUES (?, ?)", KEY_NAME, Base64.getEncoder().encodeToString(fresh));
      } catch (RuntimeException e) {
        // Another node made it first: use theirs.
      }
      stored = db.queryOne("SELECT key_value FROM site_keys WHERE name = ?", rs -> rs.getString(1), KEY_NAME).orElseThrow();
    }
    k = Base64.getDecoder().decode(stored);
    key = k;
    return k;
  }
}
