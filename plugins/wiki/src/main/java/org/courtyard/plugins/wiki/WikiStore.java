package org.courtyard.plugins.wiki;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** Pages and their revisions. A page's text is its current revision; nothing is ever overwritten. */
final class WikiStore {
  /** lang: the language of the current revision (the page's language), null for the page's own. */
  record WikiPage(long id, long spaceId, long ownerId, String slug, String title, Long currentRev, boolean locked, String lang) {}

  record Revision(long id, long pageId, String body, long authorId, String authorName, String kind, String note, Instant at, String lang) {}

  /** A collided edit kept in the history: its note is the wiki's words, shown in the reader's language. */
  static final String CONFLICT = "conflict";

  private final Database db;
  private final Clock clock;

  @Inject
  WikiStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Optional<WikiPage> page(long spaceId, long owner, String slug) {
    return db.queryOne("SELECT p.id, p.space_id, p.owner_id, p.slug, p.title, p.current_rev, p.locked, r.lang FROM wiki_pages p LEFT JOIN wiki_revisions r ON r.id = p.current_rev"
        + " WHERE p.space_id = ? AND p.owner_id = ? AND p.slug = ?",
        WikiStore::page, spaceId, owner, slug);
  }

  List<WikiPage> pages(long spaceId, long owner) {
    return db.query("SELECT p.id, p.space_id, p.owner_id, p.slug, p.title, p.current_rev, p.locked, r.lang FROM wiki_pages p LEFT JOIN wiki_revisions r ON r.id = p.current_rev"
        + " WHERE p.space_id = ? AND p.owner_id = ? ORDER BY p.title",
        WikiStore::page, spaceId, owner);
  }

  List<Long> owners(long spaceId) {
    return db.query("SELECT DISTINCT owner_id FROM wiki_pages WHERE space_id = ? AND owner_id <> 0", rs -> rs.getLong(1), spaceId);
  }

  boolean exists(long spaceId, long owner, String slug) {
    return db.count("SELECT COUNT(*) FROM wiki_pages WHERE space_id = ? AND owner_id = ? AND slug = ?", spaceId, owner, slug) > 0;
  }

  Optional<Revision> revision(long pageId, long revId) {
    return db.queryOne("SELECT id, page_id, body, author_id, author_name, kind, note, created_at, lang FROM wiki_revisions WHERE id = ? AND page_id = ?",
        WikiStore::revision, revId, pageId);
  }

  List<Revision> history(long pageId) {
    return db.query("SELECT id, page_id, body, author_id, author_name, kind, note, created_at, lang FROM wiki_revisions WHERE page_id = ? ORDER BY id DESC",
        WikiStore::revision, pageId);
  }

  /** Who wrote the page first (its earliest kept revision that is not a collided edit), if anyone still does. */
  Optional<Long> firstWriter(long pageId) {
    return db.queryOne("SELECT author_id FROM wiki_revisions WHERE page_id = ? AND kind <> 'conflict' ORDER BY id FETCH FIRST 1 ROWS ONLY",
        rs -> rs.getLong(1), pageId);
  }

