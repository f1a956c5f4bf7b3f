package org.courtyard.core.services;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.core.i18n.MessageBundle;
import org.courtyard.core.i18n.Messages;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.core.db.Db;

/** The activity log behind the ICT leader's usage page. */
@Singleton
public final class ActivityStore {
  private final Db db;
  private final Messages messages;

  @Inject
  public ActivityStore(Db db, Messages messages) {
    this.db = db;
    this.messages = messages;
  }

  public void record(String toolId, UserRef who, SpaceRef where, String action, String summary) {
    insert(toolId, who, where, action, summary, null, null);
  }

  /** A summary as a message of the tool's bundle: kept as key and arguments, and in English beside them. */
  public void record(String toolId, MessageBundle bundle, UserRef who, SpaceRef where, String action, Message summary, Object... namesAndValues) {
    JsonObject args = new JsonObject();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      args.put(String.valueOf(namesAndValues[i]), v instanceof Number || v instanceof Boolean ? v : v == null ? null : String.valueOf(v));
    }
    String english = messages.format(bundle, "en", summary.key(), args.getMap());
    String json = args.encode();
    insert(toolId, who, where, action, english, summary.key(), json.length() <= 4000 ? json : null);
  }

  private void insert(String toolId, UserRef who, SpaceRef where, String action, String summary, String key, String args) {
    db.update("INSERT INTO activity (school_id, space_id, user_id, tool_id, action, summary, summary_key, summary_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        where == null ? null : where.schoolId(), where == null ? null : where.id(), who == null ? null : who.id(), toolId,
        truncate(action, 60), truncate(summary, 500), key == null || args == null ? null : truncate(key, 200), key == null ? null : args);
  }

  /** An {@link ActivityLog} that fills in the tool's id and reads its summaries from the tool's messages. */
  public ActivityLog forTool(String toolId, MessageBundle bundle) {
    return new ActivityLog() {
      @Override public void record(UserRef who, SpaceRef where, String action, String summary) {
        ActivityStore.this.record(toolId, who, where, action, summary);
      }

      @Override public void record(UserRef who, SpaceRef where, String action, Message summary, Object... namesAndValues) {
        ActivityStore.this.record(toolId, bundle, who, where, action, summary, namesAndValues);
      }
    };
  }

  public record Usage(String toolId, String action, long count) {}

  public List<Usage> usageSince(long schoolId, Instant since) {
    return db.query("SELECT tool_id, action, COUNT(*) FROM activity WHERE school_id = ? AND happened_at >= ? GROUP BY tool_id, action ORDER BY tool_id, action",
        rs -> new Usage(rs.getString(1), rs.getString(2), rs.getLong(3)), schoolId, since);
  }

  /**
   * One row of the log: {@code summary} is the words as stored (English for a message), {@code key} and
   * {@code args} the message to show in the reader's language instead, when the tool gave one.
   */
  public record Entry(Instant at, String toolId, String action, String summary, String who, String where, String key, Map<String, Object> args) {}

  public List<Entry> latest(long schoolId, int limit) {
    return db.query("SELECT a.happened_at, a.tool_id, a.action, a.summary, u.display_name, s.name, a.summary_key, a.summary_args FROM activity a"
        + " LEFT JOIN users u ON u.id = a.user_id LEFT JOIN spaces s ON s.id = a.space_id"
        + " WHERE a.school_id = ? ORDER BY a.happened_at DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
        rs -> new Entry(Db.instant(rs, "happened_at"), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), args(rs.getString(8))), schoolId);
  }

  private static Map<String, Object> args(String json) {
    if (json == null) return Map.of();
    try {
      return new JsonObject(json).getMap();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static String truncate(String s, int max) {
    if (s == null) return "";
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
