package org.courtyard.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.courtyard.core.config.Config;

/** Opens the pooled data source named in the configuration, and closes Derby cleanly. */
public final class Databases {
  private static final Logger LOG = Logger.getLogger(Databases.class.getName());

  private Databases() {}

  public static HikariDataSource open(Config config) {
    String url = config.dbUrl();
    if (url.startsWith("jdbc:derby:")) {
      // Keep derby.log out of the working directory.
      System.setProperty("derby.stream.error.file", config.dataDir().resolve("derby.log").toString());
      // Identity columns draw from sequences that Derby pre-allocates 100 at a time; under many
      // concurrent inserts (a year group starting a quiz together) refilling them timed out with
      // "too much contention" (DERBY-7002). A bigger block only costs a gap in ids after a crash.
      if (System.getProperty("derby.language.sequence.preallocator") == null) System.setProperty("derby.language.sequence.preallocator", "1000");
      config.dataDir().toFile().mkdirs();
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(config.get(Config.DB_USER, null));
    hc.setPassword(config.get(Config.DB_PASSWORD, null));
    hc.setMaximumPoolSize(config.getInt(Config.DB_POOL_SIZE, 16));
    hc.setPoolName("courtyard-db");
    hc.setAutoCommit(true);
    return new HikariDataSource(hc);
  }

  public static String dialect(String url) {
    if (url.startsWith("jdbc:derby:")) return "derby";
    if (url.startsWith("jdbc:postgresql:")) return "postgresql";
    throw new IllegalArgumentException("Unsupported database URL (Derby or PostgreSQL): " + url);
  }

  /** Derby writes its log until told to stop; SQLState XJ015/08006 mean it stopped cleanly. */
  public static void shutdownDerby(String url) {
    if (!url.startsWith("jdbc:derby:")) return;
    String base = url.split(";")[0];
    try {
      DriverManager.getConnection(base + ";shutdown=true").close();
    } catch (SQLException e) {
      if (!"08006".equals(e.getSQLState()) && !"XJ015".equals(e.getSQLState())) {
        LOG.warning("Derby did not shut down cleanly: " + e.getMessage());
      }
    }
  }
}
