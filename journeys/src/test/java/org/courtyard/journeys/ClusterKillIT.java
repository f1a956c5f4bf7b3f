package org.courtyard.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.Eventually;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes started from the distribution as an authority would ({@code bin/courtyard demo|run
 * --cluster}), on loopback, over one PostgreSQL database and one file folder. A learner signed in
 * through A is signed in on B; a plugin the ICT leader stops through A is gone on B within a second
 * (and back when started). A teacher's picture uploaded through A is served by B, before and after
 * the kill. Then she posts through both nodes at once; node A is killed with SIGKILL mid-stream. Every
 * post that was answered with success is in the database afterwards, and node B answers every
 * request throughout. Needs the PostgreSQL server {@code ./run-tests} starts.
 */
class ClusterKillIT {
  private static final Pattern FORUM = Pattern.compile("/s/5-oak/forum/f/(\\d+)");
  private static final Pattern DISCUSSION = Pattern.compile("d/(\\d+)$");
  private static final Pattern POST_MARK = Pattern.compile("kill-test-([AB])-(\\d+)-end");

  private final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(Process::destroyForcibly);
  }

  @Test
  void aNodeKilledMidStreamLosesNoAnsweredPostAndTheOtherNodeKeepsServing(@TempDir Path dir) throws Exception {
    String server = System.getProperty("courtyard.test.postgres-server", "");
    Assumptions.assumeFalse(server.isBlank(), "needs the PostgreSQL server ./run-tests starts");
    String database = "courtyard_cluster_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
    int hzA = freePort();
    int hzB = freePort();
    int httpA = freePort();
    int httpB = freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    Path files = Files.createDirectories(dir.resolve("shared-files"));

    Process a = start(dir.resolve("node-a"), "demo", Map.of("http.port", httpA, "cluster.port", hzA), server + database, members, files);
    URI nodeA = URI.create("http://127.0.0.1:" + httpA + "/");
    assertTrue(Eventually.within(180_000, () -> healthy(nodeA, 1) || !a.isAlive()) && a.isAlive(), "node A started: " + log(dir.resolve("node-a")));
    Process b = start(dir.resolve("node-b"), "run", Map.of("http.port", httpB, "cluster.port", hzB), server + database, members, files);
    URI nodeB = URI.create("http://127.0.0.1:" + httpB + "/");
    assertTrue(Eventually.within(180_000, () -> healthy(nodeB, 2) || !b.isAlive()) && b.isAlive(), "node B joined A: " + log(dir.resolve("node-b")));

    // A learner signed in through A is signed in on B.
    TestClient chloeOnB = TestClient.of(nodeA).login("chloe", "learner-demo-pass").at(nodeB);
    TestClient.Response chloeHome = chloeOnB.get("/");
    assertEquals(200, chloeHome.status());
    assertTrue(chloeHome.contains("Chloe"), "signed in through A, still signed in on B");

    // The ICT leader stops the forum through A: it is gone on B within a second, and comes back.
    TestClient ictLeader = TestClient.of(nodeA).login("ict.leader", "ict-demo-pass");
    ictLeader.get("/admin/oakfield/plugins");
    assertEquals(200, chloeOnB.get("/s/5-oak/forum").status());
    assertEquals(303, ictLeader.post("/admin/oakfield/plugins/forum/installation", Map.of("action", "stop")).status());
    long stoppedAt = System.nanoTime();
    assertTrue(Eventually.within(5_000, () -> chloeOnB.get("/s/5-oak/forum").status() == 404), "the forum is gone on B");
    long goneAfterMs = (System.nanoTime() - stoppedAt) / 1_000_000;
    assertTrue(goneAfterMs < 1_000, "gone on B " + goneAfterMs + " ms after A stopped it");
    assertEquals(303, ictLeader.post("/admin/oakfield/plugins/forum/installation", Map.of("action", "start")).status());
    assertTrue(Eventually.within(1_000, () -> chloeOnB.get("/s/5-oak/forum").status() == 200), "back on B within a second");
    System.out.println("ClusterKillIT: the forum stopped through A was gone on B after " + goneAfterMs + " ms");

    // Mrs Patel signs in through A and starts a discussion; the same browser then talks to both nodes.
    TestClient teacherOnA = TestClient.of(nodeA).login("mrs.patel", "teacher-demo-pass");
    Matcher forum = FORUM.matcher(teacherOnA.get("/s/5-oak/forum").body());
    assertTrue(forum.find(), "the class has a forum");
    // Her opening post carries a picture, uploaded through A into the shared file folder.
    byte[] picture = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    TestClient.Response started = teacherOnA.postFile("/s/5-oak/forum/f/" + forum.group(1) + "/discussions",
        Map.of("title", "Posts through two nodes", "body", "<p>Start</p>"), "attachment", "board.png", "image/png", picture);
    assertEquals(303, started.status(), started.body());
    Matcher d = DISCUSSION.matcher(started.location());
    assertTrue(d.find(), started.location());
    String replies = "/s/5-oak/forum/d/" + d.group(1) + "/replies";
    TestClient teacherOnB = teacherOnA.at(nodeB);
    Matcher fileLink = Pattern.compile("/s/5-oak/forum/files/(\\d+)").matcher(teacherOnB.get("/s/5-oak/forum/d/" + d.group(1)).body());
    assertTrue(fileLink.find(), "B shows the picture uploaded through A");
    String pictureUrl = fileLink.group();
    assertPictureServedBy(teacherOnB, pictureUrl, picture, dir.resolve("via-b-before.png"));

    // Both nodes take a stream of posts; A is killed once some have landed on each.
    Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> failuresOnB = new CopyOnWriteArrayList<>();
    AtomicInteger answeredByA = new AtomicInteger();
    AtomicInteger sentToBAfterKill = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch enoughBeforeKill = new CountDownLatch(2);
    CountDownLatch enoughAfterKill = new CountDownLatch(1);
    Thread streamA = new Thread(() -> {
      for (int i = 0; ; i++) {
        String mark = "kill-test-A-" + i + "-end";
        try {
          if (teacherOnA.post(replies, Map.of("body", "<p>" + mark + "</p>")).status() == 303) answered.add(mark);
          if (answeredByA.incrementAndGet() == 15) enoughBeforeKill.countDown();
        } catch (RuntimeException e) {
          if (killed.get()) return; // A is gone: its unanswered post may or may not have landed
          throw e;
        }
      }
    }, "posts-through-a");
    long[] slowestOnBAfterKillNs = {0};
    Thread streamB = new Thread(() -> {
      for (int i = 0; i < 2_000; i++) {
        String mark = "kill-test-B-" + i + "-end";
        try {
          long t0 = System.nanoTime();
          TestClient.Response r = teacherOnB.post(replies, Map.of("body", "<p>" + mark + "</p>"));
          if (killed.get()) slowestOnBAfterKillNs[0] = Math.max(slowestOnBAfterKillNs[0], System.nanoTime() - t0);
          if (r.status() == 303) answered.add(mark);
          else failuresOnB.add(mark + ": HTTP " + r.status());
        } catch (RuntimeException e) {
          failuresOnB.add(mark + ": " + e);
        }
        if (i == 15) enoughBeforeKill.countDown();
        if (killed.get() && sentToBAfterKill.incrementAndGet() == 40) enoughAfterKill.countDown();
        if (enoughAfterKill.getCount() == 0) return;
      }
    }, "posts-through-b");
    streamA.start();
    streamB.start();
    assertTrue(enoughBeforeKill.await(120, TimeUnit.SECONDS), "both nodes took posts before the kill");
    killed.set(true);
    a.destroyForcibly(); // SIGKILL: no shutdown hook, no draining
    assertTrue(a.waitFor(30, TimeUnit.SECONDS));
    assertTrue(enoughAfterKill.await(120, TimeUnit.SECONDS), "B went on taking posts after A died; failures: " + failuresOnB);
    streamA.join(60_000);
    streamB.join(60_000);

    assertEquals(List.of(), failuresOnB, "node B answered every request throughout");
    assertTrue(answeredByA.get() >= 15, "A answered posts before it died");
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection(server + database, "postgres", "");
         ResultSet rs = c.createStatement().executeQuery("SELECT body FROM forum_posts")) {
      while (rs.next()) {
        Matcher m = POST_MARK.matcher(rs.getString(1));
        while (m.find()) stored.add(m.group());
      }
    }
    Set<String> missing = new HashSet<>(answered);
    missing.removeAll(stored);
    assertEquals(Set.of(), missing, "every post answered with success is in the database (" + answered.size() + " answered)");
    long aloneFrom = System.nanoTime();
    assertTrue(Eventually.within(30_000, () -> healthy(nodeB, 1)), "B sees that it is alone now");
    System.out.printf("ClusterKillIT: %d posts answered (%d through A before SIGKILL), all %d in the database; "
        + "B's slowest answer after the kill %d ms; B counted itself alone %d ms after the stream ended%n",
        answered.size(), answeredByA.get(), answered.size(), slowestOnBAfterKillNs[0] / 1_000_000, (System.nanoTime() - aloneFrom) / 1_000_000);
    assertEquals(200, teacherOnB.get("/s/5-oak/forum/d/" + d.group(1)).status(), "and still serves the discussion");
    assertPictureServedBy(teacherOnB, pictureUrl, picture, dir.resolve("via-b-after.png"));
  }

  /** The node answers the file's address with the very bytes uploaded, as a picture. */
  private static void assertPictureServedBy(TestClient client, String url, byte[] expected, Path to) throws IOException {
    TestClient.Response r = client.download(url, to);
    assertEquals(200, r.status(), url);
    assertEquals("image/png", r.header("Content-Type"));
    assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(to)), "the same bytes as were uploaded through A");
  }

  private Process start(Path home, String command, Map<String, Integer> ports, String dbUrl, String members, Path files) throws IOException {
    Files.createDirectories(home.resolve("conf"));
    StringBuilder conf = new StringBuilder();
    conf.append("http.host=127.0.0.1\n").append("db.url=").append(dbUrl).append("\ndb.user=postgres\n")
        .append("files.dir=").append(files).append('\n')
        .append("cluster.host=127.0.0.1\ncluster.members=").append(members).append('\n')
        .append("cluster.name=kill-test-").append(members.hashCode() & 0xffff).append('\n')
        .append("security.bcrypt-cost=4\n");
    ports.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
    Files.writeString(home.resolve("conf/courtyard.properties"), conf.toString());
    ProcessBuilder pb = new ProcessBuilder(Distribution.installation().resolve("bin/courtyard").toString(), command, "--cluster")
        .redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile());
    pb.environment().put("COURTYARD_HOME", home.toString());
    Process p = pb.start();
    nodes.add(p);
    return p;
  }

  private static boolean healthy(URI node, int nodes) {
    try {
      TestClient.Response r = TestClient.of(node).get("/health");
      return r.status() == 200 && r.body().contains("\"nodes\":" + nodes);
    } catch (RuntimeException e) {
      return false; // not listening yet
    }
  }

  private static String log(Path home) {
    try {
      String all = Files.readString(home.resolve("out.log"));
      return all.length() > 4_000 ? all.substring(all.length() - 4_000) : all;
    } catch (IOException e) {
      return "(no log)";
    }
  }


  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
