package org.courtyard.core.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.courtyard.core.i18n.Words;

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

  /** What is wrong with the password, for the form in the reader's language; null when it is acceptable. */
  public static Words weakness(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) return Words.of("account.password.tooShort", "min", MIN_LENGTH);
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) return Words.of("account.password.tooLong", "max", 72);
    if (password.equalsIgnoreCase(username)) return Words.of("account.password.isUsername");
    return null;
  }
}
