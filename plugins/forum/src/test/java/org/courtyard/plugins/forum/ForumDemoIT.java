package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo school shows the forum in use: a discussion in each class, and a learner's post waiting for the teacher. */
class ForumDemoIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String page(String who, String path) {
    TestClient.Response r = courtyard.signIn(who).get(path);
    assertEquals(200, r.status(), r.body());
    return r.body().replace("&#x27;", "'");
  }

  @Test
  void theTeacherHasALearnersPostToModerate() {
    String home = page("mrs.patel", "/");
    assertTrue(home.contains("1 to moderate"), home);
    assertTrue(home.contains("/s/2-willow/forum/moderation") && home.contains("/s/5-oak/forum/moderation"), home);
    String queue = page("mrs.patel", "/s/2-willow/forum/moderation");
    assertTrue(queue.contains("I live at 14 Elm Road"), queue);
    assertTrue(queue.contains("Ben Okafor"), queue);
    String notices = page("mrs.patel", "/notifications");
    assertTrue(notices.contains("A post by Ben Okafor in “Names for our class hamster” waits for you to approve it"), notices);
    assertTrue(notices.contains("New reply in “Names for our class hamster”"), notices);
  }

  @Test
  void learnersSeeTheDiscussionButNotTheHeldPost() {
    String forum = page("ben", page("ben", "/s/2-willow/forum").replaceAll("(?s).*href=\"(/s/2-willow/forum/f/\\d+)\".*", "$1"));
    assertTrue(forum.contains("Names for our class hamster"), forum);
    String link = forum.replaceAll("(?s).*href=\"(/s/2-willow/forum/d/\\d+)\".*", "$1");
    String amira = page("amira", link);
    assertTrue(amira.contains("What should we call her?"), amira);
    assertTrue(amira.contains("call her Nibbles"), amira);
    assertFalse(amira.contains("14 Elm Road"), "waiting for the teacher, not shown to the class");
    String oak = page("chloe", "/s/5-oak/forum");
    assertTrue(page("chloe", oak.replaceAll("(?s).*href=\"(/s/5-oak/forum/f/\\d+)\".*", "$1")).contains("Names for our class hamster"));
  }
}
