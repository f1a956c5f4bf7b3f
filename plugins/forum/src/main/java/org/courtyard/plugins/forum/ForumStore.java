package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** The forum's tables. Every statement binds its parameters. */
final class ForumStore {
  static final String VISIBLE = "visible";
  static final String PENDING = "pending";
  static final String HIDDEN = "hidden";

  record Forum(long id, long spaceId, String title, String description, boolean threaded, boolean qa) {}

  record Discussion(long id, long forumId, long spaceId, long authorId, String authorName, String title, boolean sticky, boolean locked,
                    Instant lastPostAt) {}

  record Post(long id, long discussionId, Long parentId, long authorId, String authorName, String body, String status,
              String heldReason, String hiddenReason, Instant createdAt) {
    public boolean visible() { return VISIBLE.equals(status); }
    public boolean pending() { return PENDING.equals(status); }
    public boolean hidden() { return HIDDEN.equals(status); }
  }

  record Attachment(long id, long postId, String fileKey, String fileName, String contentType, long size) {}

  record Report(long id, long postId, String reporterName, String reason, Instant at) {}

  private final Database db;

  @Inject
  ForumStore(Database db) { this.db = db; }

  List<Forum> forums(SpaceRef space) {
    return db.query("SELECT id, space_id, title, description, threaded, qa FROM forum_forums WHERE space_id = ? ORDER BY title", ForumStore::forum, space.id());
  }

  Optional<Forum> forum(SpaceRef space, long id) {
    return db.queryOne("SELECT id, space_id, title, description, threaded, qa FROM forum_forums WHERE id = ? AND space_id = ?", ForumStore::forum, id, space.id());
  }

  long createForum(SpaceRef space, String title, String description, boolean threaded, boolean qa) {
    return db.insert("INSERT INTO forum_forums (space_id, title, description, threaded, qa) VALUES (?, ?, ?, ?, ?)", space.id(), title, description, threaded, qa);
  }

  List<Discussion> discussions(Forum forum) {
    return db.query("SELECT id, forum_id, space_id, author_id, author_name, title, sticky, locked, last_post_at FROM forum_discussions"
        + " WHERE forum_id = ? ORDER BY sticky DESC, last_post_at DESC, id DESC", ForumStore::discussion, forum.id());
  }

  Optional<Discussion> discussion(SpaceRef space, long id) {
    return db.queryOne("SELECT id, forum_id, space_id, author_id, author_name, title, sticky, locked, last_post_at FROM forum_discussions"
        + " WHERE id = ? AND space_id = ?", ForumStore::discussion, id, space.id());
  }

  /** A discussion and its first post, in one transaction. */
  long startDiscussion(Forum forum, UserRef author, String title, String body, String status, String held) {
    return db.transaction(() -> {
      long d = db.insert("INSERT INTO forum_discussions (forum_id, space_id, author_id, author_name, title) VALUES (?, ?, ?, ?, ?)",
          forum.id(), forum.spaceId(), author.id(), author.displayName(), title);
      addPost(d, null, forum.spaceId(), author, body, status, held);
      subscribe(d, author.id());
      return d;
    });
  }

  long addPost(long discussionId, Long parentId, long spaceId, UserRef author, String body, String status, String held) {
    long id = db.insert("INSERT INTO forum_posts (discussion_id, parent_id, space_id, author_id, author_name, body, status, held_reason)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", discussionId, parentId, spaceId, author.id(), author.displayName(), body, status, held);
    if (VISIBLE.equals(status)) touch(discussionId);
    return id;
  }

  void touch(long discussionId) { db.update("UPDATE forum_discussions SET last_post_at = CURRENT_TIMESTAMP WHERE id = ?", discussionId); }

  List<Post> posts(long discussionId) {
    return db.query("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at"
        + " FROM forum_posts WHERE discussion_id = ? ORDER BY id", ForumStore::post, discussionId);
  }

  Optional<Post> post(SpaceRef space, long id) {
    return db.queryOne("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at"
        + " FROM forum_posts WHERE id = ? AND space_id = ?", ForumStore::post, id, space.id());
  }

  void setStatus(long postId, String status, String hiddenReason) {
    db.update("UPDATE forum_posts SET status = ?, hidden_reason = ? WHERE id = ?", status, hiddenReason, postId);
  }

  void setSticky(long discussionId, boolean sticky) { db.update("UPDATE forum_discussions SET sticky = ? WHERE id = ?", sticky, discussionId); }

  void setLocked(long discussionId, boolean locked) { db.update("UPDATE forum_discussions SET locked = ? WHERE id = ?", locked, discussionId); }

  /** Posts waiting for a teacher, and visible posts someone reported, in this space. */
  List<Post> queue(SpaceRef space) {
    return db.query("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at FROM forum_posts"
        + " WHERE space_id = ? AND (status = ? OR id IN (SELECT post_id FROM forum_reports WHERE resolved = FALSE)) ORDER BY id",
        ForumStore::post, space.id(), PENDING);
  }

