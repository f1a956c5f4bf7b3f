package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.it.fixtures.FaultyTool;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** What the testkit gives plugin tests: fixtures instead of the core's classes, and the server's log when something breaks. */
class TestkitIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("faulty").extension(FaultyTool.class).with(FaultyTool.FaultyRoutes.class));

  @Test
  void peopleAndSpacesMadeByTheTestkitSignInAndBelong() {
    TestSchool school = courtyard.school();
    assertEquals("oakfield", school.slug());
    long people = school.peopleCount();
    TestSpace art = school.addClass("Art club");
    assertEquals("art-club", art.slug());
    assertEquals(Optional.of(school.asSpace()), art.parent());
    TestPerson zara = school.addLearner("Zara Ahmed");
    TestPerson teacher = school.addTeacher("Tom Teach");
    art.addMember(zara, Role.MEMBER).addMember(teacher, Role.TEACHER).addTool("faulty");
    assertEquals(people + 2, school.peopleCount());
    assertEquals(UserKind.LEARNER, zara.kind());
    assertEquals(Optional.of(Role.MEMBER), art.roleOf(zara));
    assertEquals(Map.of(art, Role.TEACHER), teacher.memberships());
    assertTrue(art.tools().contains("faulty"));
    assertTrue(zara.personalSpace().isPresent(), "a personal space, as for any new account");

    TestClient browser = zara.signIn();
    assertTrue(browser.get("/").contains("Art club"), "she sees her class on her home page");
    assertEquals(200, teacher.signIn().get(art.url()).status());

    TestPerson mum = school.addParentOf(zara);
    TestPerson gran = school.addCarerOf(zara, "Nadia Ahmed", "Grandmother", Relationships.CarerLevel.VIEW_ONLY);
    assertEquals(List.of(zara), mum.children());
    assertEquals(2, zara.parents().size());
    assertTrue(zara.parents().contains(gran));
    assertEquals(200, mum.signIn().get("/").status());

    TestPerson chloe = school.person("chloe");
    assertEquals(200, chloe.signIn().get("/").status(), "the demo accounts' passwords are known");
    assertFalse(chloe.memberships().isEmpty(), "the demo learner is in her class");
    assertNotEquals(zara, chloe);
  }

  @Test
  void theDatabaseAnswersPlainSql() {
    TestPerson ben = courtyard.school().person("ben");
    assertEquals(1, courtyard.database().count("SELECT COUNT(*) FROM users WHERE username = ?", "ben"));
    assertEquals(Optional.of(ben.id()), courtyard.database().value("SELECT id FROM users WHERE username = ?", "ben").map(v -> ((Number) v).longValue()));
    assertEquals("Ben Okafor", courtyard.database().row("SELECT display_name FROM users WHERE id = ?", ben.id()).orElseThrow().get("display_name"));
    assertTrue(courtyard.database().rows("SELECT id FROM users WHERE username = ?", "nobody").isEmpty());
  }

  @Test
  void theServersClockIsReadAndMovedOn() {
    java.time.Instant before = courtyard.now();
    courtyard.advanceClock(java.time.Duration.ofMinutes(1));
    assertFalse(courtyard.now().isBefore(before.plusSeconds(60)));
  }

  @Test
  void theStackTraceBehindAnErrorPagesReferenceIsInTheLog() {
    TestSpace club = courtyard.school().addClub("Broken club");
    TestPerson owner = courtyard.school().addTeacher("Owen Owner");
    club.addMember(owner, Role.OWNER).addTool("faulty");
    TestClient.Response page = owner.signIn().get(club.url() + "/faulty");
    assertEquals(500, page.status());
    assertTrue(page.contains("reference"), page.body());
    assertFalse(page.contains("marbles"), "the person is not shown the exception");
    List<String> log = courtyard.logFor(page.body().replaceAll("(?s).*(reference [0-9a-f]{8}).*", "$1"));
    String text = String.join("\n", log);
    assertTrue(text.contains("IllegalStateException: the faulty tool lost its marbles"), text);
    assertTrue(text.contains("FaultyTool$FaultyRoutes"), "with the stack trace: " + text);
    assertTrue(courtyard.logFor("0badc0de").isEmpty());
  }

  /** Only run through {@link #aFailedTestPrintsWhatTheServerLogged}; surefire skips nested classes. */
  static volatile boolean runningOnPurpose;

  static class FailsOnPurpose {
    @RegisterExtension
    static final CourtyardExtension inner = CourtyardExtension.withDemoSchool()
        .plugin(PluginJar.fixture("faulty").extension(FaultyTool.class).with(FaultyTool.FaultyRoutes.class));

    @Test
    void pageWorks() {
      Assumptions.assumeTrue(runningOnPurpose);
      inner.school().space("2-willow").addTool("faulty");
      TestClient.Response r = inner.signIn("mrs.patel").get("/s/2-willow/faulty");
      assertEquals(200, r.status(), r.body());
    }
  }

  @Test
  void aFailedTestPrintsWhatTheServerLogged() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    runningOnPurpose = true;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailsOnPurpose.class)).build(), summary);
    } finally {
      System.setErr(before);
      runningOnPurpose = false;
    }
    assertEquals(1, summary.getSummary().getTotalFailureCount(), "the inner test failed, as it should");
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("pageWorks() failed; the server's log follows."), printed);
    assertTrue(printed.contains("The server's log about reference "), printed);
    assertTrue(printed.contains("IllegalStateException: the faulty tool lost its marbles"), printed);
  }
}
