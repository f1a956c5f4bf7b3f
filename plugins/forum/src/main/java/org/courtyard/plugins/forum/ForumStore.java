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
import org.courtyard.api.data.RowMapper;

/** The forum's tables. Every statement binds its parameters. */
final class ForumStore {
  static final String VISIBLE = "visible";
  static final String PENDING = "pending";
  static final String HIDDEN = "hidden";

  /** madeByTool: the forum a space starts with, named by the tool (in each reader's language, not as stored). */
  record Forum(long id, long spaceId, String title, String description, boolean threaded, boolean qa, boolean madeByTool) {}

  /**
   * What a person wrote is null here once they were erased (authorName, title, body, a report's name and
   * reason): the pages say "a former member" and so on in each reader's language. lang is the language
   * the title or post is written in, null for the page's.
   */
  record Discussion(long id, long forumId, long spaceId, long authorId, String authorName, String title, boolean sticky, boolean locked,
                    Instant lastPostAt, String lang) {
    public boolean erased() { return authorId == NOBODY; }
  }

  record Post(long id, long discussionId, Long parentId, long authorId, String authorName, String body, String status,
              String heldReason, String hiddenReason, Instant createdAt, String lang) {
    public boolean erased() { return authorId == NOBODY; }
    public boolean visible() { return VISIBLE.equals(status); }
    public boolean pending() { return PENDING.equals(status); }
    public boolean hidden() { return HIDDEN.equals(status); }
  }

  record Attachment(long id, long postId, String fileKey, String fileName, String contentType, long size) {}

  record Report(long id, long postId, String reporterName, String reason, Instant at) {}

