package org.courtyard.core.calendar;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.courtyard.core.db.Db;

/**
 * Each person's secret calendar address, for a phone calendar to subscribe to without signing in. Only
 * the token's SHA-256 is kept, so the database cannot give the address away; making a new one replaces
 * the old, which from then on answers 404.
 */
@Singleton
public final class CalendarFeeds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Db db;
  private final Clock clock;

  @Inject
  public CalendarFeeds(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new secret for the person (the old one stops working); shown to them once. */
  public String renew(long userId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    db.transaction(() -> {
      db.update("DELETE FROM calendar_feeds WHERE user_id = ?", userId);
      db.update("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)", userId, hash(token), clock.instant());
      return null;
    });
    return token;
  }

  /** Stops the person's address; they may make a new one. */
  public void revoke(long userId) { db.update("DELETE FROM calendar_feeds WHERE user_id = ?", userId); }

  public boolean has(long userId) { return db.count("SELECT COUNT(*) FROM calendar_feeds WHERE user_id = ?", userId) > 0; }

  /** Whose address this is, if it is a live one. */
  public Optional<Long> owner(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
    return db.queryOne("SELECT user_id FROM calendar_feeds WHERE token_hash = ?", rs -> rs.getLong(1), hash(token));
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