  List<Report> reports(long postId) {
    return db.query("SELECT id, post_id, reporter_name, reason, created_at FROM forum_reports WHERE post_id = ? AND resolved = FALSE ORDER BY id",
        rs -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), postId);
  }

  void report(long postId, UserRef who, String reason) {
    db.insert("INSERT INTO forum_reports (post_id, reporter_id, reporter_name, reason) VALUES (?, ?, ?, ?)", postId, who.id(), who.displayName(), reason);
  }

  void resolveReports(long postId) { db.update("UPDATE forum_reports SET resolved = TRUE WHERE post_id = ?", postId); }

  boolean hasAnswered(long discussionId, long userId) {
    return db.count("SELECT COUNT(*) FROM forum_posts p WHERE p.discussion_id = ? AND p.author_id = ? AND p.id <> (SELECT MIN(id) FROM forum_posts WHERE discussion_id = ?)",
            discussionId, userId, discussionId) > 0;
  }

  // --- attachments ---

  void attach(long postId, String key, String name, String type, long size) {
    db.insert("INSERT INTO forum_attachments (post_id, file_key, file_name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?)", postId, key, name, type, size);
  }

  List<Attachment> attachments(long postId) {
    return db.query("SELECT id, post_id, file_key, file_name, content_type, size_bytes FROM forum_attachments WHERE post_id = ? ORDER BY id",
        ForumStore::attachment, postId);
  }

  /** Every attachment of a discussion's posts in one query, by post id (a page shows them all). */
  java.util.Map<Long, List<Attachment>> attachmentsOf(long discussionId) {
    java.util.Map<Long, List<Attachment>> out = new java.util.HashMap<>();
    for (Attachment a : db.query("SELECT a.id, a.post_id, a.file_key, a.file_name, a.content_type, a.size_bytes FROM forum_attachments a"
        + " JOIN forum_posts p ON p.id = a.post_id WHERE p.discussion_id = ? ORDER BY a.id", ForumStore::attachment, discussionId)) {
      out.computeIfAbsent(a.postId(), k -> new java.util.ArrayList<>()).add(a);
    }
    return out;
  }

  Optional<Attachment> attachment(long id) {
    return db.queryOne("SELECT id, post_id, file_key, file_name, content_type, size_bytes FROM forum_attachments WHERE id = ?", ForumStore::attachment, id);
  }

  // --- subscriptions and reading ---

  void subscribe(long discussionId, long userId) {
    if (!subscribed(discussionId, userId)) db.update("INSERT INTO forum_subscriptions (discussion_id, user_id) VALUES (?, ?)", discussionId, userId);
  }

  void unsubscribe(long discussionId, long userId) {
    db.update("DELETE FROM forum_subscriptions WHERE discussion_id = ? AND user_id = ?", discussionId, userId);
  }

  boolean subscribed(long discussionId, long userId) {
    return db.count("SELECT COUNT(*) FROM forum_subscriptions WHERE discussion_id = ? AND user_id = ?", discussionId, userId) > 0;
  }

  List<Long> subscribers(long discussionId) {
    return db.query("SELECT user_id FROM forum_subscriptions WHERE discussion_id = ?", rs -> rs.getLong(1), discussionId);
  }

  void markRead(long discussionId, long userId, long lastPostId) {
    // Most views change nothing: read first, so a page view is not a write.
    long seen = db.queryOne("SELECT last_post_id FROM forum_reads WHERE discussion_id = ? AND user_id = ?", rs -> rs.getLong(1), discussionId, userId).orElse(-1L);
    if (seen >= lastPostId) return;
    if (db.update("UPDATE forum_reads SET last_post_id = ? WHERE discussion_id = ? AND user_id = ? AND last_post_id < ?", lastPostId, discussionId, userId, lastPostId) == 0
        && db.count("SELECT COUNT(*) FROM forum_reads WHERE discussion_id = ? AND user_id = ?", discussionId, userId) == 0) {
      db.update("INSERT INTO forum_reads (discussion_id, user_id, last_post_id) VALUES (?, ?, ?)", discussionId, userId, lastPostId);
    }
  }

  /** Visible posts newer than what this user last read. */
  long unread(long discussionId, long userId) {
    return db.count("SELECT COUNT(*) FROM forum_posts p WHERE p.discussion_id = ? AND p.status = ? AND p.id > COALESCE("
        + "(SELECT r.last_post_id FROM forum_reads r WHERE r.discussion_id = ? AND r.user_id = ?), 0)", discussionId, VISIBLE, discussionId, userId);
  }

  // --- search and widget ---

  /** A visible post found by search or listed as new, with what the Q&A rule needs: its forum's mode and its discussion's question. */
  record Hit(long discussionId, String title, String authorName, String body, long postId, long authorId, boolean qa, long questionId) {}

  private static final String HIT = "SELECT d.id, d.title, p.author_name, p.body, p.id, p.author_id, f.qa,"
      + " (SELECT MIN(q.id) FROM forum_posts q WHERE q.discussion_id = d.id)"
      + " FROM forum_posts p JOIN forum_discussions d ON d.id = p.discussion_id JOIN forum_forums f ON f.id = d.forum_id";

  List<Hit> search(SpaceRef space, String text) {
    String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    return db.query(HIT + " WHERE p.space_id = ? AND p.status = ? AND (LOWER(d.title) LIKE ? OR LOWER(p.body) LIKE ?) ORDER BY p.id DESC FETCH FIRST 50 ROWS ONLY",
        ForumStore::hit, space.id(), VISIBLE, like, like);
  }

  List<Hit> latest(SpaceRef space, int n) {
    return db.query(HIT + " WHERE p.space_id = ? AND p.status = ? ORDER BY p.id DESC FETCH FIRST " + Math.max(1, Math.min(n, 50)) + " ROWS ONLY",
        ForumStore::hit, space.id(), VISIBLE);
  }

  private static Hit hit(ResultSet rs) throws SQLException {
    return new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getBoolean(7), rs.getLong(8));
  }

  private static Forum forum(ResultSet rs) throws SQLException {
    return new Forum(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
  }

  private static Discussion discussion(ResultSet rs) throws SQLException {
    return new Discussion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
        rs.getBoolean(8), rs.getTimestamp(9).toInstant());
  }

  private static Post post(ResultSet rs) throws SQLException {
    long parent = rs.getLong(3);
    Long parentId = rs.wasNull() ? null : parent;
    return new Post(rs.getLong(1), rs.getLong(2), parentId, rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getTimestamp(10).toInstant());
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6));
  }
}
