package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.courtyard.api.data.Database;

/** Signs, the sign of the week, the named uploaders and practice questions. */
final class SignStore {
  static final String PENDING = "pending";
  static final String APPROVED = "approved";

  /** What a form describes: the words around a video. */
  /** lang: the language the word and notes are written in, null for the page's. */
  record Details(String word, String gloss, String notes, String category, List<String> tags, String signer, String lang) {}

  record Sign(long id, long spaceId, String word, String gloss, String notes, String category, List<String> tags, String signer,
              String videoKey, String videoType, long videoSize, String posterKey, boolean hasCaptions, String status,
              long uploadedBy, String uploaderName, Instant createdAt, String approvedBy, String lang) {
    boolean approved() { return APPROVED.equals(status); }

    boolean pending() { return PENDING.equals(status); }

    String tagList() { return String.join(", ", tags); }
  }

  /** Which signs a list shows. Any part may be null. */
  record Filter(String category, String letter, String query, String tag) {
    static final Filter ALL = new Filter(null, null, null, null);
  }

  record Question(String token, long spaceId, long userId, long signId, List<String> choices, String answer, Boolean correct) {}

  private static final String COLS = "id, space_id, word, gloss, notes, category, tags, signer, video_key, video_type, video_size, poster_key,"
      + " CASE WHEN captions IS NULL THEN 0 ELSE 1 END, status, uploaded_by, uploader_name, created_at, approved_by, lang";
  private final Database db;
  private final Clock clock;

  @Inject
  SignStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  static String key(String word) { return word.trim().toLowerCase(Locale.ROOT); }

  /** Tags kept as ",a,b," so one tag can be matched exactly with LIKE. */
  static String packTags(List<String> tags) { return tags.isEmpty() ? "" : "," + String.join(",", tags) + ","; }

  static List<String> unpackTags(String packed) {
    if (packed == null || packed.isBlank()) return List.of();
    return Arrays.stream(packed.split(",")).filter(t -> !t.isBlank()).toList();
  }

  long add(long spaceId, Details d, String videoKey, String videoType, long size, String posterKey, String status, long userId, String userName) {
    return db.insert("INSERT INTO sg_signs (space_id, word, word_key, gloss, notes, category, tags, signer, video_key, video_type, video_size,"
            + " poster_key, status, uploaded_by, uploader_name, approved_by, created_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        spaceId, d.word(), key(d.word()), d.gloss(), d.notes(), d.category(), packTags(d.tags()), d.signer(), videoKey, videoType, size,
        posterKey, status, userId, userName, APPROVED.equals(status) ? userName : null, clock.instant(), d.lang());
  }

  Optional<Sign> sign(long spaceId, long id) {
    return db.queryOne("SELECT " + COLS + " FROM sg_signs WHERE id = ? AND space_id = ?", SignStore::sign, id, spaceId);
  }

  /**
   * Signs a viewer may see, A to Z: approved ones, plus their own pending ones, plus every pending one
   * when {@code seeAllPending} (a teacher who approves).
   */
  List<Sign> list(long spaceId, Filter f, long viewerId, boolean seeAllPending) {
    StringBuilder sql = new StringBuilder("SELECT " + COLS + " FROM sg_signs WHERE space_id = ?");
    List<Object> params = new ArrayList<>(List.of(spaceId));
    if (!seeAllPending) {
      sql.append(" AND (status = ? OR uploaded_by = ?)");
      params.add(APPROVED);
      params.add(viewerId);
    }
    if (f.category() != null) {
      sql.append(" AND category = ?");
      params.add(f.category());
    }
    if (f.tag() != null) {
      sql.append(" AND tags LIKE ? ESCAPE '\\'");
      params.add("%," + likeEscape(f.tag()) + ",%");
    }
    if (f.letter() != null) {
      if (f.letter().equals("#")) {
        sql.append(" AND NOT (SUBSTR(word_key, 1, 1) BETWEEN 'a' AND 'z')");
      } else {
        sql.append(" AND word_key LIKE ?");
        params.add(f.letter() + "%");
      }
    }
    if (f.query() != null) {
      String like = "%" + likeEscape(f.query().toLowerCase(Locale.ROOT)) + "%";
      sql.append(" AND (word_key LIKE ? ESCAPE '\\' OR LOWER(gloss) LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\' OR LOWER(category) LIKE ? ESCAPE '\\')");
      params.addAll(List.of(like, like, like, like));
    }
    sql.append(" ORDER BY word_key, id FETCH FIRST 500 ROWS ONLY");
    return db.query(sql.toString(), SignStore::sign, params.toArray());
  }

  List<Sign> pending(long spaceId) {
    return db.query("SELECT " + COLS + " FROM sg_signs WHERE space_id = ? AND status = ? ORDER BY created_at", SignStore::sign, spaceId, PENDING);
  }

