package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.courtyard.api.Role;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the forum says is waiting, through the core's agenda after real posts, reports and moderation. */
class ForumAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @BeforeAll
  static void setUp() {
    TestSchool school = courtyard.school();
    school.space("coding-club").addMember(school.person("ben"), Role.MEMBER);
    school.space("5-oak").addMember(school.person("ben"), Role.MEMBER);
    school.space("5-oak").addMember(school.person("amira"), Role.MEMBER);
  }

  /** The teacher makes a forum in a space (through this class's Courtyard); returns its path. */
  static String forum(String space, String title, boolean qa) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/" + space + "/forum/forums", Map.of("title", title, "layout", "threaded"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  /** The forum's to-moderate items for the person, for the forum with this title. */
  static List<Waiting> toModerate(String username, String forumTitle) {
    return courtyard.waitingFor(username).stream()
        .filter(w -> w.kind() == Waiting.Kind.TO_MODERATE && forumTitle.equals(w.title())).toList();
  }

  @Test
  void aHeldPostWaitsForTheTeacherUntilApprovedAndLearnersSeeNoneOfIt() {
    String f = forum("coding-club", "Agenda club chat", false);
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());
    try {
      assertTrue(toModerate("mrs.patel", "Agenda club chat").isEmpty(), "nothing waits before anyone posts");
      String d = ForumIT.start(courtyard.signIn("chloe"), f, "Sprites", "How do I add a sprite?");

      List<Waiting> waiting = toModerate("mrs.patel", "Agenda club chat");
      assertEquals(1, waiting.size(), waiting.toString());
      Waiting w = waiting.get(0);
      assertEquals(1, w.count());
      assertEquals("coding-club", w.space().slug());
      assertEquals("/s/coding-club/forum/moderation", w.url());
      assertTrue(w.oldest() != null);
      assertTrue(teacher.get(w.url()).contains("How do I add a sprite?"), "the link leads to the post");

      assertTrue(toModerate("chloe", "Agenda club chat").isEmpty(), "the author has nothing to moderate");
      assertTrue(toModerate("ben", "Agenda club chat").isEmpty(), "another learner neither");

      ForumIT.start(courtyard.signIn("ben"), f, "Loops", "What is a forever loop?");
      assertEquals(2, toModerate("mrs.patel", "Agenda club chat").get(0).count(), "two posts wait, counted in one item");

      long post = ForumIT.lastPostId(teacher.get(d).body());
      assertEquals(303, teacher.post("/s/coding-club/forum/p/" + post + "/approve", Map.of("back", "queue")).status());
      assertEquals(1, toModerate("mrs.patel", "Agenda club chat").get(0).count(), "the approved one leaves");
      long other = ForumIT.lastPostId(teacher.get("/s/coding-club/forum/moderation").body());
      assertEquals(303, teacher.post("/s/coding-club/forum/p/" + other + "/approve", Map.of("back", "queue")).status());
      assertTrue(toModerate("mrs.patel", "Agenda club chat").isEmpty(), "approving clears it");
    } finally {
      teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "after"));
    }
  }

  @Test
  void aReportedPostWaitsUntilTheReportIsDealtWith() {
    String f = forum("5-oak", "Agenda oak talk", false);
    TestClient chloe = courtyard.signIn("chloe");
    String d = ForumIT.start(chloe, f, "Trip", "The trip was boring");
    assertTrue(toModerate("mrs.patel", "Agenda oak talk").isEmpty(), "a post shown at once waits for nobody");
    long post = ForumIT.lastPostId(chloe.get(d).body());
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.post("/s/5-oak/forum/p/" + post + "/report", Map.of("reason", "Rude")).status());
    assertEquals(303, courtyard.signIn("amira").post("/s/5-oak/forum/p/" + post + "/report", Map.of("reason", "Mean")).status());

    List<Waiting> waiting = toModerate("mrs.patel", "Agenda oak talk");
    assertEquals(1, waiting.size(), waiting.toString());
    assertEquals(1, waiting.get(0).count(), "one post, however many reports");
    assertTrue(toModerate("ben", "Agenda oak talk").isEmpty(), "the reporter has nothing to moderate");

    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/5-oak/forum/p/" + post + "/dismiss", Map.of()).status());
    assertTrue(toModerate("mrs.patel", "Agenda oak talk").isEmpty(), "dismissing the reports clears it");
  }
}
