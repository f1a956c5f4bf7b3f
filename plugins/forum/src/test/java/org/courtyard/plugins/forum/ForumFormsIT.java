package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A refused form comes back (422) with its message and what was typed, and saves nothing; and the forum's morning reminder. */
class ForumFormsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String forum(String space, String title) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/" + space + "/forum/forums", Map.of("title", title, "layout", "threaded"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void aDiscussionWithoutATitleIsShownAgainWithTheMessageAndTheText() {
    String f = forum("2-willow", "Book club");
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response r = amira.post(f + "/discussions", Map.of("title", "", "body", "My favourite book is about dragons"));
    assertEquals(422, r.status());
    assertTrue(r.contains("Give your discussion a title."), r.body());
    assertTrue(r.contains("My favourite book is about dragons"), "the text is kept");
    assertFalse(courtyard.signIn("mrs.patel").get(f).contains("dragons"), "nothing was saved");
    assertFalse(courtyard.signIn("mrs.patel").get("/s/2-willow/forum/search?q=dragons").contains("My favourite"));
  }

  @Test
  void aReplyToAPostThatIsNotThereIsRefusedNotACrash() {
    String f = forum("2-willow", "Questions");
    TestClient amira = courtyard.signIn("amira");
    String d = ForumIT.start(amira, f, "Homework", "When is it due?");
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response bad = ben.post(d + "/replies", Map.of("parent", "abc", "body", "On Friday I think"));
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.contains("Replying to: &#x27;abc&#x27; is not a whole number.") || bad.contains("is not a whole number"), bad.body());
    assertTrue(bad.contains("On Friday I think"));
    TestClient.Response elsewhere = ben.post(d + "/replies", Map.of("parent", "999999", "body", "On Friday I think"));
    assertEquals(422, elsewhere.status());
    assertTrue(elsewhere.contains("That post is not in this discussion."), elsewhere.body());
    assertFalse(amira.get(d).contains("On Friday I think"), "nothing was saved");
  }

  @Test
  void aForumWithoutANameAndAHidingWithoutAReasonAreRefused() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.post("/s/5-oak/forum/forums", Map.of("title", "", "description", "For our trip to the zoo", "layout", "flat"));
    assertEquals(422, r.status());
    assertTrue(r.contains("Name: this cannot be left empty."), r.body());
    assertTrue(r.contains("value=\"For our trip to the zoo\""), "the description is kept");

    String f = forum("5-oak", "Zoo trip");
    String d = ForumIT.start(courtyard.signIn("chloe"), f, "Penguins", "The penguins were the best part");
    long post = ForumIT.lastPostId(teacher.get(d).body());
    TestClient.Response hide = teacher.post("/s/5-oak/forum/p/" + post + "/hide", Map.of("reason", ""));
    assertEquals(422, hide.status());
    assertTrue(hide.contains("Say why the post is hidden"), hide.body());
    assertTrue(courtyard.signIn("chloe").get(d).contains("The penguins were the best part"), "still shown");
    assertFalse(teacher.get(d).contains("Hidden by a teacher"));
  }

  @Test
  void teachersAreToldEachMorningAboutPostsWaitingForThem() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());
    String f = forum("coding-club", "Robots");
    String d = ForumIT.start(courtyard.signIn("chloe"), f, "Wheels", "How many wheels should my robot have?");
    assertTrue(courtyard.signIn("chloe").get(d).contains("Waiting for a teacher"));
    assertFalse(teacher.get("/notifications").contains("wait for a teacher") || teacher.get("/notifications").contains("waits for a teacher"));

    courtyard.advanceClock(Duration.ofDays(1));
    courtyard.runDueJobs();

    TestClient.Response notes = courtyard.signIn("mrs.patel").get("/notifications");
    assertTrue(notes.contains("1 forum post waits for a teacher in"), notes.body());
    assertTrue(notes.contains("/s/coding-club/forum/moderation"), "it links to the queue");
    assertFalse(courtyard.signIn("chloe").get("/notifications").contains("waits for a teacher"), "learners are not told");
  }
}
