package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.core.db.DataException;
import org.courtyard.core.db.Db;
import org.courtyard.testkit.CourtyardExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Work the database rolled back over a lock conflict runs again; other failures do not. */
class TransactionRetryIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.empty();

  @Test
  void theSuiteRunsOnTheDatabaseItWasAskedFor() {
    String pg = System.getProperty(CourtyardExtension.POSTGRES);
    assertEquals(pg == null || pg.isBlank() ? "derby" : "postgresql", courtyard.get(Db.class).dialect());
  }

  @Test
  void workThatLostALockRaceRunsAgainAndIsSavedOnce() {
    Db db = courtyard.get(Db.class);
    AtomicInteger runs = new AtomicInteger();
    long before = db.count("SELECT COUNT(*) FROM activity");
    db.transaction(() -> {
      db.update("INSERT INTO activity (tool_id, action, summary) VALUES ('test', 'retry', 'saved once')");
      if (runs.incrementAndGet() == 1) throw new DataException("lock", new SQLException("A lock could not be obtained within the time requested", "40XL1"));
      return null;
    });
    assertEquals(2, runs.get(), "run again after the lock timeout");
    assertEquals(before + 1, db.count("SELECT COUNT(*) FROM activity"), "the first run was rolled back, the second saved");
  }

  @Test
  void otherFailuresAreNotRetried() {
    Db db = courtyard.get(Db.class);
    AtomicInteger runs = new AtomicInteger();
    assertThrows(DataException.class, () -> db.transaction(() -> {
      runs.incrementAndGet();
      throw new DataException("duplicate", new SQLException("duplicate key", "23505"));
    }));
    assertEquals(1, runs.get());
  }

  @Test
  void aConflictThatKeepsHappeningIsReportedAfterThreeTries() {
    Db db = courtyard.get(Db.class);
    AtomicInteger runs = new AtomicInteger();
    assertThrows(DataException.class, () -> db.transaction(() -> {
      runs.incrementAndGet();
      throw new DataException("deadlock", new SQLException("deadlock", "40001"));
    }));
    assertEquals(3, runs.get());
  }
}
