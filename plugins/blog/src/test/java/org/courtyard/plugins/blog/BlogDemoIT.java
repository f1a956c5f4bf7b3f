package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo school shows the blog in use: the teacher's post with a learner's comment, and another comment waiting for approval. */
class BlogDemoIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String page(String who, String path) {
    TestClient.Response r = courtyard.signIn(who).get(path);
    assertEquals(200, r.status(), r.body());
    return r.body().replace("&#x27;", "'");
  }

  static String postLink(String who, String cls) {
    String blog = page(who, "/s/" + cls + "/blog");
    assertTrue(blog.contains("Our visit to Meadow Farm"), blog);
    return blog.replaceAll("(?s).*href=\"(/s/" + cls + "/blog/posts/\\d+)\"[^>]*>Our visit to Meadow Farm.*", "$1");
  }

  @Test
  void theTeacherHasACommentToApprove() {
    String home = page("mrs.patel", "/");
    assertTrue(home.contains("Our visit to Meadow Farm"), home);
    assertTrue(home.contains("1 to moderate"), home);
    String post = page("mrs.patel", postLink("mrs.patel", "2-willow"));
    assertTrue(post.contains("I liked the piglets best"), post);
    String notices = page("mrs.patel", "/notifications");
    assertTrue(notices.contains("A comment by Ben Okafor on “Our visit to Meadow Farm” waits for you to approve it"), notices);
    assertTrue(notices.contains("Amira Khan commented on your post “Our visit to Meadow Farm”"), notices);
  }

  @Test
  void learnersReadThePostAndTheShownCommentOnly() {
    String post = page("amira", postLink("amira", "2-willow"));
    assertTrue(post.contains("What a brilliant day we had at Meadow Farm!"), post);
    assertTrue(post.contains("one sucked my finger"), post);
    assertFalse(post.contains("I liked the piglets best"), "waiting for the teacher");
    assertFalse(page("amira", "/s/2-willow/blog").contains("Our class assembly"), "scheduled: not on the blog yet");
    assertTrue(page("chloe", postLink("chloe", "5-oak")).contains("What a brilliant day"));
  }
}
