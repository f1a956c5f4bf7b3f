package org.courtyard.core.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.plugins.PluginHost;

/**
 * {@code courtyard migrate-db --to postgres --url jdbc:postgresql://… [--user U] [--password P]}: copies
 * an installation's Derby database into an empty PostgreSQL database — the core's tables and every
 * installed plugin's — in one transaction, then checks that every table has the same number of rows.
 * Uploaded files stay where they are (the data folder's file store), so both databases point at them.
 */
final class MigrateDbCommand {
  private MigrateDbCommand() {}

  /** Tables a start writes by itself (not a school's data), emptied in the new database before the copy. */
  static final List<String> STARTED_STATE = List.of("job_runs");

  static int run(Config source, Map<String, String> o, PrintStream out) throws Exception {
    String to = o.getOrDefault("to", "").toLowerCase(Locale.ROOT);
    if (!to.equals("postgres") && !to.equals("postgresql")) {
      throw new IllegalArgumentException("migrate-db copies an installation from Derby to PostgreSQL: courtyard migrate-db --to postgres --url jdbc:postgresql://HOST:5432/DB [--user U --password P]");
    }
    String url = o.getOrDefault("url", "");
    if (!url.startsWith("jdbc:postgresql:")) throw new IllegalArgumentException("Give the PostgreSQL database as --url jdbc:postgresql://HOST:5432/DB");
    if (!source.dbUrl().startsWith("jdbc:derby:")) throw new IllegalArgumentException("This installation is not on Derby (db.url is " + source.dbUrl() + "); nothing to migrate.");
    Config target = source.with(Config.DB_URL, url);
    if (o.containsKey("user")) target = target.with(Config.DB_USER, o.get("user"));
    if (o.containsKey("password")) target = target.with(Config.DB_PASSWORD, o.get("password"));
    try (Courtyard from = Courtyard.open(source); Courtyard into = Courtyard.open(target)) {
      // Every installed plugin's tables, made by its own migrations as at a start (no HTTP is opened).
      from.get(PluginHost.class).loadAndStartAll();
      into.get(PluginHost.class).loadAndStartAll();
      DataSource src = from.get(Db.class).dataSource();
      DataSource dst = into.get(Db.class).dataSource();
      List<String> tables;
      try (Connection t = dst.getConnection()) {
        tables = inDependencyOrder(t);
        // Starting the plugins on the new database wrote their jobs' schedule there; the source's is copied instead.
        for (String own : STARTED_STATE) if (tables.contains(own)) try (var st = t.createStatement()) {
          st.executeUpdate("DELETE FROM " + own);
        }
        for (String table : tables) {
          if (count(t, table) > 0) throw new IllegalStateException("The PostgreSQL database is not empty (" + table + " has rows). Give migrate-db a new, empty database.");
        }
      }
      Map<String, Long> copied = new LinkedHashMap<>();
      try (Connection s = src.getConnection(); Connection t = dst.getConnection()) {
        t.setAutoCommit(false);
        try {
          for (String table : tables) copied.put(table, copy(s, t, table));
          for (String table : tables) resetIdentity(t, table);
          t.commit();
        } catch (SQLException | RuntimeException e) {
          t.rollback();
          throw new IllegalStateException("Nothing was copied: " + e.getMessage(), e);
        }
        long rows = 0;
        for (String table : tables) {
          long a = count(s, table);
          long b = count(t, table);
          if (a != b) throw new IllegalStateException("Counts differ for " + table + ": " + a + " in Derby, " + b + " in PostgreSQL (" + copied.get(table) + " copied).");
          rows += b;
        }
        long files = countFiles(source.filesDir());
        out.printf("Copied %,d rows in %d tables; every table's count matches.%n", rows, tables.size());
        for (var e : copied.entrySet()) if (e.getValue() > 0) out.printf("  %-28s %,d%n", e.getKey(), e.getValue());
        out.printf("Uploaded files stay in %s (%,d files); both databases use them.%n", source.filesDir(), files);
        out.println("To run on PostgreSQL, set in conf/courtyard.properties:");
        out.println("  db.url=" + url);
        if (o.containsKey("user")) out.println("  db.user=" + o.get("user"));
      }
    }
    return 0;
  }

  /** The target's tables (not migration histories), parents before the tables that refer to them. */
  static List<String> inDependencyOrder(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Set<String> all = new LinkedHashSet<>();
    try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.startsWith("history_")) all.add(name);
      }
    }
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    for (String table : all) {
      Set<String> p = new LinkedHashSet<>();
      try (ResultSet rs = md.getImportedKeys(null, "public", table)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME");
          if (!parent.equals(table) && all.contains(parent)) p.add(parent);
        }
      }
      parents.put(table, p);
    }
    List<String> order = new ArrayList<>();
    while (order.size() < all.size()) {
      boolean progress = false;
      for (String table : all) {
        if (order.contains(table) || !order.containsAll(parents.get(table))) continue;
        order.add(table);
        progress = true;
      }
      if (!progress) throw new IllegalStateException("The tables refer to each other in a circle; cannot order the copy.");
    }
    return order;
  }

  private static long copy(Connection s, Connection t, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (ResultSet rs = t.getMetaData().getColumns(null, "public", table, "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
        types.add(rs.getString("TYPE_NAME"));
      }
    }
    String list = String.join(", ", columns);
    String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    long n = 0;
    // Derby folds unquoted names to capitals, PostgreSQL to small letters: unquoted, both find the same table.
    String order = columns.contains("id") ? " ORDER BY id" : "";
    try (Statement read = s.createStatement(); ResultSet rows = read.executeQuery("SELECT " + list + " FROM " + table + order);
         PreparedStatement write = t.prepareStatement("INSERT INTO " + table + " (" + list + ") OVERRIDING SYSTEM VALUE VALUES (" + marks + ")")) {
      while (rows.next()) {
        for (int i = 0; i < columns.size(); i++) {
          Object v = switch (types.get(i)) {
            case "text", "varchar" -> rows.getString(i + 1);
            case "bytea" -> rows.getBytes(i + 1);
            default -> rows.getObject(i + 1);
          };
          write.setObject(i + 1, v);
        }
        write.addBatch();
        if (++n % 500 == 0) write.executeBatch();
      }
      write.executeBatch();
    }
    return n;
  }

  /** After copying ids as they were, new rows must carry on after the highest. */
  private static void resetIdentity(Connection t, String table) throws SQLException {
    // Only identity columns have a sequence; asking for another would abort the whole transaction.
    List<String> identity = new ArrayList<>();
    try (PreparedStatement q = t.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? AND is_identity = 'YES'")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) identity.add(rs.getString(1));
      }
    }
    for (String column : identity) {
      try (Statement st = t.createStatement()) {
        st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)");
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long countFiles(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
