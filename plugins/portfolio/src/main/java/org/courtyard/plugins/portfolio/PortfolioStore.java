package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.data.Database;

/** Collections, what is in them, and comments. */
final class PortfolioStore {
  /** {@code lang}, here and below: the language it is written in, or null for the page's. */
  record Collection(long id, long ownerId, String title, String description, Visibility visibility, boolean commentsAllowed, boolean staffOnly, String lang) {}

  record Artefact(long id, long collectionId, String kind, String title, String body, String fileKey, String fileName, String contentType, String link, String lang) {
    boolean isText() { return "TEXT".equals(kind); }
    boolean isFile() { return "FILE".equals(kind); }
    boolean isLink() { return "LINK".equals(kind); }
    boolean isImage() { return isFile() && contentType != null && contentType.startsWith("image/"); }
    boolean isAudio() { return isFile() && contentType != null && contentType.startsWith("audio/"); }
    boolean isVideo() { return isFile() && contentType != null && contentType.startsWith("video/"); }
  }

  record Comment(long id, long authorId, String authorName, String body, Instant at, String lang) {
    /** The comment of someone whose data was erased: shown as a former member's, with the words removed. */
    boolean erased() { return authorId == 0; }
  }

  /** A comment someone wrote, with where it is, for their own data. */
  record Written(long collectionId, long ownerId, String collectionTitle, String body, Instant at, String lang) {}

  private static final String COLLECTION = "id, owner_id, title, description, visibility, comments_allowed, staff_only, lang";
  private static final String ARTEFACT = "id, collection_id, kind, title, body, file_key, file_name, content_type, link, lang";
  /**
   * What an erased person's comment on someone else's work keeps instead of them and their words; the page
   * shows the reader's words for both (portfolio.comment.former, .removed), these stay for older copies.
   */
  static final String FORMER = "a former member";
  static final String REMOVED = "(comment removed)";
  private final Database db;
  private final Clock clock;

  @Inject
  PortfolioStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  List<Collection> collections(long ownerId) {
    return db.query("SELECT " + COLLECTION + " FROM pf_collections WHERE owner_id = ? ORDER BY staff_only, id", PortfolioStore::collection, ownerId);
  }

  Optional<Collection> collection(long ownerId, long id) {
    return db.queryOne("SELECT " + COLLECTION + " FROM pf_collections WHERE id = ? AND owner_id = ?", PortfolioStore::collection, id, ownerId);
  }

