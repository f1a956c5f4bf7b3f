package org.courtyard.journeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code courtyard migrate-db}: the demo school with every shipped plugin and some work in it moves from
 * embedded Derby to PostgreSQL keeping every row and file. Needs the PostgreSQL server that
 * {@code ./run-tests} starts ({@code -Dcourtyard.test.postgres-server}).
 */
class MigrateDbIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = JourneysIT.withShippedPlugins(CourtyardExtension.withDemoSchool());

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 9, 8, 7};

  /** Rows in every table (histories aside), read through the installation's own database. */
  static Map<String, Long> counts(Db db) {
    Map<String, Long> out = new TreeMap<>();
    for (String table : db.query(db.dialect().equals("derby")
        ? "SELECT tablename FROM sys.systables WHERE tabletype = 'T'"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", rs -> rs.getString(1))) {
      if (table.toLowerCase().startsWith("history_")) continue;
      out.put(table.toLowerCase(), db.count("SELECT COUNT(*) FROM " + table));
    }
    return out;
  }

  @Test
  void theDemoSchoolMovesToPostgresqlKeepingEveryRowAndFile(@TempDir Path dir) throws Exception {
    String server = System.getProperty("courtyard.test.postgres-server", "");
    Assumptions.assumeFalse(server.isBlank(), "needs the PostgreSQL server ./run-tests starts");
    Assumptions.assumeTrue(courtyard.get(Db.class).dialect().equals("derby"), "migrates from Derby");

    TestClient amira = courtyard.signIn("amira");
    TestClient.Response post = amira.postFile("/s/~amira/blog/posts", Map.of("title", "My cat", "body", "<p>Tiger</p>", "action", "publish"),
        "media", "tiger.png", "image/png", PNG);
    assertEquals(303, post.status(), post.body());
    TestClient.Response col = amira.post("/s/~amira/portfolio/collections", Map.of("title", "Best work", "visibility", "TEACHERS"));
    assertEquals(303, amira.postFile(col.location() + "/file", Map.of("title", "Tiger"), "file", "tiger.png", "image/png", PNG).status());
    Map<String, Long> before = counts(courtyard.get(Db.class));
    assertTrue(before.get("users") > 0 && before.get("qz_questions") > 0 && before.get("pf_artefacts") > 0, before.toString());

    String database = "courtyard_migrated_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
    courtyard.stop();
    CommandLine.Result r = new CommandLine(courtyard.home()).run("migrate-db", "--to", "postgres", "--url", server + database, "--user", "postgres");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("every table's count matches"), r.output());

    courtyard.startWith(Config.DB_URL, server + database, Config.DB_USER, "postgres");
    assertEquals("postgresql", courtyard.get(Db.class).dialect());
    assertEquals(before, counts(courtyard.get(Db.class)), "every table has every row");
    TestClient again = courtyard.signIn("amira");
    String blog = again.get(post.location()).body();
    assertTrue(blog.contains("Tiger"), blog);
    Path got = dir.resolve("got.png");
    boolean found = false;
    Matcher any = Pattern.compile("(/s/~amira/portfolio/files/\\d+)").matcher(again.get(col.location()).body());
    if (any.find()) {
      again.download(any.group(1), got);
      assertArrayEquals(PNG, Files.readAllBytes(got), "the portfolio's picture is the same file");
      found = true;
    }
    assertTrue(found, "the portfolio links its picture");
    assertEquals(303, again.post("/s/~amira/portfolio/collections", Map.of("title", "After the move", "visibility", "ME")).status(),
        "new rows carry on after the copied ids");
  }
}
