package org.courtyard.testkit;

import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.courtyard.core.db.Db;

/**
 * The installation's database, for a plugin test that checks its own rows (its tables, a count that
 * must not change). Plain SQL with {@code ?} parameters, on Derby or PostgreSQL, whichever the run uses.
 * <pre>
 * assertEquals(0, courtyard.database().count("SELECT COUNT(*) FROM forum_posts WHERE body = ?", "spam"));
 * </pre>
 * Assert what a person would see through {@link TestClient} first; this is for what a page cannot show.
 */
public final class TestDatabase {
  private final Db db;

  TestDatabase(Db db) { this.db = db; }

  /** The first column of the first row as a number (a {@code COUNT(*)}, an id); 0 when there is no row. */
  public long count(String sql, Object... params) { return db.count(sql, params); }

  /** Every row, column name (lower case) → value. */
  public List<Map<String, Object>> rows(String sql, Object... params) {
    return db.query(sql, rs -> {
      ResultSetMetaData meta = rs.getMetaData();
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
      return row;
    }, params);
  }

  /** The first row, if any. */
  public Optional<Map<String, Object>> row(String sql, Object... params) {
    List<Map<String, Object>> rows = rows(sql, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The first column of the first row, if there is a row (null when the value is SQL NULL). */
  public Optional<Object> value(String sql, Object... params) {
    return row(sql, params).map(r -> r.values().iterator().next());
  }

  /** Runs an INSERT, UPDATE, DELETE or DDL statement (e.g. a constraint added for one test); returns the rows changed. */
  public int update(String sql, Object... params) { return db.update(sql, params); }
}
