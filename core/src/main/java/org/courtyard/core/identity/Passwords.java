package org.courtyard.core.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost; a dummy check keeps unknown-user answers as slow as known ones. */
public final class Passwords {
  public static final int MIN_LENGTH = 8;
  private final int cost;
  private final String dummyHash;

  public Passwords(int cost) {
    this.cost = cost;
    this.dummyHash = hash("not-a-real-password");
  }

  public String hash(String secret) {
    return BCrypt.withDefaults().hashToString(cost, secret.toCharArray());
  }

  public boolean matches(String secret, String hash) {
    if (hash == null) {
      BCrypt.verifyer().verify(secret.toCharArray(), dummyHash);
      return false;
    }
    // bcrypt reads at most 72 bytes; longer secrets are refused at set time.
    return BCrypt.verifyer().verify(secret.toCharArray(), hash.getBytes(StandardCharsets.UTF_8)).verified;
  }

  /** Returns a message for the form, or null when the password is acceptable. */
  public static String weakness(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) return "Use at least " + MIN_LENGTH + " characters.";
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) return "Use at most 72 characters.";
    if (password.equalsIgnoreCase(username)) return "The password must not be the username.";
    return null;
  }
}
