package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/**
 * Posts, media and comments. A post is a "draft", "scheduled" (to appear at its publishing time, when
 * {@link PublishScheduled} makes it published) or "published".
 */
final class BlogStore {
  record Post(long id, long spaceId, long authorId, String authorName, String title, String body, String status, Instant publishAt, Instant updatedAt, String lang) {
    boolean live() { return PUBLISHED.equals(status); }
    public boolean draft() { return DRAFT.equals(status); }
    public boolean scheduled() { return SCHEDULED.equals(status); }
  }

  record Media(long id, long postId, String fileKey, String fileName, String contentType) {
    public boolean image() { return contentType.startsWith("image/"); }
  }

  record Comment(long id, long postId, long authorId, String authorName, String body, String status, Instant at, String lang) {
    public boolean pending() { return "pending".equals(status); }
    public boolean hidden() { return "hidden".equals(status); }
  }

  static final String DRAFT = "draft";
  static final String SCHEDULED = "scheduled";
  static final String PUBLISHED = "published";

  private static final String COLS = "id, space_id, author_id, author_name, title, body, status, publish_at, updated_at, lang";
  private final Database db;
  private final Clock clock;

  @Inject
  BlogStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  List<Post> published(long spaceId, String month, java.time.ZoneId zone) {
    if (month != null) {
      return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' AND publish_at >= ? AND publish_at < ?"
          + " ORDER BY publish_at DESC", BlogStore::post, spaceId, monthStart(month, zone), monthStart(nextMonth(month), zone));
    }
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' ORDER BY publish_at DESC"
        + " FETCH FIRST 50 ROWS ONLY", BlogStore::post, spaceId);
  }

  /** Months with published posts, newest first, as "YYYY-MM" in the school's time zone. */
  List<String> months(long spaceId, java.time.ZoneId zone) {
    return db.query("SELECT publish_at FROM blog_posts WHERE space_id = ? AND status = 'published' ORDER BY publish_at DESC",
        rs -> java.time.YearMonth.from(rs.getTimestamp(1).toInstant().atZone(zone)).toString(), spaceId).stream().distinct().toList();
  }

  List<Post> unpublished(long spaceId, long authorId, boolean everyone) {
    return everyone
        ? db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status IN ('draft', 'scheduled') ORDER BY updated_at DESC", BlogStore::post, spaceId)
        : db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND author_id = ? AND status IN ('draft', 'scheduled') ORDER BY updated_at DESC",
            BlogStore::post, spaceId, authorId);
  }

  /** Scheduled posts whose time has come. */
  List<Post> due(Instant now) {
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at", BlogStore::post, now);
  }

  /** Publishes a scheduled post; false if someone changed it meanwhile (made it a draft, or published it). */
  boolean publish(long id) {
    return db.update("UPDATE blog_posts SET status = 'published' WHERE id = ? AND status = 'scheduled'", id) == 1;
  }

  Optional<Post> post(long spaceId, long id) {
    return db.queryOne("SELECT " + COLS + " FROM blog_posts WHERE id = ? AND space_id = ?", BlogStore::post, id, spaceId);
  }

  /** {@code lang}: the language the post is written in, or null for the page's. */
  long create(long spaceId, UserRef author, String title, String body, String status, Instant publishAt, String lang) {
    Instant now = clock.instant();
    return db.insert("INSERT INTO blog_posts (space_id, author_id, author_name, title, body, status, publish_at, created_at, updated_at, lang)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spaceId, author.id(), author.displayName(), title, body, status, publishAt, now, now, lang);
  }

  void update(long id, String title, String body, String status, Instant publishAt, String lang) {
    db.update("UPDATE blog_posts SET title = ?, body = ?, status = ?, publish_at = ?, updated_at = ?, lang = ? WHERE id = ?",
        title, body, status, publishAt, clock.instant(), lang, id);
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

  long comment(long postId, long spaceId, UserRef author, String body, String status, String lang) {
    return db.insert("INSERT INTO blog_comments (post_id, space_id, author_id, author_name, body, status, created_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        postId, spaceId, author.id(), author.displayName(), body, status, clock.instant(), lang);
  }

  List<Comment> comments(long postId) {
    return db.query("SELECT id, post_id, author_id, author_name, body, status, created_at, lang FROM blog_comments WHERE post_id = ? ORDER BY id",
        BlogStore::comment, postId);
  }

  Optional<Comment> commentById(long spaceId, long id) {
    return db.queryOne("SELECT id, post_id, author_id, author_name, body, status, created_at, lang FROM blog_comments WHERE id = ? AND space_id = ?",
        BlogStore::comment, id, spaceId);
  }

  void setCommentStatus(long id, String status) { db.update("UPDATE blog_comments SET status = ? WHERE id = ?", status, id); }

  List<Post> search(long spaceId, String text) {
    String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE space_id = ? AND status = 'published' AND (LOWER(title) LIKE ? OR LOWER(body) LIKE ?)"
        + " ORDER BY publish_at DESC FETCH FIRST 50 ROWS ONLY", BlogStore::post, spaceId, like, like);
  }

  // --- for the agenda ---

  /** Comments held for a teacher on one post: how many, and since when. */
  record HeldComments(long spaceId, long postId, String postTitle, long count, Instant oldest) {}

  /** "space_id IN (?, ...) OR author_id = ?" over these spaces and the person's own posts (their own blog has no members). */
  private static String spacesOrOwn(String prefix, List<Long> spaceIds) {
    String own = prefix + "author_id = ?";
    if (spaceIds.isEmpty()) return own;
    return "(" + prefix + "space_id IN (" + String.join(", ", java.util.Collections.nCopies(spaceIds.size(), "?")) + ") OR " + own + ")";
  }

  /** Held comments per post, in these spaces and on the person's own posts, in one query. */
  List<HeldComments> heldComments(List<Long> spaceIds, long personId) {
    List<Object> params = new java.util.ArrayList<>(spaceIds);
    params.add(personId);
    return db.query("SELECT p.space_id, p.id, p.title, COUNT(*), MIN(c.created_at) FROM blog_comments c JOIN blog_posts p ON p.id = c.post_id"
        + " WHERE " + spacesOrOwn("p.", spaceIds) + " AND c.status = 'pending' GROUP BY p.space_id, p.id, p.title",
        rs -> new HeldComments(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant()), params.toArray());
  }

  /** Posts scheduled to appear from {@code from} (inclusive) to {@code to} (exclusive), in these spaces and the person's own, in one query. */
  List<Post> scheduledBetween(List<Long> spaceIds, long personId, Instant from, Instant to) {
    List<Object> params = new java.util.ArrayList<>(spaceIds);
    params.add(personId);
    params.add(from);
    params.add(to);
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE " + spacesOrOwn("", spaceIds)
        + " AND status = 'scheduled' AND publish_at >= ? AND publish_at < ? ORDER BY publish_at", BlogStore::post, params.toArray());
  }

  // --- one person's data ---

  List<Post> postsBy(long authorId) {
    return db.query("SELECT " + COLS + " FROM blog_posts WHERE author_id = ? ORDER BY id", BlogStore::post, authorId);
  }

  List<Comment> commentsBy(long authorId) {
    return db.query("SELECT id, post_id, author_id, author_name, body, status, created_at, lang FROM blog_comments WHERE author_id = ? ORDER BY id",
        BlogStore::comment, authorId);
  }

  /** Deletes a post with its comments and media rows (the caller deletes the media files); returns the rows removed. */
  long deletePost(long postId) {
    return db.transaction(() -> (long) db.update("DELETE FROM blog_comments WHERE post_id = ?", postId)
        + db.update("DELETE FROM blog_media WHERE post_id = ?", postId)
        + db.update("DELETE FROM blog_posts WHERE id = ?", postId));
  }

  String postTitle(long postId) {
    return db.queryOne("SELECT title FROM blog_posts WHERE id = ?", rs -> rs.getString(1), postId).orElse("");
  }

  long deleteCommentsBy(long authorId) { return db.update("DELETE FROM blog_comments WHERE author_id = ?", authorId); }

  static Instant monthStart(String yyyyMm, java.time.ZoneId zone) { return java.time.YearMonth.parse(yyyyMm).atDay(1).atStartOfDay(zone).toInstant(); }

  static String nextMonth(String yyyyMm) { return java.time.YearMonth.parse(yyyyMm).plusMonths(1).toString(); }

  private static Media media(ResultSet rs) throws SQLException {
    return new Media(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  private static Comment comment(ResultSet rs) throws SQLException {
    return new Comment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
  }

  private static Post post(ResultSet rs) throws SQLException {
    Timestamp p = rs.getTimestamp(8);
    return new Post(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
        p == null ? null : p.toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10));
  }
}
