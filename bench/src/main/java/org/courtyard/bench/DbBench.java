package org.courtyard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Signed-in class page views on one node with embedded Derby, one node with PostgreSQL, and two nodes
 * sharing that PostgreSQL database (and one files folder), load split evenly. Needs a PostgreSQL
 * server: {@code bench/run db} starts a throwaway one ({@code -Dcourtyard.bench.postgres}).
 */
final class DbBench {
  private static final String PAGE = "/s/2-willow";
  private static final int CONNECTIONS = 64;
  private static final Duration TIME = Duration.ofSeconds(15);

  private DbBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Databases and nodes: signed-in class page " + PAGE + ", " + CONNECTIONS + " connections in all, 15 s each");
    Path derbyHome = Files.createTempDirectory("courtyard-db-bench-derby");
    CoreBench.Server derby = CoreBench.Server.start(install, derbyHome);
    try {
      print("one node, embedded Derby", measure(CoreBench.PORT, CONNECTIONS));
    } finally {
      derby.stop();
    }
    String pg = System.getProperty("courtyard.bench.postgres", "");
    if (pg.isBlank()) {
      System.out.println("PostgreSQL: skipped (run bench/run db, which starts a throwaway server)");
      return;
    }
    String database = "courtyard_bench_" + System.nanoTime();
    try (var c = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
    Path home = Files.createTempDirectory("courtyard-db-bench-pg");
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/courtyard.properties"), "db.url=" + pg + database + "\ndb.user=postgres\n");
    // Both nodes run clustered (bin/courtyard demo --cluster); the first is measured alone before the second joins.
    int hzA = CoreBench.PORT + 100;
    int hzB = CoreBench.PORT + 101;
    String cluster = "-Dcourtyard.cluster.host=127.0.0.1 -Dcourtyard.cluster.name=bench-" + CoreBench.PORT
        + " -Dcourtyard.cluster.members=127.0.0.1:" + hzA + ",127.0.0.1:" + hzB + " -Dcourtyard.cluster.port=";
    CoreBench.Server a = CoreBench.Server.start(install, home, CoreBench.PORT, cluster + hzA, "--cluster");
    try {
      print("one node, PostgreSQL", measure(CoreBench.PORT, CONNECTIONS));
      CoreBench.Server b = CoreBench.Server.start(install, home, CoreBench.PORT + 2, cluster + hzB, "--cluster");
      try {
        // One signed-in learner whose requests go half to each node: the session made on A is used on B.
        SchoolBench.Client amira = signedIn(CoreBench.PORT);
        String onA = "http://127.0.0.1:" + CoreBench.PORT + PAGE;
        String onB = "http://127.0.0.1:" + (CoreBench.PORT + 2) + PAGE;
        amira.getAbsolute(onB);
        CompletableFuture<SchoolBench.Scenario> first = CompletableFuture.supplyAsync(() -> unchecked(() -> SchoolBench.closedLoop("page", amira, onA, CONNECTIONS / 2, TIME)));
        CompletableFuture<SchoolBench.Scenario> second = CompletableFuture.supplyAsync(() -> unchecked(() -> SchoolBench.closedLoop("page", amira, onB, CONNECTIONS / 2, TIME)));
        SchoolBench.Scenario x = first.get();
        SchoolBench.Scenario y = second.get();
        System.out.printf("two clustered nodes, one PostgreSQL, one session used on both, same machine: %.0f req/s in all (%.0f + %.0f), p99 %.1f / %.1f ms, errors %d%n",
            x.perSecond() + y.perSecond(), x.perSecond(), y.perSecond(), x.percentile(0.99), y.percentile(0.99), x.errors() + y.errors());
      } finally {
        b.stop();
      }
    } finally {
      a.stop();
    }
  }

  interface Work<T> {
    T run() throws Exception;
  }

  private static <T> T unchecked(Work<T> w) {
    try {
      return w.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SchoolBench.Scenario measure(int port, int connections) throws Exception {
    return SchoolBench.closedLoop("page", signedIn(port), "http://127.0.0.1:" + port + PAGE, connections, TIME);
  }

  private static SchoolBench.Client signedIn(int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    SchoolBench.Client amira = null;
    for (int tries = 0; amira == null; tries++) {
      try {
        amira = SchoolBench.Client.signIn(base, "amira", "learner-demo-pass");
        amira.get(PAGE);
      } catch (Exception e) {
        amira = null;
        if (tries > 300) throw e;
        Thread.sleep(100); // the demo school is made just after the port opens
      }
    }
    return amira;
  }

  private static void print(String what, SchoolBench.Scenario s) {
    System.out.printf("%s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d%n", what, s.perSecond(), s.percentile(0.5), s.percentile(0.99), s.errors());
  }
}
