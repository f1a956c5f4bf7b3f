package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** Posts, media and comments. "Published" means status published and its time has come. */
final class BlogStore {
  record Post(long id, long spaceId, long authorId, String authorName, String title, String body, String status, Instant publishAt, Instant updatedAt) {
    boolean live(Instant now) { return "published".equals(status) && publishAt != null && !publishAt.isAfter(now); }
    public boolean draft() { return "draft".equals(status); }
    public boolean scheduled() { return "published".equals(status) && publishAt != null && publishAt.isAfter(Instant.now()); }
  }

  record Media(long id, long postId, String fileKey, String fileName, String contentType) {
    public boolean image() { return contentType.startsWith("image/"); }
  }

  record Comment(long id, long postId, long authorId, String authorName, String body, String status, Instant at) {
    public boolean pending() { return "pending".equals(status); }
    public boolean hidden() { return "hidden".equals(status); }
  }

  private static final String COLS = "id, space_id, author_id, author_name, title, body, status, publish_at, updated_at";
  private final Database db;

  @Inject
  BlogStore(Database db) { this.db = db; }

  List<Post> published(long spaceId, Instant now, String month) {
    if (month != null) {
      return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' AND publish_at <= ? AND publish_at >= ? AND publish_at < ?"
          + " ORDER BY publish_at DESC", BlogStore::post, spaceId, now, monthStart(month), monthStart(nextMonth(month)));
    }
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' AND publish_at <= ? ORDER BY publish_at DESC"
        + " FETCH FIRST 50 ROWS ONLY", BlogStore::post, spaceId, now);
  }

  /** Months with published posts, newest first, as "YYYY-MM". */
  List<String> months(long spaceId, Instant now) {
    return db.query("SELECT publish_at FROM blog_posts WHERE space_id = ? AND status = 'published' AND publish_at <= ? ORDER BY publish_at DESC",
        rs -> rs.getTimestamp(1).toInstant().toString().substring(0, 7), spaceId, now).stream().distinct().toList();
  }

  List<Post> unpublished(long spaceId, long authorId, boolean everyone) {
    return everyone
        ? db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND (status = 'draft' OR publish_at > CURRENT_TIMESTAMP) ORDER BY updated_at DESC", BlogStore::post, spaceId)
        : db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND author_id = ? AND (status = 'draft' OR publish_at > CURRENT_TIMESTAMP) ORDER BY updated_at DESC",
            BlogStore::post, spaceId, authorId);
  }

  Optional<Post> post(long spaceId, long id) {
    return db.queryOne("SELECT " + COLS + " FROM blog_posts WHERE id = ? AND space_id = ?", BlogStore::post, id, spaceId);
  }

  long create(long spaceId, UserRef author, String title, String body, String status, Instant publishAt) {
    return db.insert("INSERT INTO blog_posts (space_id, author_id, author_name, title, body, status, publish_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        spaceId, author.id(), author.displayName(), title, body, status, publishAt);
  }

  void update(long id, String title, String body, String status, Instant publishAt) {
    db.update("UPDATE blog_posts SET title = ?, body = ?, status = ?, publish_at = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?", title, body, status, publishAt, id);
  }

  void addMedia(long postId, String key, String name, String type) {
    db.insert("INSERT INTO blog_media (post_id, file_key, file_name, content_type) VALUES (?, ?, ?, ?)", postId, key, name, type);
  }

  List<Media> media(long postId) {
    return db.query("SELECT id, post_id, file_key, file_name, content_type FROM blog_media WHERE post_id = ? ORDER BY id",
        BlogStore::media, postId);
  }

  Optional<Media> mediaItem(long id) {
    return db.queryOne("SELECT id, post_id, file_key, file_name, content_type FROM blog_media WHERE id = ?",
        BlogStore::media, id);
  }

  long comment(long postId, long spaceId, UserRef author, String body, String status) {
    return db.insert("INSERT INTO blog_comments (post_id, space_id, author_id, author_name, body, status) VALUES (?, ?, ?, ?, ?, ?)",
        postId, spaceId, author.id(), author.displayName(), body, status);
  }

  List<Comment> comments(long postId) {
    return db.query("SELECT id, post_id, author_id, author_name, body, status, created_at FROM blog_comments WHERE post_id = ? ORDER BY id",
        BlogStore::comment, postId);
  }

  Optional<Comment> commentById(long spaceId, long id) {
    return db.queryOne("SELECT id, post_id, author_id, author_name, body, status, created_at FROM blog_comments WHERE id = ? AND space_id = ?",
        BlogStore::comment, id, spaceId);
  }

  void setCommentStatus(long id, String status) { db.update("UPDATE blog_comments SET status = ? WHERE id = ?", status, id); }

  List<Post> search(long spaceId, Instant now, String text) {
    String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' AND publish_at <= ? AND (LOWER(title) LIKE ? OR LOWER(body) LIKE ?)"
        + " ORDER BY publish_at DESC FETCH FIRST 50 ROWS ONLY", BlogStore::post, spaceId, now, like, like);
  }

  static Instant monthStart(String yyyyMm) { return java.time.YearMonth.parse(yyyyMm).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(); }

  static String nextMonth(String yyyyMm) { return java.time.YearMonth.parse(yyyyMm).plusMonths(1).toString(); }

  private static Media media(ResultSet rs) throws SQLException {
    return new Media(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  private static Comment comment(ResultSet rs) throws SQLException {
    return new Comment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
  }

  private static Post post(ResultSet rs) throws SQLException {
    Timestamp p = rs.getTimestamp(8);
    return new Post(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
        p == null ? null : p.toInstant(), rs.getTimestamp(9).toInstant());
  }
}
