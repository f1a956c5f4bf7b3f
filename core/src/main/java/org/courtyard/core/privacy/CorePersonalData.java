package org.courtyard.core.privacy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.core.db.Db;

/**
 * What the core itself keeps about a person: the account, memberships, parent and carer links,
 * results, notifications and activity. Erasure keeps the account's row (other records point at it)
 * but empties it: no name, username, e-mail or credentials are left, and the person can never sign in.
 */
@Singleton
public final class CorePersonalData implements PersonalData {
  private final Db db;
  private final Clock clock;

  @Inject
  public CorePersonalData(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void export(long userId, DataExport out) {
    db.queryOne("SELECT username, display_name, kind, email, created_at, disabled, left_at, source, external_id FROM users WHERE id = ?", rs -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Username", rs.getString(1));
      m.put("Name", rs.getString(2));
      m.put("Kind", rs.getString(3));
      m.put("E-mail", rs.getString(4));
      m.put("Account created", instant(rs.getTimestamp(5)));
      m.put("Switched off", rs.getBoolean(6));
      m.put("Left", instant(rs.getTimestamp(7)));
      m.put("Came from", rs.getString(8));
      m.put("MIS identifier", rs.getString(9));
      return m;
    }, userId).ifPresent(m -> out.record("Account", m));
    for (Map<String, Object> m : db.query("SELECT s.name, s.kind, m.role FROM memberships m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = ? ORDER BY s.name",
        rs -> row("Space", rs.getString(1), "Kind", rs.getString(2), "Role", rs.getString(3)), userId)) {
      out.record("Membership", m);
    }
    for (Map<String, Object> m : db.query("SELECT c.display_name, l.relation FROM parent_links l JOIN users c ON c.id = l.child_id WHERE l.parent_id = ?",
        rs -> row("Child", rs.getString(1), "Relation", rs.getString(2)), userId)) {
      out.record("Child linked to this account", m);
    }
    for (Map<String, Object> m : db.query("SELECT p.display_name, l.relation FROM parent_links l JOIN users p ON p.id = l.parent_id WHERE l.child_id = ?",
        rs -> row("Parent or carer", rs.getString(1), "Relation", rs.getString(2)), userId)) {
      out.record("Parent or carer", m);
    }
    for (Map<String, Object> m : db.query("SELECT s.name, r.tool_id, r.item_title, r.score, r.out_of, r.grade, r.recorded_at FROM results r JOIN spaces s ON s.id = r.space_id"
        + " WHERE r.learner_id = ? ORDER BY r.recorded_at", rs -> {
          Map<String, Object> m = row("Space", rs.getString(1), "Tool", rs.getString(2), "Work", rs.getString(3));
          m.put("Score", rs.getObject(4));
          m.put("Out of", rs.getObject(5));
          m.put("Grade", rs.getString(6));
          m.put("Recorded", instant(rs.getTimestamp(7)));
          return m;
        }, userId)) {
      out.record("Result", m);
    }
    for (Map<String, Object> m : db.query("SELECT title, url, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY created_at", rs -> {
      Map<String, Object> m = row("Title", rs.getString(1), "Link", rs.getString(2), "Sent", null);
      m.put("Sent", instant(rs.getTimestamp(3)));
      m.put("Read", instant(rs.getTimestamp(4)));
      return m;
    }, userId)) {
      out.record("Notification", m);
    }
    for (Map<String, Object> m : db.query("SELECT tool_id, action, summary, happened_at FROM activity WHERE user_id = ? ORDER BY happened_at", rs -> {
      Map<String, Object> m = row("Tool", rs.getString(1), "Action", rs.getString(2), "Summary", rs.getString(3));
      m.put("When", instant(rs.getTimestamp(4)));
      return m;
    }, userId)) {
      out.record("Activity", m);
    }
  }

  @Override
  public long erase(long userId) {
    return db.transaction(() -> {
      long n = 0;
      n += db.update("DELETE FROM results WHERE learner_id = ?", userId);
      n += db.update("DELETE FROM notifications WHERE user_id = ?", userId);
      n += db.update("DELETE FROM activity WHERE user_id = ?", userId);
      n += db.update("DELETE FROM memberships WHERE user_id = ?", userId);
      n += db.update("DELETE FROM parent_links WHERE parent_id = ? OR child_id = ?", userId, userId);
      n += db.update("DELETE FROM safeguarding_leads WHERE user_id = ?", userId);
      n += db.update("DELETE FROM first_login_codes WHERE user_id = ?", userId);
      n += db.update("DELETE FROM web_sessions WHERE user_id = ?", userId);
      n += db.update("UPDATE users SET username = ?, display_name = 'Deleted user', email = NULL, password_hash = NULL, picture_hash = NULL,"
          + " external_id = NULL, disabled = TRUE, site_admin = FALSE, erased_at = ? WHERE id = ? AND erased_at IS NULL",
          "erased-" + userId, clock.instant(), userId);
      return n;
    });
  }

  private static Map<String, Object> row(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    if (k3 != null) m.put(k3, v3);
    return m;
  }

  private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) { return row(k1, v1, k2, v2, null, null); }

  private static java.time.Instant instant(java.sql.Timestamp t) { return t == null ? null : t.toInstant(); }
}
