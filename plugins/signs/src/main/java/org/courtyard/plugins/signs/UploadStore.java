package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.data.Database;

/**
 * Resumable uploads: a session with its declared size, and the chunks that have arrived in order,
 * each a file of its own in the FileStore until the upload completes.
 */
final class UploadStore {
  /** How long an unfinished upload waits for the rest of its bytes. */
  static final long KEEP_SECONDS = 7L * 24 * 3600;
  /** Unfinished uploads one person may have in one gallery; starting another drops the oldest. */
  static final int MAX_OPEN = 3;
  private static final SecureRandom RANDOM = new SecureRandom();

  record Session(long id, String token, long spaceId, long userId, String fileName, long totalSize, long received, SignStore.Details details) {}

  record Chunk(long start, long length, String fileKey) {}

  private static final String COLS = "id, token, space_id, user_id, file_name, total_size, received, word, gloss, notes, category, tags, signer, lang";
  private final Database db;
  private final Clock clock;

  @Inject
  UploadStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  static String newToken() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  Session create(long spaceId, long userId, String fileName, long size, SignStore.Details d) {
    String token = newToken();
    long id = db.insert("INSERT INTO sg_uploads (token, space_id, user_id, file_name, total_size, received, word, gloss, notes, category, tags, signer,"
            + " created_at, lang) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
        token, spaceId, userId, fileName, size, d.word(), d.gloss(), d.notes(), d.category(), SignStore.packTags(d.tags()), d.signer(), clock.instant(),
        d.lang());
    return new Session(id, token, spaceId, userId, fileName, size, 0, d);
  }

  /** Only the person who started it, in the gallery it was started in. */
  Optional<Session> session(String token, long spaceId, long userId) {
    if (!token.matches("[0-9a-f]{36}")) return Optional.empty();
    return db.queryOne("SELECT " + COLS + " FROM sg_uploads WHERE token = ? AND space_id = ? AND user_id = ?", UploadStore::session, token, spaceId, userId);
  }

  /** This person's unfinished uploads here beyond the newest {@code MAX_OPEN - 1}, to drop before starting another. */
  List<Session> surplus(long spaceId, long userId) {
    List<Session> mine = db.query("SELECT " + COLS + " FROM sg_uploads WHERE space_id = ? AND user_id = ? AND received >= 0 ORDER BY id DESC",
        UploadStore::session, spaceId, userId);
    return new ArrayList<>(mine.subList(Math.min(mine.size(), MAX_OPEN - 1), mine.size()));
  }

  /** Uploads started more than {@link #KEEP_SECONDS} ago and never finished, in any gallery. */
  List<Session> abandoned() {
    return db.query("SELECT " + COLS + " FROM sg_uploads WHERE created_at < ?", UploadStore::session, clock.instant().minusSeconds(KEEP_SECONDS));
  }

  /** Every unfinished upload this person started, anywhere. */
  List<Session> of(long userId) {
    return db.query("SELECT " + COLS + " FROM sg_uploads WHERE user_id = ? ORDER BY id", UploadStore::session, userId);
  }

  Instant startedAt(long uploadId) {
    return db.queryOne("SELECT created_at FROM sg_uploads WHERE id = ?", rs -> rs.getTimestamp(1).toInstant(), uploadId).orElse(null);
  }

  List<Chunk> chunks(long uploadId) {
    return db.query("SELECT start_at, byte_count, file_key FROM sg_chunks WHERE upload_id = ? ORDER BY start_at",
        rs -> new Chunk(rs.getLong(1), rs.getLong(2), rs.getString(3)), uploadId);
  }

  /**
   * Records a chunk that starts exactly where the bytes so far end. Returns false (and records
   * nothing) if another request got there first, so two tabs cannot interleave.
   */
  boolean append(long uploadId, long start, long length, String fileKey) {
    return db.transaction(() -> {
      if (db.update("UPDATE sg_uploads SET received = ? WHERE id = ? AND received = ?", start + length, uploadId, start) != 1) return false;
      db.update("INSERT INTO sg_chunks (upload_id, start_at, byte_count, file_key) VALUES (?, ?, ?, ?)", uploadId, start, length, fileKey);
      return true;
    });
  }

  /** Claims a fully received upload for completion (received becomes -1), so it completes once. */
  boolean claim(Session s) {
    return db.update("UPDATE sg_uploads SET received = -1 WHERE id = ? AND received = total_size", s.id()) == 1;
  }

  void unclaim(Session s) { db.update("UPDATE sg_uploads SET received = total_size WHERE id = ? AND received = -1", s.id()); }

  /** Forgets the upload; returns its chunks' file keys for the caller to delete. */
  List<String> delete(long uploadId) {
    return db.transaction(() -> {
      List<String> keys = chunks(uploadId).stream().map(Chunk::fileKey).toList();
      db.update("DELETE FROM sg_chunks WHERE upload_id = ?", uploadId);
      db.update("DELETE FROM sg_uploads WHERE id = ?", uploadId);
      return keys;
    });
  }

  private static Session session(ResultSet rs) throws SQLException {
    return new Session(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
        new SignStore.Details(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), SignStore.unpackTags(rs.getString(12)), rs.getString(13),
            rs.getString(14)));
  }
}
