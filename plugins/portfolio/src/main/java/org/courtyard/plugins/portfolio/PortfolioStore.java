package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.data.Database;

/** Collections, what is in them, and comments. */
final class PortfolioStore {
  record Collection(long id, long ownerId, String title, String description, Visibility visibility, boolean commentsAllowed, boolean staffOnly) {}

  record Artefact(long id, long collectionId, String kind, String title, String body, String fileKey, String fileName, String contentType, String link) {
    boolean isText() { return "TEXT".equals(kind); }
    boolean isFile() { return "FILE".equals(kind); }
    boolean isLink() { return "LINK".equals(kind); }
    boolean isImage() { return isFile() && contentType != null && contentType.startsWith("image/"); }
    boolean isAudio() { return isFile() && contentType != null && contentType.startsWith("audio/"); }
    boolean isVideo() { return isFile() && contentType != null && contentType.startsWith("video/"); }
  }

  record Comment(long id, String authorName, String body, Instant at) {}

  private static final String COLLECTION = "id, owner_id, title, description, visibility, comments_allowed, staff_only";
  private static final String ARTEFACT = "id, collection_id, kind, title, body, file_key, file_name, content_type, link";
  private final Database db;

  @Inject
  PortfolioStore(Database db) { this.db = db; }

  List<Collection> collections(long ownerId) {
    return db.query("SELECT " + COLLECTION + " FROM pf_collections WHERE owner_id = ? ORDER BY staff_only, id", PortfolioStore::collection, ownerId);
  }

  Optional<Collection> collection(long ownerId, long id) {
    return db.queryOne("SELECT " + COLLECTION + " FROM pf_collections WHERE id = ? AND owner_id = ?", PortfolioStore::collection, id, ownerId);
  }

  long create(long ownerId, String title, String description, Visibility v, boolean comments, boolean staffOnly) {
    return db.insert("INSERT INTO pf_collections (owner_id, title, description, visibility, comments_allowed, staff_only) VALUES (?, ?, ?, ?, ?, ?)",
        ownerId, title, description, v.name(), comments, staffOnly);
  }

  void update(long id, String title, String description, Visibility v, boolean comments) {
    db.update("UPDATE pf_collections SET title = ?, description = ?, visibility = ?, comments_allowed = ? WHERE id = ?", title, description, v.name(), comments, id);
  }

  List<Artefact> artefacts(long collectionId) {
    return db.query("SELECT " + ARTEFACT + " FROM pf_artefacts WHERE collection_id = ? ORDER BY id", PortfolioStore::artefact, collectionId);
  }

  Optional<Artefact> artefact(long id) {
    return db.queryOne("SELECT " + ARTEFACT + " FROM pf_artefacts WHERE id = ?", PortfolioStore::artefact, id);
  }

  long addText(long collectionId, String title, String html) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, body) VALUES (?, 'TEXT', ?, ?)", collectionId, title, html);
  }

  long addFile(long collectionId, String title, String key, String name, String type) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, file_key, file_name, content_type) VALUES (?, 'FILE', ?, ?, ?, ?)",
        collectionId, title, key, name, type);
  }

  long addLink(long collectionId, String title, String link, String note) {
    return db.insert("INSERT INTO pf_artefacts (collection_id, kind, title, link, body) VALUES (?, 'LINK', ?, ?, ?)", collectionId, title, link, note);
  }

  void deleteArtefact(long id) { db.update("DELETE FROM pf_artefacts WHERE id = ?", id); }

  List<Comment> comments(long collectionId) {
    return db.query("SELECT id, author_name, body, created_at FROM pf_comments WHERE collection_id = ? ORDER BY id",
        rs -> new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), collectionId);
  }

  void comment(long collectionId, long authorId, String authorName, String body) {
    db.insert("INSERT INTO pf_comments (collection_id, author_id, author_name, body) VALUES (?, ?, ?, ?)", collectionId, authorId, authorName, body);
  }

  <T> T transaction(Database.Work<T> work) { return db.transaction(work); }

  private static Collection collection(ResultSet rs) throws SQLException {
    return new Collection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Visibility.parse(rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7));
  }

  private static Artefact artefact(ResultSet rs) throws SQLException {
    return new Artefact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
  }
}
