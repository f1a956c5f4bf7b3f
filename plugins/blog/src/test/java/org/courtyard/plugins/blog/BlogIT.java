package org.courtyard.plugins.blog;

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

class BlogIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String write(TestClient who, String space, String title, String body, String action, String at) {
    TestClient.Response r = who.post("/s/" + space + "/blog/posts", Map.of("title", title, "body", body, "action", action, "publishAt", at));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void aDraftIsInvisibleUntilPublished() {
    TestClient amira = courtyard.signIn("amira");
    String post = write(amira, "2-willow", "My pet frog", "<p>He is green</p>", "draft", "");
    TestClient ben = courtyard.signIn("ben");
    assertEquals(404, ben.get(post).status());
    assertFalse(ben.get("/s/2-willow/blog").contains("My pet frog"));
    assertTrue(amira.get(post).contains("Draft"));
    assertTrue(courtyard.signIn("mrs.patel").get("/s/2-willow/blog/drafts").contains("My pet frog"), "teachers see drafts");
    assertEquals(303, amira.post(post, Map.of("title", "My pet frog", "body", "<p>He is green</p>", "action", "publish", "publishAt", "")).status());
    assertEquals(200, ben.get(post).status());
    assertTrue(ben.get("/s/2-willow/blog").contains("My pet frog"));
  }

  @Test
  void aScheduledPostWaitsForItsTime() {
    TestClient amira = courtyard.signIn("amira");
    String later = LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString();
    String post = write(amira, "2-willow", "Sports day", "<p>Coming soon</p>", "schedule", later.substring(0, 16));
    assertEquals(404, courtyard.signIn("ben").get(post).status());
    assertTrue(amira.get(post).contains("Scheduled"));
  }

  @Test
  void scriptInPostsAndCommentsNeverReachesThePage() {
    TestClient chloe = courtyard.signIn("chloe");
    String post = write(chloe, "5-oak", "Tricks", "<p>Hello <b>class</b></p><script>alert(1)</script><a href=\"javascript:alert(2)\">click</a><img src=x onerror=alert(3)>", "publish", "");
    chloe.post(post + "/comments", Map.of("body", "<script>alert(4)</script>nice"));
    TestClient.Response page = courtyard.signIn("mrs.patel").get(post);
    assertTrue(page.contains("<b>class</b>"), page.body());
    assertFalse(page.contains("<script>alert"), "no script");
    assertFalse(page.contains("javascript:alert"));
    assertFalse(page.contains("onerror"));
    assertTrue(page.contains("&lt;script&gt;alert(4)&lt;/script&gt;nice"), "comments are plain text, escaped");
  }

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

  @Test
  void aPictureFromAnotherServerIsLeftOutAndAnUploadedOneShows() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.postFile("/s/5-oak/blog/posts", Map.of("title", "My drawing", "action", "publish", "publishAt", "",
        "body", "<p>Look at my drawing</p><img src=\"https://tracker.example/p.gif\" alt=\"\"><img src=\"//tracker.example/q.gif\">"),
        "media", "drawing.png", "image/png", PNG);
    assertEquals(303, r.status(), r.body());
    TestClient.Response page = courtyard.signIn("mrs.patel").get(r.location());
    assertTrue(page.contains("Look at my drawing"), page.body());
    assertFalse(page.contains("tracker.example"), "the reader's browser is never sent to another server: " + page.body());
    Matcher m = Pattern.compile("<img src=\"(/s/5-oak/blog/media/\\d+)\"").matcher(page.body());
    assertTrue(m.find(), "the uploaded picture is on the page: " + page.body());
    TestClient.Response picture = courtyard.signIn("mrs.patel").get(m.group(1));
    assertEquals(200, picture.status());
    assertEquals("image/png", picture.header("Content-Type"));
  }

  @Test
  void preModeratedCommentsWaitForATeacherAndLearnersCannotModerate() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/2-willow/manage/settings", Map.of("tool", "blog", "blog.comments", "before")).status());
    String post = write(teacher, "2-willow", "Our trip", "<p>We went to the farm</p>", "publish", "");
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(303, parent.post(post + "/comments", Map.of("body", "Amira loved the lambs")).status(), "parents comment on their child's class blog");
    TestClient ben = courtyard.signIn("ben");
    assertFalse(ben.get(post).contains("loved the lambs"));
    TestClient.Response teacherView = teacher.get(post);
    Matcher m = Pattern.compile("/comments/(\\d+)/approve").matcher(teacherView.body());
    assertTrue(m.find(), teacherView.body());
    assertEquals(403, ben.post("/s/2-willow/blog/comments/" + m.group(1) + "/approve", Map.of()).status(), "a learner cannot moderate");
    assertEquals(303, teacher.post("/s/2-willow/blog/comments/" + m.group(1) + "/approve", Map.of()).status());
    assertTrue(ben.get(post).contains("loved the lambs"));
  }

  @Test
  void onlyAPublicBlogHasAFeedAndItHoldsNoDrafts() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    write(teacher, "5-oak", "Term dates", "<p>Back on Monday</p>", "publish", "");
    write(teacher, "5-oak", "Secret plans", "<p>Not yet</p>", "draft", "");
    TestClient visitor = courtyard.anonymous();
    assertEquals(404, visitor.get("/s/5-oak/blog/feed").status(), "not public: no feed");
    assertEquals(303, teacher.post("/s/5-oak/manage/settings", Map.of("tool", "blog", "blog.public", "true")).status());
    TestClient.Response feed = visitor.get("/s/5-oak/blog/feed");
    assertEquals(200, feed.status());
    assertTrue(feed.header("Content-Type").startsWith("application/atom+xml"));
    assertTrue(feed.contains("<title>Term dates</title>"));
    assertFalse(feed.contains("Secret plans"));
    assertEquals(303, visitor.get("/s/5-oak/blog").status(), "the blog itself still needs sign-in");
  }

  @Test
  void aLearnersOwnBlogIsReadByTheirParentButNotByOtherLearners() {
    TestClient amira = courtyard.signIn("amira");
    String post = write(amira, "~amira", "My diary", "<p>Today I learned to swim</p>", "publish", "");
    assertTrue(courtyard.signIn("mr.khan").get(post).contains("learned to swim"));
    assertEquals(403, courtyard.signIn("ben").get(post).status());
  }
}
