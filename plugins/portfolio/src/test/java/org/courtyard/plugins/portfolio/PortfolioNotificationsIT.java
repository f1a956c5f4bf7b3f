package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portfolio tells people what they expect, each by a kind they choose how to receive: a comment on
 * a learner's collection reaches the learner, and a teacher's comment reaches the learner's parents too,
 * but only on a collection already shown to parents. Never the one who wrote it.
 */
class PortfolioNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String AMIRA = "/s/~amira/portfolio";

  /** Amira's mother, who chose Polish. */
  static TestPerson mum;

  @BeforeAll
  static void aSecondParentWhoReadsPolish() {
    TestSchool school = courtyard.school();
    mum = school.addParentOf(school.person("amira"), "Ewa Khan");
    assertEquals(303, mum.signIn().post("/language", Map.of("language", "pl", "back", "/")).status());
  }

  static String collection(String title, String visibility) {
    TestClient.Response r = courtyard.signIn("amira").post(AMIRA + "/collections", Map.of("title", title, "visibility", visibility, "comments", "on"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String notices(String who) {
    return courtyard.signIn(who).get("/notifications").body();
  }

  @Test
  void aTeachersCommentReachesTheLearnerAndTheParentsWhoSeeTheCollection() {
    String poems = collection("My poems", "PARENTS");
    assertEquals(303, courtyard.signIn("mrs.patel").post(poems + "/comments", Map.of("body", "Such vivid words")).status());
    assertTrue(notices("amira").contains("Priya Patel commented on “My poems”"), notices("amira"));
    assertTrue(notices("mr.khan").contains("Priya Patel commented on “My poems” in Amira Khan&#x27;s portfolio"), notices("mr.khan"));
    String polish = mum.signIn().get("/notifications").body();
    assertTrue(polish.contains("Nowy komentarz nauczyciela do „My poems” w portfolio dziecka: Amira Khan (autor: Priya Patel)"), polish);
    assertFalse(notices("mrs.patel").contains("My poems"), "not the teacher who wrote it");
  }

  @Test
  void parentsAreNotToldOfACollectionTheyCannotSee() {
    String targets = collection("My targets", "TEACHERS");
    assertEquals(303, courtyard.signIn("mrs.patel").post(targets + "/comments", Map.of("body", "Keep practising")).status());
    assertTrue(notices("amira").contains("Priya Patel commented on “My targets”"));
    assertFalse(notices("mr.khan").contains("My targets"), "the collection is not shown to parents");
    assertFalse(mum.signIn().get("/notifications").contains("My targets"));
  }

  @Test
  void aParentsCommentReachesTheLearnerOnly() {
    String art = collection("My art", "PARENTS");
    assertEquals(303, courtyard.signIn("mr.khan").post(art + "/comments", Map.of("body", "Beautiful colours")).status());
    assertTrue(notices("amira").contains("Imran Khan commented on “My art”"));
    assertFalse(notices("mr.khan").contains("My art"), "not the parent who wrote it");
    assertFalse(mum.signIn().get("/notifications").contains("My art"), "only a teacher's comment goes to the other parents");
    assertFalse(notices("mrs.patel").contains("My art"));
  }

  @Test
  void aTeachersCommentOnAStaffOnlyPlanReachesTheParentsNotTheLearner() {
    TestClient.Response made = courtyard.signIn("mrs.patel").post(AMIRA + "/collections",
        Map.of("title", "Reading plan", "visibility", "SCHOOL", "staff-only", "on"));
    assertEquals(303, made.status(), made.body());
    assertEquals(303, courtyard.signIn("mrs.patel").post(made.location() + "/comments", Map.of("body", "Ten minutes a night")).status());
    assertTrue(notices("mr.khan").contains("Priya Patel commented on “Reading plan” in Amira Khan&#x27;s portfolio"), notices("mr.khan"));
    assertFalse(notices("amira").contains("Reading plan"), "the learner does not see a staff-only plan");
  }

  @Test
  void eachKindIsOnThePersonsChoiceOfHowItReachesThem() {
    TestClient.Response page = courtyard.signIn("mr.khan").get("/account/notifications");
    assertTrue(page.contains("Portfolio: A comment on your collection") && page.contains("Portfolio: A teacher&#x27;s comment on your child&#x27;s work"), page.body());
    TestClient.Response welsh = courtyard.signIn("amira").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Portffolio: Sylw ar eich casgliad") && welsh.contains("Portffolio: Sylw gan athro ar waith eich plentyn"), welsh.body());
    TestClient.Response polish = mum.signIn().get("/account/notifications");
    assertTrue(polish.contains("Portfolio: Komentarz nauczyciela do pracy Twojego dziecka"), polish.body());
  }
}
