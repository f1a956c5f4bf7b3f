package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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

  /** Who erased people's posts are shown as. */
  static final String FORMER_MEMBER = "A former member";
  /** The author id of what an erased person wrote: no account has it. */
  static final long NOBODY = -1;

  private final Database db;
  private final Clock clock;

  @Inject
  ForumStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  List<Forum> forums(SpaceRef space) {
    return db.query("SELECT id, space_id, title, description, threaded, qa FROM forum_forums WHERE space_id = ? ORDER BY title", ForumStore::forum, space.id());
  }

  Optional<Forum> forum(SpaceRef space, long id) {
    return db.queryOne("SELECT id, space_id, title, description, threaded, qa FROM forum_forums WHERE id = ? AND space_id = ?", ForumStore::forum, id, space.id());
  }

  long createForum(SpaceRef space, String title, String description, boolean threaded, boolean qa) {
    return db.insert("INSERT INTO forum_forums (space_id, title, description, threaded, qa, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        space.id(), title, description, threaded, qa, clock.instant());
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
      Instant now = clock.instant();
      long d = db.insert("INSERT INTO forum_discussions (forum_id, space_id, author_id, author_name, title, created_at, last_post_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          forum.id(), forum.spaceId(), author.id(), author.displayName(), title, now, now);
      addPost(d, null, forum.spaceId(), author, body, status, held);
      subscribe(d, author.id());
      return d;
    });
  }

  long addPost(long discussionId, Long parentId, long spaceId, UserRef author, String body, String status, String held) {
    long id = db.insert("INSERT INTO forum_posts (discussion_id, parent_id, space_id, author_id, author_name, body, status, held_reason, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", discussionId, parentId, spaceId, author.id(), author.displayName(), body, status, held, clock.instant());
    if (VISIBLE.equals(status)) touch(discussionId);
    return id;
  }

  void touch(long discussionId) { db.update("UPDATE forum_discussions SET last_post_at = ? WHERE id = ?", clock.instant(), discussionId); }

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
    db.insert("INSERT INTO forum_reports (post_id, reporter_id, reporter_name, reason, created_at) VALUES (?, ?, ?, ?, ?)",
        postId, who.id(), who.displayName(), reason, clock.instant());
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

  // --- waiting posts, for the morning reminder ---

  /** Spaces with posts waiting for a teacher, and how many wait in each. */
  java.util.Map<Long, Long> waitingBySpace() {
    java.util.Map<Long, Long> out = new java.util.LinkedHashMap<>();
    for (long[] row : db.query("SELECT space_id, COUNT(*) FROM forum_posts WHERE status = ? GROUP BY space_id ORDER BY space_id",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, PENDING)) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  // --- one person's data ---

  record OwnDiscussion(long id, long spaceId, String forumTitle, String title, Instant at) {}

  record OwnPost(long id, long spaceId, String discussionTitle, String body, String status, String heldReason, String hiddenReason, Instant at) {}

  record OwnReport(String discussionTitle, String reason, Instant at) {}

  List<OwnDiscussion> discussionsBy(long userId) {
    return db.query("SELECT d.id, d.space_id, f.title, d.title, d.created_at FROM forum_discussions d JOIN forum_forums f ON f.id = d.forum_id"
        + " WHERE d.author_id = ? ORDER BY d.id", rs -> new OwnDiscussion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getTimestamp(5).toInstant()), userId);
  }

  List<OwnPost> postsBy(long userId) {
    return db.query("SELECT p.id, p.space_id, d.title, p.body, p.status, p.held_reason, p.hidden_reason, p.created_at FROM forum_posts p"
        + " JOIN forum_discussions d ON d.id = p.discussion_id WHERE p.author_id = ? ORDER BY p.id",
        rs -> new OwnPost(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()), userId);
  }

  List<Attachment> attachmentsBy(long userId) {
    return db.query("SELECT a.id, a.post_id, a.file_key, a.file_name, a.content_type, a.size_bytes FROM forum_attachments a"
        + " JOIN forum_posts p ON p.id = a.post_id WHERE p.author_id = ? ORDER BY a.id", ForumStore::attachment, userId);
  }

  List<OwnReport> reportsBy(long userId) {
    return db.query("SELECT d.title, r.reason, r.created_at FROM forum_reports r JOIN forum_posts p ON p.id = r.post_id"
        + " JOIN forum_discussions d ON d.id = p.discussion_id WHERE r.reporter_id = ? ORDER BY r.id",
        rs -> new OwnReport(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), userId);
  }

  List<String> followedBy(long userId) {
    return db.query("SELECT d.title FROM forum_subscriptions s JOIN forum_discussions d ON d.id = s.discussion_id WHERE s.user_id = ? ORDER BY d.id",
        rs -> rs.getString(1), userId);
  }

  List<String> readBy(long userId) {
    return db.query("SELECT d.title FROM forum_reads r JOIN forum_discussions d ON d.id = r.discussion_id WHERE r.user_id = ? ORDER BY d.id",
        rs -> rs.getString(1), userId);
  }

  void deleteAttachment(long id) { db.update("DELETE FROM forum_attachments WHERE id = ?", id); }

  /**
   * Removes what the person wrote while keeping the discussions others took part in readable: their
   * posts stay in place (so replies to them still sit under something) as "A former member", text
   * removed; their discussions keep others' replies under a neutral title; their reports keep only
   * that a post was reported; reports on their posts are settled and their waiting posts leave the
   * moderation queue. Returns the rows changed.
   */
  long anonymise(long userId) {
    return db.transaction(() -> {
      long n = 0;
      // Nothing is left for a teacher to check: reports on their posts are settled, and a post still
      // waiting leaves the queue, hidden, rather than being approved as an empty post later.
      n += db.update("UPDATE forum_reports SET resolved = TRUE WHERE resolved = FALSE AND post_id IN (SELECT id FROM forum_posts WHERE author_id = ?)", userId);
      n += db.update("UPDATE forum_posts SET status = ?, hidden_reason = ? WHERE author_id = ? AND status = ?",
          HIDDEN, "Removed with its writer's data.", userId, PENDING);
      n += db.update("UPDATE forum_posts SET body = ?, author_name = ?, author_id = ?, held_reason = NULL WHERE author_id = ?",
          "This post was removed.", FORMER_MEMBER, NOBODY, userId);
      n += db.update("UPDATE forum_discussions SET title = ?, author_name = ?, author_id = ? WHERE author_id = ?",
          "A discussion started by a former member", FORMER_MEMBER, NOBODY, userId);
      n += db.update("UPDATE forum_reports SET reporter_name = ?, reporter_id = ?, reason = ? WHERE reporter_id = ?",
          FORMER_MEMBER, NOBODY, "(The reason was removed with its writer's data.)", userId);
      n += db.update("DELETE FROM forum_subscriptions WHERE user_id = ?", userId);
      n += db.update("DELETE FROM forum_reads WHERE user_id = ?", userId);
      return n;
    });
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