  /** Categories with how many approved signs each, A to Z. */
  /** How many signs wait for approval in a space, and since when. */
  record PendingCount(long spaceId, long count, Instant oldest) {}

  /** Signs waiting for approval in these spaces, counted per space, in one query. */
  List<PendingCount> pendingBySpace(java.util.Collection<Long> spaceIds) {
    if (spaceIds.isEmpty()) return List.of();
    List<Object> params = new java.util.ArrayList<>(spaceIds);
    params.add(PENDING);
    return db.query("SELECT space_id, COUNT(*), MIN(created_at) FROM sg_signs WHERE space_id IN ("
        + String.join(", ", java.util.Collections.nCopies(spaceIds.size(), "?")) + ") AND status = ? GROUP BY space_id",
        rs -> new PendingCount(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), params.toArray());
  }

  Map<String, Long> categories(long spaceId) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : db.query("SELECT category, COUNT(*) FROM sg_signs WHERE space_id = ? AND status = ? GROUP BY category ORDER BY category",
        rs -> Map.entry(rs.getString(1), rs.getLong(2)), spaceId, APPROVED)) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** First letters of approved words ("#" for digits and others). */
  TreeSet<String> letters(long spaceId) {
    TreeSet<String> out = new TreeSet<>();
    for (String k : db.query("SELECT word_key FROM sg_signs WHERE space_id = ? AND status = ?", rs -> rs.getString(1), spaceId, APPROVED)) {
      if (k.isEmpty()) continue;
      char c = k.charAt(0);
      out.add(c >= 'a' && c <= 'z' ? String.valueOf(c) : "#");
    }
    return out;
  }

  void update(long id, Details d) {
    db.update("UPDATE sg_signs SET word = ?, word_key = ?, gloss = ?, notes = ?, category = ?, tags = ?, signer = ?, lang = ? WHERE id = ?",
        d.word(), key(d.word()), d.gloss(), d.notes(), d.category(), packTags(d.tags()), d.signer(), d.lang(), id);
  }

  void approve(long id, String by) { db.update("UPDATE sg_signs SET status = ?, approved_by = ? WHERE id = ?", APPROVED, by, id); }

  void setPoster(long id, String key) { db.update("UPDATE sg_signs SET poster_key = ? WHERE id = ?", key, id); }

  void setCaptions(long id, String vtt) { db.update("UPDATE sg_signs SET captions = ? WHERE id = ?", vtt, id); }

  Optional<String> captions(long id) {
    return db.queryOne("SELECT captions FROM sg_signs WHERE id = ? AND captions IS NOT NULL", rs -> rs.getString(1), id);
  }

  /** Removes the sign and everything pointing at it; returns its file keys for the caller to delete. */
  List<String> delete(Sign s) {
    return db.transaction(() -> {
      db.update("DELETE FROM sg_week WHERE sign_id = ?", s.id());
      db.update("DELETE FROM sg_practice WHERE sign_id = ?", s.id());
      db.update("DELETE FROM sg_signs WHERE id = ?", s.id());
      List<String> keys = new ArrayList<>(List.of(s.videoKey()));
      if (s.posterKey() != null) keys.add(s.posterKey());
      return keys;
    });
  }

  // --- sign of the week ---

  void setWeek(long spaceId, long signId, String by) {
    Instant now = clock.instant();
    if (db.update("UPDATE sg_week SET sign_id = ?, chosen_by = ?, chosen_at = ? WHERE space_id = ?", signId, by, now, spaceId) == 0) {
      db.update("INSERT INTO sg_week (space_id, sign_id, chosen_by, chosen_at) VALUES (?, ?, ?, ?)", spaceId, signId, by, now);
    }
  }

  /** The space's sign of the week, if one is chosen and approved. */
  Optional<Sign> week(long spaceId) {
    return db.queryOne("SELECT " + COLS.replace("id, space_id", "s.id, s.space_id") + " FROM sg_signs s JOIN sg_week w ON w.sign_id = s.id"
        + " WHERE w.space_id = ? AND s.space_id = ? AND s.status = ?", SignStore::sign, spaceId, spaceId, APPROVED);
  }

  // --- who may upload ---

  List<Long> uploaders(long spaceId) { return db.query("SELECT user_id FROM sg_uploaders WHERE space_id = ?", rs -> rs.getLong(1), spaceId); }

  boolean isUploader(long spaceId, long userId) {
    return db.count("SELECT COUNT(*) FROM sg_uploaders WHERE space_id = ? AND user_id = ?", spaceId, userId) > 0;
  }

  void setUploaders(long spaceId, List<Long> userIds) {
    db.transaction(() -> {
      db.update("DELETE FROM sg_uploaders WHERE space_id = ?", spaceId);
      for (long u : userIds) db.update("INSERT INTO sg_uploaders (space_id, user_id) VALUES (?, ?)", spaceId, u);
      return null;
    });
  }

  // --- practice ---

  record WordOf(long id, String word) {}

  /** Approved signs' ids and words, for drawing a question. */
  List<WordOf> approvedWords(long spaceId) {
    return db.query("SELECT id, word FROM sg_signs WHERE space_id = ? AND status = ?", rs -> new WordOf(rs.getLong(1), rs.getString(2)), spaceId, APPROVED);
  }

  void addQuestion(String token, long spaceId, long userId, long signId, List<String> choices) {
    db.update("INSERT INTO sg_practice (token, space_id, user_id, sign_id, choices, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        token, spaceId, userId, signId, String.join("\n", choices), clock.instant());
  }

  Optional<Question> question(String token, long spaceId, long userId) {
    return db.queryOne("SELECT token, space_id, user_id, sign_id, choices, answer, correct FROM sg_practice WHERE token = ? AND space_id = ? AND user_id = ?",
        rs -> new Question(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), List.of(rs.getString(5).split("\n")), rs.getString(6),
            rs.getObject(7) == null ? null : rs.getBoolean(7)), token, spaceId, userId);
  }

  /** Records the first answer only; returns false if the question was answered already. */
  boolean answer(String token, String answer, boolean correct) {
    return db.update("UPDATE sg_practice SET answer = ?, correct = ? WHERE token = ? AND answer IS NULL", answer, correct, token) == 1;
  }

  /** Practice questions asked before {@code before} go (answered or not): a question is for the moment, not a record. */
  long deletePracticeBefore(Instant before) { return db.update("DELETE FROM sg_practice WHERE created_at < ?", before); }

  /** Right and answered questions of this learner in this gallery since {@code since} (the start of the school's day). */
  long[] score(long spaceId, long userId, Instant since) {
    long right = db.count("SELECT COUNT(*) FROM sg_practice WHERE space_id = ? AND user_id = ? AND correct = ? AND created_at > ?", spaceId, userId, true, since);
    long answered = db.count("SELECT COUNT(*) FROM sg_practice WHERE space_id = ? AND user_id = ? AND answer IS NOT NULL AND created_at > ?", spaceId, userId, since);
    return new long[] {right, answered};
  }

  // --- one person's data (subject access and erasure) ---

  /** Every sign this person added, in any gallery, oldest first. */
  List<Sign> signsBy(long userId) {
    return db.query("SELECT " + COLS + " FROM sg_signs WHERE uploaded_by = ? ORDER BY id", SignStore::sign, userId);
  }

  record Answered(long spaceId, String word, String choices, String answer, Boolean correct, Instant at) {}

  List<Answered> practiceOf(long userId) {
    return db.query("SELECT p.space_id, s.word, p.choices, p.answer, p.correct, p.created_at FROM sg_practice p JOIN sg_signs s ON s.id = p.sign_id"
        + " WHERE p.user_id = ? ORDER BY p.created_at", rs -> new Answered(rs.getLong(1), rs.getString(2), rs.getString(3).replace("\n", ", "),
            rs.getString(4), rs.getObject(5) == null ? null : rs.getBoolean(5), rs.getTimestamp(6).toInstant()), userId);
  }

  long deletePracticeOf(long userId) { return db.update("DELETE FROM sg_practice WHERE user_id = ?", userId); }

  /** The galleries where this person is on the list of who may add signs. */
  List<Long> uploaderIn(long userId) { return db.query("SELECT space_id FROM sg_uploaders WHERE user_id = ? ORDER BY space_id", rs -> rs.getLong(1), userId); }

  long removeUploader(long userId) { return db.update("DELETE FROM sg_uploaders WHERE user_id = ?", userId); }

  /**
   * Where the person's name was kept as words on other people's signs (who approved it, who chose the
   * sign of the week, who signs in it), it becomes {@code replacement}; returns how many were changed.
   */
  long replaceName(String name, String replacement) {
    return db.update("UPDATE sg_signs SET approved_by = ? WHERE approved_by = ?", replacement, name)
        + db.update("UPDATE sg_signs SET signer = ? WHERE signer = ?", replacement, name)
        + db.update("UPDATE sg_week SET chosen_by = ? WHERE chosen_by = ?", replacement, name);
  }

  static String likeEscape(String s) { return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"); }

  private static Sign sign(ResultSet rs) throws SQLException {
    return new Sign(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), unpackTags(rs.getString(7)),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getString(12), rs.getInt(13) == 1, rs.getString(14), rs.getLong(15),
        rs.getString(16), rs.getTimestamp(17).toInstant(), rs.getString(18), rs.getString(19));
  }
}
