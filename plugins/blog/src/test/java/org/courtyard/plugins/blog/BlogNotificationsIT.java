package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blog tells people what they expect, each by a kind they choose how to receive: a comment on their
 * post, a comment waiting for those who approve, their comment approved. Never the one who did it.
 */
class BlogNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String write(TestClient who, String space, String title) {
    TestClient.Response r = who.post("/s/" + space + "/blog/posts", Map.of("title", title, "body", "<p>" + title + "</p>", "action", "publish", "publishAt", ""));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String notices(String who) {
    return courtyard.signIn(who).get("/notifications").body();
  }

  @Test
  void aPostsWriterHearsOfEachCommentButNotOfTheirOwn() {
    String post = write(courtyard.signIn("chloe"), "5-oak", "Pond dipping");
    assertEquals(303, courtyard.signIn("mrs.patel").post(post + "/comments", Map.of("body", "What did you find?")).status());
    assertTrue(notices("chloe").contains("Priya Patel commented on your post “Pond dipping”"), notices("chloe"));
    assertFalse(notices("mrs.patel").contains("Pond dipping"), "not the one who commented");

    assertEquals(303, courtyard.signIn("chloe").post(post + "/comments", Map.of("body", "A newt!")).status());
    assertFalse(notices("chloe").contains("Chloe Smith commented"), "not told of their own comment");
  }

  @Test
  void aHeldCommentIsToldToThoseWhoApproveAndItsApprovalToItsWriterInTheirLanguage() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/2-willow/manage/settings", Map.of("tool", "blog", "blog.comments", "before")).status());
    String post = write(courtyard.signIn("amira"), "2-willow", "My sunflower");
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(303, parent.post("/language", Map.of("language", "pl", "back", "/")).status());
    assertEquals(303, parent.post(post + "/comments", Map.of("body", "So tall!")).status());

    assertTrue(notices("mrs.patel").contains("A comment by Imran Khan on “My sunflower” waits for you to approve it"), notices("mrs.patel"));
    assertFalse(notices("amira").contains("My sunflower"), "the writer hears of it once others can read it");
    assertFalse(notices("ben").contains("My sunflower"), "a learner does not approve comments");
    assertFalse(courtyard.signIn("mr.khan").get("/notifications").contains("My sunflower"), "not the one who commented");

    TestClient.Response teacherView = teacher.get(post);
    Matcher m = Pattern.compile("/comments/(\\d+)/approve").matcher(teacherView.body());
    assertTrue(m.find(), teacherView.body());
    assertEquals(303, teacher.post("/s/2-willow/blog/comments/" + m.group(1) + "/approve", Map.of()).status());

    String khan = courtyard.signIn("mr.khan").get("/notifications").body();
    assertTrue(khan.contains("Twój komentarz do wpisu „My sunflower” został zatwierdzony"), "in the language he chose: " + khan);
    assertTrue(notices("amira").contains("Imran Khan commented on your post “My sunflower”"), notices("amira"));
    assertFalse(notices("mrs.patel").contains("was approved") || notices("mrs.patel").contains("commented on your post"), "not the teacher who approved it");
  }

  @Test
  void eachKindIsOnThePersonsChoiceOfHowItReachesThem() {
    TestClient.Response page = courtyard.signIn("mrs.patel").get("/account/notifications");
    assertTrue(page.contains("Blog: Your scheduled post is on the blog") && page.contains("Blog: A comment on your post")
        && page.contains("Blog: A comment waits for you to approve it") && page.contains("Blog: Your comment was approved"), page.body());
    TestClient.Response welsh = courtyard.signIn("amira").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Blog: Sylw ar eich postiad") && welsh.contains("Blog: Sylw sy&#x27;n aros i chi ei gymeradwyo")
        && welsh.contains("Blog: Mae eich sylw wedi&#x27;i gymeradwyo") && welsh.contains("Blog: Postiad a drefnoch chi ymlaen llaw yn ymddangos ar y blog"), welsh.body());
    TestClient.Response urdu = courtyard.signIn("ben").header("Accept-Language", "ur").get("/account/notifications");
    assertTrue(urdu.contains("بلاگ: آپ کا تبصرہ منظور ہو گیا"), urdu.body());
  }
}
