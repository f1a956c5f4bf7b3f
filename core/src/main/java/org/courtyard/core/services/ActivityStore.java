package org.courtyard.core.services;

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

  @Inject
  public ActivityStore(Db db) { this.db = db; }

  public void record(String toolId, UserRef who, SpaceRef where, String action, String summary) {
    db.update("INSERT INTO activity (school_id, space_id, user_id, tool_id, action, summary) VALUES (?, ?, ?, ?, ?, ?)",
        where == null ? null : where.schoolId(), where == null ? null : where.id(), who == null ? null : who.id(), toolId,
        truncate(action, 60), truncate(summary, 500));
  }

  /** An {@link ActivityLog} that fills in the tool's id. */
  public ActivityLog forTool(String toolId) { return (who, where, action, summary) -> record(toolId, who, where, action, summary); }

  public record Usage(String toolId, String action, long count) {}

  public List<Usage> usageSince(long schoolId, Instant since) {
    return db.query("SELECT tool_id, action, COUNT(*) FROM activity WHERE school_id = ? AND happened_at >= ? GROUP BY tool_id, action ORDER BY tool_id, action",
        rs -> new Usage(rs.getString(1), rs.getString(2), rs.getLong(3)), schoolId, since);
  }

  public record Entry(Instant at, String toolId, String action, String summary, String who, String where) {}

  public List<Entry> latest(long schoolId, int limit) {
    return db.query("SELECT a.happened_at, a.tool_id, a.action, a.summary, u.display_name, s.name FROM activity a"
        + " LEFT JOIN users u ON u.id = a.user_id LEFT JOIN spaces s ON s.id = a.space_id"
        + " WHERE a.school_id = ? ORDER BY a.happened_at DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
        rs -> new Entry(Db.instant(rs, "happened_at"), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), schoolId);
  }

  private static String truncate(String s, int max) {
    if (s == null) return "";
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