  long create(long ownerId, String title, String description, Visibility v, boolean comments, boolean staffOnly, String lang) {
    return db.insert("INSERT INTO pf_collections (owner_id, title, description, visibility, comments_allowed, staff_only, created_at, lang)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ownerId, title, description, v.name(), comments, staffOnly, clock.instant(), lang);
  }

  void update(long id, String title, String description, Visibility v, boolean comments, String lang) {
    db.update("UPDATE pf_collections SET title = ?, description = ?, visibility = ?, comments_allowed = ?, lang = ? WHERE id = ?",
        title, description, v.name(), comments, lang, id);
  }

  List<Artefact> artefacts(long collectionId) {
    return db.query("SELECT " + ARTEFACT + " FROM pf_artefacts WHERE collection_id = ? ORDER BY id", PortfolioStore::artefact, collectionId);
  }

  Optional<Artefact> artefact(long id) {
    return db.queryOne("SELECT " + ARTEFACT + " FROM pf_artefacts WHERE id = ?", PortfolioStore::artefact, id);
  }

  long addText(long collectionId, String title, String html, String lang) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, body, created_at, lang) VALUES (?, 'TEXT', ?, ?, ?, ?)", collectionId, title, html,
        clock.instant(), lang);
  }

  long addFile(long collectionId, String title, String key, String name, String type, String lang) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, file_key, file_name, content_type, created_at, lang) VALUES (?, 'FILE', ?, ?, ?, ?, ?, ?)",
        collectionId, title, key, name, type, clock.instant(), lang);
  }

  long addLink(long collectionId, String title, String link, String note, String lang) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, link, body, created_at, lang) VALUES (?, 'LINK', ?, ?, ?, ?, ?)", collectionId, title, link,
        note, clock.instant(), lang);
  }

  void deleteArtefact(long id) { db.update("DELETE FROM pf_artefacts WHERE id = ?", id); }

  List<Comment> comments(long collectionId) {
    return db.query("SELECT id, author_id, author_name, body, created_at, lang FROM pf_comments WHERE collection_id = ? ORDER BY id",
        rs -> new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)), collectionId);
  }

  /** {@code spaceId}: the owner's personal space, where the comment was written. */
  void comment(long collectionId, long spaceId, long authorId, String authorName, String body, String lang) {
    db.insert("INSERT INTO pf_comments (collection_id, space_id, author_id, author_name, body, created_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?)",
        collectionId, spaceId, authorId, authorName, body, clock.instant(), lang);
  }

  /** How many comments by others a collection had since some time, and the oldest of them; spaceId is where it lives. */
  record NewComments(long collectionId, String title, long spaceId, long count, Instant oldest) {}

  /**
   * Comments others wrote since {@code since} on the owner's collections that the owner sees (not a
   * staff-only one), per collection, in one query. A comment of someone since erased has no words left
   * to read; a comment from before the space was kept with comments cannot be placed.
   */
  List<NewComments> commentsByOthersSince(long ownerId, Instant since) {
    return db.query("SELECT p.id, p.title, MAX(c.space_id), COUNT(*), MIN(c.created_at) FROM pf_comments c JOIN pf_collections p ON p.id = c.collection_id"
        + " WHERE p.owner_id = ? AND p.staff_only = FALSE AND c.author_id <> ? AND c.author_id <> 0 AND c.space_id IS NOT NULL AND c.created_at >= ?"
        + " GROUP BY p.id, p.title",
        rs -> new NewComments(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant()), ownerId, ownerId, since);
  }

  /** When a piece of work was added. */
  Instant addedAt(long artefactId) {
    return db.queryOne("SELECT created_at FROM pf_artefacts WHERE id = ?", rs -> rs.getTimestamp(1).toInstant(), artefactId).orElse(null);
  }

  Instant madeAt(long collectionId) {
    return db.queryOne("SELECT created_at FROM pf_collections WHERE id = ?", rs -> rs.getTimestamp(1).toInstant(), collectionId).orElse(null);
  }

  /** Comments this person wrote on anyone's portfolio (their own included). */
  List<Written> commentsBy(long authorId) {
    return db.query("SELECT c.collection_id, p.owner_id, p.title, c.body, c.created_at, c.lang FROM pf_comments c JOIN pf_collections p ON p.id = c.collection_id"
        + " WHERE c.author_id = ? ORDER BY c.id", rs -> new Written(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6)), authorId);
  }

  /** Their comments on other people's work stay as a gap in the conversation: no name, no words. */
  long anonymiseCommentsBy(long authorId) {
    return db.update("UPDATE pf_comments SET author_id = 0, author_name = ?, body = ?, lang = NULL WHERE author_id = ?", FORMER, REMOVED, authorId);
  }

  /** Deletes a collection with its work and comments; returns its files' keys for the caller to delete. */
  List<String> deleteCollection(long collectionId) {
    return db.transaction(() -> {
      List<String> keys = db.query("SELECT file_key FROM pf_artefacts WHERE collection_id = ? AND file_key IS NOT NULL", rs -> rs.getString(1), collectionId);
      db.update("DELETE FROM pf_comments WHERE collection_id = ?", collectionId);
      db.update("DELETE FROM pf_artefacts WHERE collection_id = ?", collectionId);
      db.update("DELETE FROM pf_collections WHERE id = ?", collectionId);
      return keys;
    });
  }

  // --- downloads kept for a while in the file store ---

  void recordDownload(long ownerId, String fileKey) {
    db.insert("INSERT INTO pf_exports (owner_id, file_key, created_at) VALUES (?, ?, ?)", ownerId, fileKey, clock.instant());
  }

  /** Downloads made before {@code before}: forgets them and returns their file keys. */
  List<String> takeDownloadsBefore(Instant before) {
    return db.transaction(() -> {
      List<String> keys = db.query("SELECT file_key FROM pf_exports WHERE created_at < ?", rs -> rs.getString(1), before);
      db.update("DELETE FROM pf_exports WHERE created_at < ?", before);
      return keys;
    });
  }

  List<String> takeDownloadsOf(long ownerId) {
    return db.transaction(() -> {
      List<String> keys = db.query("SELECT file_key FROM pf_exports WHERE owner_id = ?", rs -> rs.getString(1), ownerId);
      db.update("DELETE FROM pf_exports WHERE owner_id = ?", ownerId);
      return keys;
    });
  }

  <T> T transaction(Database.Work<T> work) { return db.transaction(work); }

  private static Collection collection(ResultSet rs) throws SQLException {
    return new Collection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Visibility.parse(rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7),
        rs.getString(8));
  }

  private static Artefact artefact(ResultSet rs) throws SQLException {
    return new Artefact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10));
  }
}
