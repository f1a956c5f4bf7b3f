package org.courtyard.api.data;

import java.util.List;
import java.util.Optional;

/**
 * The school's database, with parameters always bound (never concatenate input into SQL).
 * Calls block: the core runs handlers off the event loop. Inside {@link #transaction} every call
 * on this thread shares one connection, committed at the end or rolled back on an exception.
 * Write portable SQL: it runs on Derby and on PostgreSQL. A transaction the database rolls back over
 * a lock conflict (a deadlock or lock timeout) is run again, up to three times, so keep its work to
 * SQL: do not send messages or write files from inside one.
 */
public interface Database {
  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params);

  /** A single number, e.g. {@code SELECT COUNT(*) …}; 0 when there is no row. */
  long count(String sql, Object... params);

  /** INSERT/UPDATE/DELETE; returns the rows changed. */
  int update(String sql, Object... params);

  /** An INSERT into a table whose first column is a generated id; returns that id. */
  long insert(String sql, Object... params);

  <T> T transaction(Work<T> work);

  /** {@code "derby"} or {@code "postgresql"}, for the rare statement that must differ. */
  String dialect();

  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }
}
