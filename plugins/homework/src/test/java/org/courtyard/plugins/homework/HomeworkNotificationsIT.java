package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Homework tells people what they are waiting for, each by a kind they choose how to receive: teachers
 * when work is handed in (late as its own kind), learners and their parents when it comes back marked
 * and when new homework is set. Never the person who did it, never anyone else.
 */
class HomeworkNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String set(String title, LocalDateTime due) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/2-willow/homework/tasks",
        Map.of("title", title, "instructions", "", "due", due.withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  /** The notifications page's text, with Handlebars' escaped apostrophe put back. */
  static String notices(String username) {
    TestClient.Response r = courtyard.signIn(username).get("/notifications");
    assertEquals(200, r.status());
    return r.body().replace("&#x27;", "'");
  }

  @Test
  void aTeacherIsToldOfEachHandInAndOfALateOneInItsOwnWords() {
    String onTime = set("Pond life", LocalDateTime.now().plusDays(2));
    assertEquals(303, courtyard.signIn("amira").post(onTime + "/hand-in", Map.of("body", "Frogspawn", "link", "")).status());
    String teacher = notices("mrs.patel");
    assertTrue(teacher.contains("Amira Khan handed in “Pond life”<"), teacher);
    assertFalse(teacher.contains("Amira Khan handed in “Pond life” late"), "on time");
    Matcher link = Pattern.compile("href=\"(" + Pattern.quote(onTime) + "/s/\\d+)\">Amira Khan handed in").matcher(teacher);
    assertTrue(link.find(), "the notice links to the work to mark: " + teacher);
    assertTrue(courtyard.signIn("mrs.patel").get(link.group(1)).contains("Frogspawn"));
    assertFalse(notices("amira").contains("handed in “Pond life”"), "not the learner who handed it in");
    assertFalse(notices("ben").contains("handed in “Pond life”"), "not another learner");
    assertFalse(notices("mr.khan").contains("handed in “Pond life”"), "not a parent");

    String late = set("Minibeasts", LocalDateTime.now().minusHours(2));
    assertEquals(303, courtyard.signIn("ben").post(late + "/hand-in", Map.of("body", "A woodlouse", "link", "")).status());
    assertTrue(notices("mrs.patel").contains("Ben Okafor handed in “Minibeasts” late"), notices("mrs.patel"));
    assertFalse(notices("ben").contains("Ben Okafor handed in"));
  }

  @Test
  void returnedWorkReachesTheLearnerAndHerParentAndNoOneElse() {
    String task = set("Seasons", LocalDateTime.now().plusDays(2));
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "Autumn leaves fall", "link", "")).status());
    assertEquals(303, courtyard.signIn("ben").post(task + "/hand-in", Map.of("body", "Winter is cold", "link", "")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    String sub = HomeworkIT.submissionLink(amira, task);
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Beautiful leaves", "action", "save")).status());
    assertFalse(notices("amira").contains("Your “Seasons” is marked"), "saved, not returned: nobody is told yet");
    assertFalse(notices("mr.khan").contains("“Seasons” is marked"));

    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Beautiful leaves", "action", "return")).status());
    assertTrue(notices("amira").contains("href=\"" + sub + "\">Your “Seasons” is marked"), notices("amira"));
    String parent = notices("mr.khan");
    Matcher link = Pattern.compile("href=\"([^\"]+)\">Amira Khan's “Seasons” is marked").matcher(parent);
    assertTrue(link.find(), "her father is told: " + parent);
    TestClient.Response opened = courtyard.signIn("mr.khan").get(link.group(1));
    assertEquals(200, opened.status(), "the parent may open what the notice links to");
    assertTrue(opened.contains("Beautiful leaves"), "and sees the mark and comment there");
    assertFalse(notices("ben").contains("“Seasons” is marked"), "Ben's work was not returned");
    assertFalse(notices("chloe").contains("“Seasons” is marked"));
    assertFalse(notices("mrs.patel").contains("“Seasons” is marked"), "not the teacher who returned it");
    assertFalse(notices("ict.leader").contains("“Seasons” is marked"));
  }

  @Test
  void newHomeworkReachesTheClassAndTheirParentsButNotTheTeacherWhoSetIt() {
    String task = set("Shadows", LocalDateTime.now().plusDays(3));
    assertTrue(notices("amira").contains("href=\"" + task + "\">New homework: Shadows<"), notices("amira"));
    assertTrue(notices("ben").contains("New homework: Shadows<"));
    String parent = notices("mr.khan");
    assertTrue(parent.contains("href=\"" + task + "\">New homework for Amira Khan: “Shadows”<"), parent);
    assertFalse(parent.contains("Ben Okafor: “Shadows”"), "not another family's child");
    assertEquals(200, courtyard.signIn("mr.khan").get(task).status(), "the parent may open the task");
    assertFalse(notices("chloe").contains("Shadows"), "another class");
    assertFalse(notices("mrs.patel").contains("Shadows"), "not the teacher who set it");
  }

  @Test
  void theKindsAreThereToChooseForATeacherAndAParentInTheirLanguage() {
    String english = courtyard.signIn("mrs.patel").get("/account/notifications").body().replace("&#x27;", "'");
    for (String kind : new String[] {"Homework: A learner hands in work", "Homework: A learner hands in work late",
        "Homework: A task you set reaches its due time", "Homework: Your child's work is marked and given back"}) {
      assertTrue(english.contains(kind), kind + " in " + english);
    }
    TestClient.Response welsh = courtyard.signIn("mrs.patel").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Gwaith cartref: Disgybl yn cyflwyno gwaith<"), welsh.body());
    assertTrue(welsh.contains("Gwaith cartref: Disgybl yn cyflwyno gwaith yn hwyr<"), welsh.body());
    for (org.courtyard.api.NotificationKind k : new HomeworkTool().info().notifications()) {
      assertTrue(english.contains("Homework: " + k.description()), "every kind declared is offered: " + k);
      assertFalse(welsh.body().replace("&#x27;", "'").contains(k.description()), "each has its Welsh words: " + k);
    }

    TestClient.Response arabic = courtyard.signIn("mr.khan").header("Accept-Language", "ar").get("/account/notifications");
    assertTrue(arabic.contains("الواجبات المنزلية: تصحيح عمل طفلك وإعادته"), arabic.body());
    assertTrue(arabic.contains("الواجبات المنزلية: تم تكليف طفلك بواجب منزلي جديد"), arabic.body());
    TestClient.Response welshParent = courtyard.signIn("mr.khan").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welshParent.body().replace("&#x27;", "'").contains("Gwaith cartref: Gwaith eich plentyn wedi'i farcio a'i roi yn ôl"), welshParent.body());
  }
}
