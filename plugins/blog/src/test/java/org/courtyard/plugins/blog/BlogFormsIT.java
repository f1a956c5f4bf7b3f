package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refused blog forms come back (422) with the message and what was typed, saving nothing; and scheduled posts appear at their time. */
class BlogFormsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void aPostWithoutATitleOrWithABadTimeComesBackWithTheText() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response r = amira.post("/s/2-willow/blog/posts", Map.of("title", "", "body", "<p>Our class won the quiz</p>", "action", "publish", "publishAt", ""));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Give the post a title."), r.body());
    assertTrue(r.contains("Our class won the quiz"), "the text is kept");
    TestClient.Response when = amira.post("/s/2-willow/blog/posts", Map.of("title", "Quiz", "body", "<p>Our class won the quiz</p>", "action", "schedule",
        "publishAt", "next tuesday"));
    assertEquals(422, when.status(), when.body());
    assertTrue(when.contains("Choose the date and time to publish it."));
    assertTrue(when.contains("value=\"Quiz\""), "the title is kept");
    assertFalse(amira.get("/s/2-willow/blog/drafts").contains("won the quiz"), "nothing was saved");
    assertFalse(courtyard.signIn("mrs.patel").get("/s/2-willow/blog/drafts").contains("Quiz"));
  }

  @Test
  void aFileThatIsNotAPictureOrASoundIsRefusedWithNothingSaved() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.postFile("/s/5-oak/blog/posts", Map.of("title", "Homework", "body", "<p>Here it is</p>", "action", "publish", "publishAt", ""),
        "media", "homework.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("homework.png is not a picture"), r.body());
    assertTrue(r.contains("Here it is"), "the text is kept");
    assertFalse(courtyard.signIn("mrs.patel").get("/s/5-oak/blog").contains("Homework"), "nothing was posted");
  }

  @Test
  void anEmptyCommentIsRefusedOnThePostsOwnPage() {
    String post = BlogIT.write(courtyard.signIn("mrs.patel"), "5-oak", "Sports day", "<p>Races at 2pm</p>", "publish", "");
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.post(post + "/comments", Map.of("body", ""));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Write your comment first."));
    assertTrue(r.contains("Races at 2pm"), "shown on the post's page");
    TestClient.Response tooLong = chloe.post(post + "/comments", Map.of("body", "Go team! " + "x".repeat(5000)));
    assertEquals(422, tooLong.status());
    assertTrue(tooLong.contains("Go team! xxx"), "the text is kept");
    assertTrue(chloe.get(post).contains("No comments yet."), "nothing was saved");
  }

  @Test
  void aScheduledPostIsPublishedAtItsTimeAndItsWriterIsTold() {
    TestClient amira = courtyard.signIn("amira");
    String later = LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16);
    String post = BlogIT.write(amira, "2-willow", "Book week", "<p>Dress up as a character</p>", "schedule", later);
    assertEquals(404, courtyard.signIn("ben").get(post).status());
    assertTrue(amira.get("/s/2-willow/blog/drafts").contains("Book week"));

    courtyard.advanceClock(Duration.ofDays(3));
    courtyard.runDueJobs();

    TestClient ben = courtyard.signIn("ben");
    assertEquals(200, ben.get(post).status());
    assertTrue(ben.get("/s/2-willow/blog").contains("Book week"));
    TestClient amiraAgain = courtyard.signIn("amira");
    assertFalse(amiraAgain.get("/s/2-willow/blog/drafts").contains("Book week"), "no longer waiting");
    assertTrue(amiraAgain.get("/notifications").contains("Your post “Book week” is now on the blog"));
  }
}
