package org.courtyard.core.db;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies versioned SQL files with Flyway. The core and each plugin keep their own history table,
 * so a plugin's migrations never collide with another's. {@code ${text}} and {@code ${blob}} let one
 * SQL file serve Derby and PostgreSQL.
 */
public final class Migrations {
  private Migrations() {}

  public static MigrateResult apply(DataSource ds, String dialect, String owner, String classpathFolder, ClassLoader loader) {
    Flyway flyway = Flyway.configure(loader)
        .dataSource(ds)
        .locations("classpath:" + classpathFolder)
        .table("history_" + owner.replace('-', '_'))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(placeholders(dialect))
        .load();
    return flyway.migrate();
  }

  static Map<String, String> placeholders(String dialect) {
    return "postgresql".equals(dialect)
        ? Map.of("text", "TEXT", "blob", "BYTEA")
        : Map.of("text", "CLOB", "blob", "BLOB");
  }
}
