package org.courtyard.core.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.service.Results;
import org.courtyard.core.db.Db;

/** The results every tool hands in, behind each space's markbook. */
@Singleton
public final class ResultStore {
  private static final String COLUMNS = "tool_id, item_key, item_title, learner_id, score, out_of, grade, recorded_at, shown_from";
  private final Db db;

  @Inject
  public ResultStore(Db db) { this.db = db; }

  /** A {@link Results} that fills in the tool's id. */
  public Results forTool(String toolId) {
    return new Results() {
      @Override
      public void record(SpaceRef space, String itemKey, String itemTitle, long learnerId, Double score, Double outOf, String grade,
                         java.time.Instant shownFrom) {
        ResultStore.this.record(space.id(), toolId, itemKey, itemTitle, learnerId, score, outOf, grade, shownFrom);
      }

      @Override
      public void withdraw(SpaceRef space, String itemKey) {
        db.update("DELETE FROM results WHERE space_id = ? AND tool_id = ? AND item_key = ?", space.id(), toolId, itemKey);
      }

      @Override
      public List<Result> ofSpace(long spaceId) { return ResultStore.this.ofSpace(spaceId); }
    };
  }

  void record(long spaceId, String toolId, String itemKey, String itemTitle, long learnerId, Double score, Double outOf, String grade,
              java.time.Instant shownFrom) {
    String title = itemTitle.length() > 200 ? itemTitle.substring(0, 199) + "…" : itemTitle;
    db.transaction(() -> {
      int changed = db.update("UPDATE results SET item_title = ?, score = ?, out_of = ?, grade = ?, shown_from = ?, recorded_at = CURRENT_TIMESTAMP"
          + " WHERE space_id = ? AND tool_id = ? AND item_key = ? AND learner_id = ?", title, score, outOf, grade, shownFrom, spaceId, toolId, itemKey, learnerId);
      if (changed == 0) {
        db.update("INSERT INTO results (space_id, tool_id, item_key, item_title, learner_id, score, out_of, grade, shown_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            spaceId, toolId, itemKey, title, learnerId, score, outOf, grade, shownFrom);
      }
      return null;
    });
  }

  public List<Results.Result> ofSpace(long spaceId) {
    return db.query("SELECT " + COLUMNS + " FROM results WHERE space_id = ? ORDER BY id", ResultStore::result, spaceId);
  }

  private static Results.Result result(ResultSet rs) throws SQLException {
    double score = rs.getDouble(5);
    Double s = rs.wasNull() ? null : score;
    double outOf = rs.getDouble(6);
    Double o = rs.wasNull() ? null : outOf;
    return new Results.Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), s, o, rs.getString(7), rs.getTimestamp(8).toInstant(),
        Db.instant(rs, "shown_from"));
  }
}
