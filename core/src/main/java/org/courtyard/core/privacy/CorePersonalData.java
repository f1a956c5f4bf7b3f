package org.courtyard.core.privacy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.i18n.Message;
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

  /** A record's or field's name, in the language of the person the download is about. */
  private static String w(DataExport out, String key) { return out.text(Message.of("privacy.record." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    db.queryOne("SELECT username, display_name, kind, email, created_at, disabled, left_at, source, external_id FROM users WHERE id = ?", rs -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "username"), rs.getString(1));
      m.put(w(out, "name"), rs.getString(2));
      m.put(w(out, "kind"), rs.getString(3));
      m.put(w(out, "email"), rs.getString(4));
      m.put(w(out, "created"), instant(rs.getTimestamp(5)));
      m.put(w(out, "switchedOff"), rs.getBoolean(6));
      m.put(w(out, "left"), instant(rs.getTimestamp(7)));
      m.put(w(out, "cameFrom"), rs.getString(8));
      m.put(w(out, "misId"), rs.getString(9));
      return m;
    }, userId).ifPresent(m -> out.record(w(out, "account"), m));
    for (Map<String, Object> m : db.query("SELECT s.name, s.kind, m.role FROM memberships m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = ? ORDER BY s.name",
        rs -> row(w(out, "space"), rs.getString(1), w(out, "kind"), rs.getString(2), w(out, "role"), rs.getString(3)), userId)) {
      out.record(w(out, "membership"), m);
    }
    for (Map<String, Object> m : db.query("SELECT c.display_name, l.relation FROM parent_links l JOIN users c ON c.id = l.child_id WHERE l.parent_id = ?",
        rs -> row(w(out, "child"), rs.getString(1), w(out, "relation"), rs.getString(2)), userId)) {
      out.record(w(out, "childLinked"), m);
    }
    for (Map<String, Object> m : db.query("SELECT p.display_name, l.relation FROM parent_links l JOIN users p ON p.id = l.parent_id WHERE l.child_id = ?",
        rs -> row(w(out, "parentOrCarer"), rs.getString(1), w(out, "relation"), rs.getString(2)), userId)) {
      out.record(w(out, "parentOrCarer"), m);
    }
    for (Map<String, Object> m : db.query("SELECT s.name, r.tool_id, r.item_title, r.score, r.out_of, r.grade, r.recorded_at FROM results r JOIN spaces s ON s.id = r.space_id"
        + " WHERE r.learner_id = ? ORDER BY r.recorded_at", rs -> {
          Map<String, Object> m = row(w(out, "space"), rs.getString(1), w(out, "tool"), rs.getString(2), w(out, "work"), rs.getString(3));
          m.put(w(out, "score"), rs.getObject(4));
          m.put(w(out, "outOf"), rs.getObject(5));
          m.put(w(out, "grade"), rs.getString(6));
          m.put(w(out, "recorded"), instant(rs.getTimestamp(7)));
          return m;
        }, userId)) {
      out.record(w(out, "result"), m);
    }
    for (Map<String, Object> m : db.query("SELECT title, url, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY created_at", rs -> {
      Map<String, Object> m = row(w(out, "title"), rs.getString(1), w(out, "link"), rs.getString(2), w(out, "sent"), null);
      m.put(w(out, "sent"), instant(rs.getTimestamp(3)));
      m.put(w(out, "read"), instant(rs.getTimestamp(4)));
      return m;
    }, userId)) {
      out.record(w(out, "notification"), m);
    }
    for (Map<String, Object> m : db.query("SELECT tool_id, action, summary, happened_at FROM activity WHERE user_id = ? ORDER BY happened_at", rs -> {
      Map<String, Object> m = row(w(out, "tool"), rs.getString(1), w(out, "action"), rs.getString(2), w(out, "summary"), rs.getString(3));
      m.put(w(out, "when"), instant(rs.getTimestamp(4)));
      return m;
    }, userId)) {
      out.record(w(out, "activity"), m);
    }
    for (Map<String, Object> m : db.query("SELECT to_address, subject, status, created_at, sent_at FROM mail_outbox WHERE user_id = ? ORDER BY created_at", rs -> {
      Map<String, Object> m = row(w(out, "address"), rs.getString(1), w(out, "subject"), rs.getString(2), w(out, "status"), rs.getString(3));
      m.put(w(out, "written"), instant(rs.getTimestamp(4)));
      m.put(w(out, "sent"), instant(rs.getTimestamp(5)));
      return m;
    }, userId)) {
      out.record(w(out, "email"), m);
    }
    for (Map<String, Object> m : db.query("SELECT kind_key, delivery FROM notification_choices WHERE user_id = ? ORDER BY kind_key",
        rs -> row(w(out, "kindOfNotification"), rs.getString(1), w(out, "howItReaches"), rs.getString(2), null, null), userId)) {
      out.record(w(out, "notificationChoice"), m);
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
      // E-mail waiting or kept for the admin's failure list, their choices, their calendar address.
      n += db.update("DELETE FROM mail_outbox WHERE user_id = ?", userId);
      n += db.update("DELETE FROM notification_choices WHERE user_id = ?", userId);
      n += db.update("DELETE FROM calendar_feeds WHERE user_id = ?", userId);
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