  /**
   * What erasing a person wrote over their words before 2.1 (in English, whoever read it). Now nothing is
   * written: the author id {@link #NOBODY} says whose words went, and readers see the forum's own message.
   */
  static final String REMOVED_EN = "Removed with its writer's data.";
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
    return db.query("SELECT id, space_id, title, description, threaded, qa, made_by_tool FROM forum_forums WHERE space_id = ? ORDER BY title", ForumStore::forum, space.id());
  }

  Optional<Forum> forum(SpaceRef space, long id) {
    return db.queryOne("SELECT id, space_id, title, description, threaded, qa, made_by_tool FROM forum_forums WHERE id = ? AND space_id = ?", ForumStore::forum, id, space.id());
  }

  long createForum(SpaceRef space, String title, String description, boolean threaded, boolean qa) {
    return db.insert("INSERT INTO forum_forums (space_id, title, description, threaded, qa, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        space.id(), title, description, threaded, qa, clock.instant());
  }

  /** The forum a space starts with: only the space's name is kept (to sort by); readers see the tool's words for it. */
  long createDefaultForum(SpaceRef space) {
    return db.insert("INSERT INTO forum_forums (space_id, title, description, threaded, qa, created_at, made_by_tool) VALUES (?, ?, ?, ?, ?, ?, ?)",
        space.id(), space.name(), "", true, false, clock.instant(), true);
  }

  List<Discussion> discussions(Forum forum) {
    return db.query("SELECT id, forum_id, space_id, author_id, author_name, title, sticky, locked, last_post_at, lang FROM forum_discussions"
        + " WHERE forum_id = ? ORDER BY sticky DESC, last_post_at DESC, id DESC", ForumStore::discussion, forum.id());
  }

  Optional<Discussion> discussion(SpaceRef space, long id) {
    return db.queryOne("SELECT id, forum_id, space_id, author_id, author_name, title, sticky, locked, last_post_at, lang FROM forum_discussions"
        + " WHERE id = ? AND space_id = ?", ForumStore::discussion, id, space.id());
  }

  /** A discussion and its first post, in one transaction. */
  long startDiscussion(Forum forum, UserRef author, String title, String body, String status, String held, String lang) {
    return db.transaction(() -> {
      Instant now = clock.instant();
      long d = db.insert("INSERT INTO forum_discussions (forum_id, space_id, author_id, author_name, title, created_at, last_post_at, lang)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", forum.id(), forum.spaceId(), author.id(), author.displayName(), title, now, now, lang);
      addPost(d, null, forum.spaceId(), author, body, status, held, lang);
      subscribe(d, author.id());
      return d;
    });
  }

  long addPost(long discussionId, Long parentId, long spaceId, UserRef author, String body, String status, String held, String lang) {
    long id = db.insert("INSERT INTO forum_posts (discussion_id, parent_id, space_id, author_id, author_name, body, status, held_reason, created_at, lang)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", discussionId, parentId, spaceId, author.id(), author.displayName(), body, status, held, clock.instant(), lang);
    if (VISIBLE.equals(status)) touch(discussionId);
    return id;
  }

  void touch(long discussionId) { db.update("UPDATE forum_discussions SET last_post_at = ? WHERE id = ?", clock.instant(), discussionId); }

  List<Post> posts(long discussionId) {
    return db.query("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at, lang"
        + " FROM forum_posts WHERE discussion_id = ? ORDER BY id", ForumStore::post, discussionId);
  }

  Optional<Post> post(SpaceRef space, long id) {
    return db.queryOne("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at, lang"
        + " FROM forum_posts WHERE id = ? AND space_id = ?", ForumStore::post, id, space.id());
  }

  void setStatus(long postId, String status, String hiddenReason) {
    db.update("UPDATE forum_posts SET status = ?, hidden_reason = ? WHERE id = ?", status, hiddenReason, postId);
  }

  void setSticky(long discussionId, boolean sticky) { db.update("UPDATE forum_discussions SET sticky = ? WHERE id = ?", sticky, discussionId); }

  void setLocked(long discussionId, boolean locked) { db.update("UPDATE forum_discussions SET locked = ? WHERE id = ?", locked, discussionId); }

  /** Posts waiting for a teacher, and visible posts someone reported, in this space. */
  List<Post> queue(SpaceRef space) {
    return db.query("SELECT id, discussion_id, parent_id, author_id, author_name, body, status, held_reason, hidden_reason, created_at, lang FROM forum_posts"
        + " WHERE space_id = ? AND (status = ? OR id IN (SELECT post_id FROM forum_reports WHERE resolved = FALSE)) ORDER BY id",
        ForumStore::post, space.id(), PENDING);
  }

  List<Report> reports(long postId) {
    return db.query("SELECT id, post_id, reporter_name, reason, created_at, reporter_id FROM forum_reports WHERE post_id = ? AND resolved = FALSE ORDER BY id",
        rs -> {
          boolean erased = rs.getLong(6) == NOBODY;
          return new Report(rs.getLong(1), rs.getLong(2), erased ? null : rs.getString(3), erased ? null : rs.getString(4), rs.getTimestamp(5).toInstant());
        }, postId);
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
  record Hit(long discussionId, String title, String authorName, String body, long postId, long authorId, boolean qa, long questionId,
             String titleLang, String lang) {}

  private static final String HIT = "SELECT d.id, d.title, p.author_name, p.body, p.id, p.author_id, f.qa,"
      + " (SELECT MIN(q.id) FROM forum_posts q WHERE q.discussion_id = d.id), d.author_id, d.lang, p.lang"
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

  // --- the moderation queue, for the agenda ---

  /** One forum's share of the moderation queue: how many posts wait and since when (held: when written; reported: first report). */
  record Queued(long spaceId, long forumId, String forumTitle, boolean madeByTool, long count, Instant oldest) {}

  /**
   * The moderation queue (as {@link #queue} sees it) of these spaces, per forum: held posts in one query,
   * reported ones in another, merged.
   */
  List<Queued> queuedByForum(java.util.Collection<Long> spaceIds) {
    if (spaceIds.isEmpty()) return List.of();
    String marks = String.join(", ", java.util.Collections.nCopies(spaceIds.size(), "?"));
    List<Object> params = new java.util.ArrayList<>(spaceIds);
    params.add(PENDING);
    java.util.Map<Long, Queued> byForum = new java.util.LinkedHashMap<>();
    RowMapper<Queued> row = rs -> new Queued(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5), rs.getTimestamp(6).toInstant());
    for (Queued q : db.query("SELECT f.space_id, f.id, f.title, f.made_by_tool, COUNT(*), MIN(p.created_at) FROM forum_posts p"
        + " JOIN forum_discussions d ON d.id = p.discussion_id JOIN forum_forums f ON f.id = d.forum_id"
        + " WHERE p.space_id IN (" + marks + ") AND p.status = ? GROUP BY f.space_id, f.id, f.title, f.made_by_tool", row, params.toArray())) {
      byForum.put(q.forumId(), q);
    }
    for (Queued q : db.query("SELECT f.space_id, f.id, f.title, f.made_by_tool, COUNT(DISTINCT p.id), MIN(r.created_at) FROM forum_reports r"
        + " JOIN forum_posts p ON p.id = r.post_id JOIN forum_discussions d ON d.id = p.discussion_id JOIN forum_forums f ON f.id = d.forum_id"
        + " WHERE p.space_id IN (" + marks + ") AND p.status <> ? AND r.resolved = FALSE GROUP BY f.space_id, f.id, f.title, f.made_by_tool", row, params.toArray())) {
      byForum.merge(q.forumId(), q, (a, b) -> new Queued(a.spaceId(), a.forumId(), a.forumTitle(), a.madeByTool(), a.count() + b.count(),
          a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest()));
    }
    return List.copyOf(byForum.values());
  }

  // --- one person's data ---

  /** forumByTool: the forum the space started with, whose name is the tool's words. A discussion title is null if its writer was erased. */
  record OwnDiscussion(long id, long spaceId, String forumTitle, boolean forumByTool, String title, Instant at, String lang) {}

  record OwnPost(long id, long spaceId, String discussionTitle, String body, String status, String heldReason, String hiddenReason, Instant at,
                 String lang) {}

  record OwnReport(String discussionTitle, String reason, Instant at) {}

  List<OwnDiscussion> discussionsBy(long userId) {
    return db.query("SELECT d.id, d.space_id, f.title, f.made_by_tool, d.title, d.created_at, d.lang FROM forum_discussions d JOIN forum_forums f ON f.id = d.forum_id"
        + " WHERE d.author_id = ? ORDER BY d.id", rs -> new OwnDiscussion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
        rs.getTimestamp(6).toInstant(), rs.getString(7)), userId);
  }

  List<OwnPost> postsBy(long userId) {
    return db.query("SELECT p.id, p.space_id, d.title, p.body, p.status, p.held_reason, p.hidden_reason, p.created_at, p.lang, d.author_id FROM forum_posts p"
        + " JOIN forum_discussions d ON d.id = p.discussion_id WHERE p.author_id = ? ORDER BY p.id",
        rs -> new OwnPost(rs.getLong(1), rs.getLong(2), kept(rs, 3, 10), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getString(9)), userId);
  }

  List<Attachment> attachmentsBy(long userId) {
    return db.query("SELECT a.id, a.post_id, a.file_key, a.file_name, a.content_type, a.size_bytes FROM forum_attachments a"
        + " JOIN forum_posts p ON p.id = a.post_id WHERE p.author_id = ? ORDER BY a.id", ForumStore::attachment, userId);
  }

  List<OwnReport> reportsBy(long userId) {
    return db.query("SELECT d.title, r.reason, r.created_at, d.author_id FROM forum_reports r JOIN forum_posts p ON p.id = r.post_id"
        + " JOIN forum_discussions d ON d.id = p.discussion_id WHERE r.reporter_id = ? ORDER BY r.id",
        rs -> new OwnReport(kept(rs, 1, 4), rs.getString(2), rs.getTimestamp(3).toInstant()), userId);
  }

  /** Titles of the discussions they follow (null for one whose writer was erased). */
  List<String> followedBy(long userId) {
    return db.query("SELECT d.title, d.author_id FROM forum_subscriptions s JOIN forum_discussions d ON d.id = s.discussion_id WHERE s.user_id = ? ORDER BY d.id",
        rs -> kept(rs, 1, 2), userId);
  }

  List<String> readBy(long userId) {
    return db.query("SELECT d.title, d.author_id FROM forum_reads r JOIN forum_discussions d ON d.id = r.discussion_id WHERE r.user_id = ? ORDER BY d.id",
        rs -> kept(rs, 1, 2), userId);
  }

  /** The text in column {@code text}, or null if the author in column {@code author} was erased. */
  private static String kept(ResultSet rs, int text, int author) throws SQLException {
    String s = rs.getString(text);
    return rs.getLong(author) == NOBODY ? null : s;
  }

  void deleteAttachment(long id) { db.update("DELETE FROM forum_attachments WHERE id = ?", id); }

  /**
   * Removes what the person wrote while keeping the discussions others took part in readable: their
   * posts stay in place (so replies to them still sit under something), text removed, and show as "a
   * former member"'s; their discussions keep others' replies under a neutral title; their reports keep
   * only that a post was reported; reports on their posts are settled and their waiting posts leave
   * the moderation queue. No words are stored in their place: the author id {@link #NOBODY} marks
   * them, and each reader sees the forum's own words in their language. Returns the rows changed.
   */
  long anonymise(long userId) {
    return db.transaction(() -> {
      long n = 0;
      // Nothing is left for a teacher to check: reports on their posts are settled, and a post still
      // waiting leaves the queue, hidden, rather than being approved as an empty post later.
      n += db.update("UPDATE forum_reports SET resolved = TRUE WHERE resolved = FALSE AND post_id IN (SELECT id FROM forum_posts WHERE author_id = ?)", userId);
      n += db.update("UPDATE forum_posts SET status = ?, hidden_reason = NULL WHERE author_id = ? AND status = ?", HIDDEN, userId, PENDING);
      n += db.update("UPDATE forum_posts SET body = '', author_name = '', author_id = ?, held_reason = NULL, lang = NULL WHERE author_id = ?",
          NOBODY, userId);
      n += db.update("UPDATE forum_discussions SET title = '', author_name = '', author_id = ?, lang = NULL WHERE author_id = ?", NOBODY, userId);
      n += db.update("UPDATE forum_reports SET reporter_name = '', reporter_id = ?, reason = '' WHERE reporter_id = ?", NOBODY, userId);
      n += db.update("DELETE FROM forum_subscriptions WHERE user_id = ?", userId);
      n += db.update("DELETE FROM forum_reads WHERE user_id = ?", userId);
      return n;
    });
  }

  private static Hit hit(ResultSet rs) throws SQLException {
    boolean postErased = rs.getLong(6) == NOBODY;
    return new Hit(rs.getLong(1), kept(rs, 2, 9), postErased ? null : rs.getString(3), postErased ? null : rs.getString(4), rs.getLong(5), rs.getLong(6),
        rs.getBoolean(7), rs.getLong(8), rs.getString(10), rs.getString(11));
  }

  private static Forum forum(ResultSet rs) throws SQLException {
    return new Forum(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7));
  }

  private static Discussion discussion(ResultSet rs) throws SQLException {
    boolean erased = rs.getLong(4) == NOBODY;
    return new Discussion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), erased ? null : rs.getString(5), erased ? null : rs.getString(6),
        rs.getBoolean(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
  }

  private static Post post(ResultSet rs) throws SQLException {
    long parent = rs.getLong(3);
    Long parentId = rs.wasNull() ? null : parent;
    boolean erased = rs.getLong(4) == NOBODY;
    return new Post(rs.getLong(1), rs.getLong(2), parentId, rs.getLong(4), erased ? null : rs.getString(5), erased ? null : rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11));
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6));
  }
}
