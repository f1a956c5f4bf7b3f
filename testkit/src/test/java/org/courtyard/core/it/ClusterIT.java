package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.Eventually;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes (Hazelcast on loopback) over one PostgreSQL database and one file store, in
 * this JVM: a session started on one carries on on the other, a plugin stopped or a setting changed
 * on one is seen on the other within a second, and events reach every-node listeners everywhere
 * and once-only listeners once. (Killing a node is {@code ClusterKillIT} in journeys: real processes.)
 * Runs when the suite runs on PostgreSQL ({@code ./run-tests}' second pass).
 */
class ClusterIT {
  static CourtyardExtension a;
  static CourtyardExtension b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    String pg = System.getProperty(CourtyardExtension.POSTGRES, "");
    Assumptions.assumeFalse(pg.isBlank(), "two nodes share a PostgreSQL database (run with ./run-tests)");
    int portA = freePort();
    int portB = freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    PluginJar echo = PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs").resource("static/echo.css");
    a = CourtyardExtension.withDemoSchool().plugin(echo).plugin(LifecycleIT.JAR).setting(Config.CLUSTER_ENABLED, "true")
        .setting(Config.CLUSTER_PORT, String.valueOf(portA)).setting(Config.CLUSTER_MEMBERS, members)
        .setting(Config.CLUSTER_NAME, "cluster-it-" + portA);
    a.open();
    b = CourtyardExtension.empty().plugin(echo).plugin(LifecycleIT.JAR).sharingStorageWith(a).setting(Config.CLUSTER_ENABLED, "true")
        .setting(Config.CLUSTER_PORT, String.valueOf(portB)).setting(Config.CLUSTER_MEMBERS, members)
        .setting(Config.CLUSTER_NAME, "cluster-it-" + portA);
    b.open();
  }

  @AfterAll
  static void stopNodes() {
    if (b != null) b.close();
    if (a != null) a.close();
  }

  @Test
  void whoTeachesWhomChangedOnOneNodeIsKnownOnTheOtherAtOnce() throws Exception {
    TestClient teacherOnB = b.signIn("mrs.patel");
    long chloe = a.get(UserStore.class).byUsername("chloe").orElseThrow().id();
    assertEquals(200, teacherOnB.get("/pupils/" + chloe).status(), "B has read who Mrs Patel teaches");
    TestClient ict = a.signIn("ict.leader");
    long patel = a.get(UserStore.class).byUsername("mrs.patel").orElseThrow().id();
    // Through A, the ICT leader takes Mrs Patel off Class 5 Oak: B must forget what it remembered.
    assertEquals(303, ict.post("/s/5-oak/manage/remove-member", Map.of("user", Long.toString(patel))).status());
    try {
      assertTrue(Eventually.within(5000, () -> teacherOnB.get("/pupils/" + chloe).status() == 404), "B forgot: she no longer teaches Chloe");
    } finally {
      ict.post("/s/5-oak/manage/add-member", Map.of("username", "mrs.patel", "role", "OWNER"));
    }
    assertTrue(Eventually.within(5000, () -> teacherOnB.get("/pupils/" + chloe).status() == 200), "and learned it again");
  }

  @Test
  void bothNodesSeeTwoMembersOnTheirHealthPage() {
    String health = b.anonymous().get("/health").body();
    assertTrue(health.contains("\"nodes\":2"), health);
    assertFalse(health.equals(a.anonymous().get("/health").body()), "each node names itself");
  }

  @Test
  void signedInOnOneNodeIsSignedInOnTheOtherAndSigningOutEndsBoth() {
    TestClient onA = a.signIn("chloe");
    TestClient onB = onA.at(b.baseUri());
    TestClient.Response home = onB.get("/");
    assertEquals(200, home.status(), home.body());
    assertTrue(home.contains("Chloe"), "node B knows who is signed in");
    assertEquals(303, onB.post("/s/5-oak/echo/send", Map.of("text", "from b")).status(), "B accepts the form token A issued");
    assertTrue(onB.get("/s/5-oak/echo").contains("Echo: from b"));

    assertEquals(303, onB.post("/logout", Map.of()).status());
    TestClient.Response after = onA.get("/s/5-oak/echo");
    assertEquals(303, after.status(), "signed out on B means signed out on A: " + after.body());
    assertTrue(after.location().startsWith("/login"), after.location());
  }

  @Test
  void aPluginStoppedOnOneNodeIsGoneOnTheOtherWithinASecondAndComesBack() {
    TestClient admin = a.signIn("ict.leader");
    TestClient chloeOnB = a.signIn("chloe").at(b.baseUri());
    assertEquals(200, chloeOnB.get("/s/5-oak/echo").status());
    admin.get("/admin/oakfield/plugins");
    try {
      assertEquals(303, admin.post("/admin/oakfield/plugins/echo/installation", Map.of("action", "stop")).status());
      long stoppedAt = System.nanoTime();
      assertTrue(Eventually.within(5_000, () -> chloeOnB.get("/s/5-oak/echo").status() == 404), "gone on B");
      long ms = (System.nanoTime() - stoppedAt) / 1_000_000;
      assertTrue(ms < 1_000, "gone on B after " + ms + " ms");
      assertTrue(b.get(ToolRegistry.class).tool("echo").isEmpty(), "B's registry no longer has it");
    } finally {
      admin.post("/admin/oakfield/plugins/echo/installation", Map.of("action", "start"));
    }
    assertTrue(Eventually.within(1_000, () -> chloeOnB.get("/s/5-oak/echo").status() == 200), "back on B within a second");
  }

  @Test
  void aPluginDisabledFromTheCommandLineStopsOnEveryRunningNodeWithinSeconds() {
    TestClient chloeOnB = a.signIn("chloe").at(b.baseUri());
    TestClient chloeOnA = a.signIn("chloe");
    CommandLine cli = new CommandLine(a.home());
    try {
      CommandLine.Result off = cli.run("plugins", "disable", "echo");
      assertEquals(0, off.exit(), off.output());
      assertTrue(off.output().contains("Running servers on this database follow within"), off.output());
      // No message reaches the nodes from the command line: each one looks at the database every 5 s.
      assertTrue(Eventually.within(10_000, () -> chloeOnA.get("/s/5-oak/echo").status() == 404), "stopped on A");
      assertTrue(Eventually.within(10_000, () -> chloeOnB.get("/s/5-oak/echo").status() == 404), "stopped on B");
    } finally {
      CommandLine.Result on = cli.run("plugins", "enable", "echo");
      assertEquals(0, on.exit(), on.output());
    }
    assertTrue(Eventually.within(10_000, () -> chloeOnA.get("/s/5-oak/echo").status() == 200), "running again on A");
    assertTrue(Eventually.within(10_000, () -> chloeOnB.get("/s/5-oak/echo").status() == 200), "running again on B");
  }

  @Test
  void aJarCopiedToEveryNodeIsFoundOnAllOfThemWhenTheIctLeaderLooksOnOne() {
    PluginJar late = PluginJar.fixture("late").extension(org.courtyard.core.it.fixtures.LateTool.class);
    late.writeTo(a.pluginsDir());
    late.writeTo(b.pluginsDir());
    TestClient admin = a.signIn("ict.leader");
    admin.get("/admin/oakfield/plugins");
    TestClient.Response found = admin.post("/admin/oakfield/plugins/rescan", Map.of());
    assertEquals(303, found.status(), found.body());
    assertTrue(a.get(ToolRegistry.class).tool("late").isPresent(), "running on A");
    assertTrue(Eventually.within(1_000, () -> b.get(ToolRegistry.class).tool("late").isPresent()), "running on B within a second");
  }

  @Test
  void aSettingChangedOnOneNodeIsUsedOnTheOther() {
    TestClient admin = a.signIn("ict.leader");
    admin.get("/admin/oakfield/plugins");
    assertEquals(303, admin.post("/admin/oakfield/plugins/echo/settings", Map.of("max-length", "100", "shout", "true")).status());
    try {
      TestClient chloeOnB = b.signIn("chloe");
      chloeOnB.post("/s/5-oak/echo/send", Map.of("text", "quiet"));
      assertTrue(chloeOnB.get("/s/5-oak/echo").contains("Echo: QUIET"), "B reads the setting saved through A");
    } finally {
      admin.post("/admin/oakfield/plugins/echo/settings", Map.of("max-length", "100", "shout", "false"));
    }
  }

  @Test
  void anEventReachesEveryNodeListenerOnBothNodesAndAOnceListenerOnlyWhereItHappened() {
    long club = a.get(SpaceStore.class).bySlug("coding-club").orElseThrow().id();
    long ben = a.get(UserStore.class).byUsername("ben").orElseThrow().id();
    String heard = club + ":" + ben;
    a.get(SpaceStore.class).addMember(club, ben, org.courtyard.api.Role.MEMBER, false);

    assertTrue(list(a, "HEARD").contains(heard), "the once-only listener ran on A, where the change was saved");
    assertTrue(list(a, "HEARD_ON_EVERY_NODE").contains(heard + ":MEMBER"));
    assertTrue(Eventually.within(1_000, () -> list(b, "HEARD_ON_EVERY_NODE").contains(heard + ":MEMBER")),
        "the every-node listener on B heard it, role and all: " + list(b, "HEARD_ON_EVERY_NODE"));
    assertFalse(list(b, "HEARD").contains(heard), "the once-only listener did not run again on B");
  }

  @Test
  void aScheduledJobRunsOnceAcrossBothNodesWhenTheyLookAtTheSameMoment() throws Exception {
    int before = ticks(a) + ticks(b);
    a.advanceClock(java.time.Duration.ofMinutes(61));
    b.advanceClock(java.time.Duration.ofMinutes(61));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> looks = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        CourtyardExtension node = i % 2 == 0 ? a : b;
        looks.add(pool.submit(() -> {
          go.await();
          return node.runDueJobs();
        }));
      }
      go.countDown();
      for (var f : looks) f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(before + 1, ticks(a) + ticks(b), "six looks on two nodes, one run (A ran " + ticks(a) + ", B " + ticks(b) + ")");
  }

  private static int ticks(CourtyardExtension node) throws ReflectiveOperationException {
    var tool = node.get(ToolRegistry.class).tool("lifecycle").orElseThrow();
    return ((java.util.concurrent.atomic.AtomicInteger) tool.loader().loadClass(org.courtyard.core.it.fixtures.LifecycleTool.class.getName())
        .getField("TICKS").get(null)).get();
  }

  /** A list the echo plugin keeps, as loaded on that node (each node has its own plugin class loader). */
  @SuppressWarnings("unchecked")
  private static List<String> list(CourtyardExtension node, String field) {
    var tool = node.get(ToolRegistry.class).tool("echo").orElseThrow();
    try {
      return (List<String>) tool.loader().loadClass(EchoTool.class.getName()).getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }


  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
