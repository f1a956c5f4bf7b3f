package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forum tells people what they expect, each by a kind they choose how to receive: a reply where
 * they started or took part, a post waiting for the moderators, a held post approved. Never the one
 * who did it.
 */
class ForumNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final Pattern POST = Pattern.compile("id=\"post-(\\d+)\"");

  @BeforeAll
  static void setUp() {
    TestSchool school = courtyard.school();
    school.space("coding-club").addMember(school.person("ben"), Role.MEMBER);
  }

  static String forum(String space, String title) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/" + space + "/forum/forums", Map.of("title", title, "layout", "threaded"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String start(TestClient who, String forumPath, String title, String body) {
    TestClient.Response r = who.post(forumPath + "/discussions", Map.of("title", title, "body", body));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static long lastPostId(String page) {
    Matcher m = POST.matcher(page);
    long id = -1;
    while (m.find()) id = Long.parseLong(m.group(1));
    return id;
  }

  static String notices(String who) {
    return courtyard.signIn(who).get("/notifications").body();
  }

  @Test
  void everyoneInTheDiscussionHearsOfAReplyButNotItsWriter() {
    String f = forum("2-willow", "Weekend news");
    String d = start(courtyard.signIn("amira"), f, "Rock pools", "We found a crab");
    assertEquals(303, courtyard.signIn("ben").post(d + "/replies", Map.of("body", "How big was it?")).status());
    assertTrue(notices("amira").contains("New reply in “Rock pools”"), "the one who started it");
    assertFalse(notices("ben").contains("Rock pools"), "not the writer");

    assertEquals(303, courtyard.signIn("mrs.patel").post(d + "/replies", Map.of("body", "Lovely writing, both of you")).status());
    assertTrue(notices("ben").contains("New reply in “Rock pools”"), "one who took part");
    assertFalse(notices("mrs.patel").contains("Rock pools"), "not the teacher who wrote it");
  }

  @Test
  void aHeldPostIsToldToTheModeratorsAndItsApprovalToItsWriter() {
    String f = forum("coding-club", "Club questions");
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());

    String d = start(courtyard.signIn("chloe"), f, "Sprites", "How do I add a sprite?");
    assertTrue(notices("mrs.patel").contains("A post by Chloe Smith in “Sprites” waits for you to approve it"), notices("mrs.patel"));
    assertFalse(notices("chloe").contains("waits for you to approve"), "not the writer");
    assertFalse(notices("ben").contains("Sprites"), "a learner who does not moderate is not told, and cannot see it yet");

    long post = lastPostId(teacher.get("/s/coding-club/forum/moderation").body());
    assertEquals(303, teacher.post("/s/coding-club/forum/p/" + post + "/approve", Map.of("back", "queue")).status());
    assertTrue(notices("chloe").contains("Your post in “Sprites” was approved: everyone in the forum can see it now"), notices("chloe"));
    assertFalse(notices("mrs.patel").contains("was approved"), "not the teacher who approved it");

    // A held reply: the teacher is told; once approved, its writer and the one who started the discussion.
    assertEquals(303, courtyard.signIn("ben").post(d + "/replies", Map.of("body", "Click the paintbrush")).status());
    assertTrue(notices("mrs.patel").contains("A post by Ben Okafor in “Sprites” waits for you to approve it"));
    assertFalse(notices("chloe").contains("New reply in “Sprites”"), "nothing to read yet");
    long reply = lastPostId(teacher.get("/s/coding-club/forum/moderation").body());
    assertEquals(303, teacher.post("/s/coding-club/forum/p/" + reply + "/approve", Map.of("back", "queue")).status());
    assertTrue(notices("ben").contains("Your post in “Sprites” was approved"));
    assertTrue(notices("chloe").contains("New reply in “Sprites”"));
    assertFalse(notices("ben").contains("New reply in “Sprites”"), "not told of their own reply");
    assertFalse(notices("mrs.patel").contains("New reply in “Sprites”"), "nor the teacher who let it through");
  }

  @Test
  void eachKindIsOnThePersonsChoiceOfHowItReachesThemInEnglishAndWelsh() {
    TestClient.Response page = courtyard.signIn("mrs.patel").get("/account/notifications");
    assertTrue(page.contains("Forum: A reply in a discussion you are in") && page.contains("Forum: A post waits for you to approve it")
        && page.contains("Forum: Each morning: posts still waiting for a teacher") && page.contains("Forum: Your post was approved"), page.body());
    TestClient.Response welsh = courtyard.signIn("mrs.patel").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Fforwm: Ateb mewn trafodaeth rydych chi&#x27;n rhan ohoni")
        && welsh.contains("Fforwm: Neges sy&#x27;n aros i chi ei chymeradwyo")
        && welsh.contains("Fforwm: Bob bore: negeseuon sy&#x27;n dal i aros am athro")
        && welsh.contains("Fforwm: Mae eich neges wedi&#x27;i chymeradwyo"), welsh.body());
  }
}