  /** Saves a new current revision, creating the page if needed; returns the revision id. */
  long save(long spaceId, long owner, String slug, String title, String body, UserRef author, String kind, String note, String lang) {
    return db.transaction(() -> {
      long pageId = page(spaceId, owner, slug).map(WikiPage::id)
          .orElseGet(() -> db.insert("INSERT INTO wiki_pages (space_id, owner_id, slug, title, created_at) VALUES (?, ?, ?, ?, ?)",
              spaceId, owner, slug, title, clock.instant()));
      long rev = db.insert("INSERT INTO wiki_revisions (page_id, body, author_id, author_name, kind, note, created_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          pageId, body, author.id(), author.displayName(), kind, note, clock.instant(), lang);
      db.update("UPDATE wiki_pages SET current_rev = ? WHERE id = ?", rev, pageId);
      return rev;
    });
  }

  /** Keeps an edit that collided with someone else's, without making it current. */
  long keepConflict(long pageId, String body, UserRef author, String lang) {
    return db.insert("INSERT INTO wiki_revisions (page_id, body, author_id, author_name, kind, note, created_at, lang) VALUES (?, ?, ?, ?, ?, '', ?, ?)",
        pageId, body, author.id(), author.displayName(), CONFLICT, clock.instant(), lang);
  }

  void setLocked(long pageId, boolean locked) { db.update("UPDATE wiki_pages SET locked = ? WHERE id = ?", locked, pageId); }

  record Hit(String slug, String title, String lang) {}

  List<Hit> search(long spaceId, long owner, String text) {
    String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    return db.query("SELECT p.slug, p.title, r.lang FROM wiki_pages p JOIN wiki_revisions r ON r.id = p.current_rev"
        + " WHERE p.space_id = ? AND p.owner_id = ? AND (LOWER(p.title) LIKE ? OR LOWER(r.body) LIKE ?) ORDER BY p.title FETCH FIRST 50 ROWS ONLY",
        rs -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3)), spaceId, owner, like, like);
  }

  // --- learners' own wikis, for the teachers' digest ---

  record OwnChange(long spaceId, long ownerId) {}

  /** Learners' own wikis that their owner changed after {@code since}. */
  List<OwnChange> ownWikisChangedSince(Instant since) {
    return db.query("SELECT DISTINCT p.space_id, p.owner_id FROM wiki_pages p JOIN wiki_revisions r ON r.page_id = p.id"
        + " WHERE p.owner_id <> 0 AND r.author_id = p.owner_id AND r.created_at > ? ORDER BY p.space_id, p.owner_id",
        rs -> new OwnChange(rs.getLong(1), rs.getLong(2)), since);
  }

  // --- one person's data ---

  record OwnRevision(long spaceId, long ownerId, String pageTitle, String body, String kind, String note, Instant at, String lang) {}

  record OwnPage(long spaceId, String title, String body, String lang) {}

  List<OwnRevision> revisionsBy(long userId) {
    return db.query("SELECT p.space_id, p.owner_id, p.title, r.body, r.kind, r.note, r.created_at, r.lang FROM wiki_revisions r JOIN wiki_pages p ON p.id = r.page_id"
        + " WHERE r.author_id = ? ORDER BY r.id", rs -> new OwnRevision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)), userId);
  }

  /** The pages of the person's own wikis, as they read now (teachers' changes included). */
  List<OwnPage> ownPages(long userId) {
    return db.query("SELECT p.space_id, p.title, r.body, r.lang FROM wiki_pages p LEFT JOIN wiki_revisions r ON r.id = p.current_rev WHERE p.owner_id = ? ORDER BY p.id",
        rs -> new OwnPage(rs.getLong(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3), rs.getString(4)), userId);
  }

  /**
   * Removes what the person wrote: their own wikis, pages only they ever wrote, and their revisions of
   * everyone else's pages (a page whose latest text was theirs goes back to the latest text someone else
   * saved). Others' revisions stay, under their names. Returns the rows removed or changed.
   */
  long eraseWritingOf(long userId) {
    return db.transaction(() -> {
      long n = 0;
      List<Long> gone = db.query("SELECT id FROM wiki_pages WHERE owner_id = ?"
          + " OR NOT EXISTS (SELECT 1 FROM wiki_revisions r WHERE r.page_id = wiki_pages.id AND r.author_id <> ?)",
          rs -> rs.getLong(1), userId, userId);
      for (long pageId : gone) {
        db.update("UPDATE wiki_pages SET current_rev = NULL WHERE id = ?", pageId);
        n += db.update("DELETE FROM wiki_revisions WHERE page_id = ?", pageId);
        n += db.update("DELETE FROM wiki_pages WHERE id = ?", pageId);
      }
      List<Long> touched = db.query("SELECT DISTINCT page_id FROM wiki_revisions WHERE author_id = ?", rs -> rs.getLong(1), userId);
      for (long pageId : touched) {
        long latestOther = db.queryOne("SELECT MAX(id) FROM wiki_revisions WHERE page_id = ? AND author_id <> ? AND kind <> 'conflict'",
            rs -> rs.getLong(1), pageId, userId).orElse(0L);
        if (latestOther == 0) {
          latestOther = db.queryOne("SELECT MAX(id) FROM wiki_revisions WHERE page_id = ? AND author_id <> ?", rs -> rs.getLong(1), pageId, userId).orElse(0L);
        }
        n += db.update("UPDATE wiki_pages SET current_rev = ? WHERE id = ? AND current_rev IN (SELECT id FROM wiki_revisions WHERE author_id = ?)",
            latestOther, pageId, userId);
        n += db.update("DELETE FROM wiki_revisions WHERE page_id = ? AND author_id = ?", pageId, userId);
      }
      return n;
    });
  }

  private static WikiPage page(ResultSet rs) throws SQLException {
    long cur = rs.getLong(6);
    Long current = rs.wasNull() ? null : cur;
    return new WikiPage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), current, rs.getBoolean(7), rs.getString(8));
  }

  private static Revision revision(ResultSet rs) throws SQLException {
    return new Revision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getTimestamp(8).toInstant(), rs.getString(9));
  }
}
