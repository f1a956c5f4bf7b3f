package org.courtyard.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.courtyard.api.data.Database;
import org.courtyard.api.data.RowMapper;

/**
 * The one JDBC helper: parameters are always bound, a transaction shares its connection with every
 * call on the same thread, and SQL errors surface as {@link DataException} with the statement.
 */
public final class Db implements Database {
  private final DataSource dataSource;
  private final String dialect;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

  public Db(DataSource dataSource, String dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  public DataSource dataSource() { return dataSource; }

  @Override public String dialect() { return dialect; }

  @Override
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) out.add(mapper.map(rs));
          return out;
        }
      }
    }, sql);
  }

  @Override
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  @Override
  public long count(String sql, Object... params) {
    return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  @Override
  public int update(String sql, Object... params) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, params);
        return ps.executeUpdate();
      }
    }, sql);
  }

  @Override
  public long insert(String sql, Object... params) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        bind(ps, params);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          if (!keys.next()) throw new SQLException("no generated key");
          return keys.getLong(1);
        }
      }
    }, sql);
  }

  @Override
  public <T> T transaction(Work<T> work) {
    if (current.get() != null) {
      try {
        return work.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new DataException("transaction failed: " + e.getMessage(), e);
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return outermost(work);
      } catch (RuntimeException e) {
        if (attempt >= TRIES || !isTransient(e)) throw e;
        pause(attempt);
      }
    }
  }

  /** Tries for work that failed only because other transactions held its locks (it was rolled back whole). */
  static final int TRIES = 3;

  /**
   * A lock timeout or deadlock (SQLState class 40: Derby's 40XL1/40001, PostgreSQL's 40001/40P01): the
   * database rolled the work back, so running it again is safe and usually succeeds.
   */
  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) return true;
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      // Back off a little, differently per thread, so the competitors do not collide again at once.
      Thread.sleep(10L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(20));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T outermost(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      current.set(c);
      afterCommit.set(new ArrayList<>());
      try {
        T result = work.run();
        c.commit();
        List<Runnable> then = afterCommit.get();
        afterCommit.remove();
        current.remove();
        then.forEach(Runnable::run);
        return result;
      } catch (Throwable e) {
        c.rollback();
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        throw new DataException("transaction failed: " + e.getMessage(), e);
      } finally {
        current.remove();
        afterCommit.remove();
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new DataException("transaction failed: " + e.getMessage(), e);
    }
  }

  /** Runs after the current transaction commits (dropped if it rolls back); at once outside a transaction. */
  public void afterCommit(Runnable action) {
    List<Runnable> queue = afterCommit.get();
    if (queue == null) action.run();
    else queue.add(action);
  }

  public boolean inTransaction() { return current.get() != null; }

  private interface ConnectionWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(ConnectionWork<T> work, String sql) {
    Connection tx = current.get();
    try {
      if (tx != null) return work.run(tx);
      for (int attempt = 1; ; attempt++) {
        try (Connection c = dataSource.getConnection()) {
          return work.run(c);
        } catch (SQLException e) {
          // An auto-committed statement that lost a lock race was rolled back: run it again.
          if (attempt >= TRIES || !isTransient(e)) throw e;
          pause(attempt);
        }
      }
    } catch (SQLException e) {
      throw new DataException(e.getMessage() + " [SQLState " + e.getSQLState() + "] in: " + sql, e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int n = i + 1;
      if (p == null) {
        ps.setNull(n, nullType(ps, n));
      } else if (p instanceof Instant t) {
        ps.setTimestamp(n, Timestamp.from(t));
      } else if (p instanceof LocalDate d) {
        ps.setDate(n, java.sql.Date.valueOf(d));
      } else if (p instanceof Enum<?> e) {
        ps.setString(n, e.name());
      } else {
        ps.setObject(n, p);
      }
    }
  }

  private static int nullType(PreparedStatement ps, int n) {
    try {
      return ps.getParameterMetaData().getParameterType(n);
    } catch (SQLException e) {
      return Types.VARCHAR;
    }
  }

  /** Reads a nullable timestamp column as an Instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
