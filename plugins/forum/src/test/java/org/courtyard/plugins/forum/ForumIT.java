package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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

/** The forum through real HTTP, with the demo school's teacher, learners and parent. */
class ForumIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final Pattern DISCUSSION = Pattern.compile("/d/(\\d+)");
  static final Pattern POST = Pattern.compile("id=\"post-(\\d+)\"");

  @BeforeAll
  static void setUp() {
    TestSchool school = courtyard.school();
    school.space("coding-club").addMember(school.person("ben"), Role.MEMBER);
  }

  /** The teacher makes a forum in a space; returns its path. */
  static String forum(String space, String title, boolean qa) {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.post("/s/" + space + "/forum/forums", qa ? Map.of("title", title, "layout", "threaded", "qa", "true") : Map.of("title", title, "layout", "threaded"));
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

  @Test
  void postingReplyingAndBeingToldAboutTheReply() {
    String f = forum("2-willow", "Our class news", false);
    TestClient amira = courtyard.signIn("amira");
    String d = start(amira, f, "My holiday", "I went to the seaside");
    TestClient ben = courtyard.signIn("ben");
    assertTrue(ben.get(d).contains("I went to the seaside"));
    assertEquals(303, ben.post(d + "/replies", Map.of("body", "Did you see crabs?")).status());
    TestClient.Response page = amira.get(d);
    assertTrue(page.contains("Did you see crabs?"));
    assertTrue(amira.get("/notifications").contains("New reply in “My holiday”"), "the author is subscribed and told");
    assertFalse(ben.get("/notifications").contains("My holiday"), "not told about their own reply");
    assertTrue(amira.get(f).contains("My holiday"));
  }

  @Test
  void preModerationHoldsALearnersPostUntilATeacherApprovesIt() {
    String f = forum("coding-club", "Club chat", false);
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());
    TestClient chloe = courtyard.signIn("chloe");
    String d = start(chloe, f, "Scratch question", "How do I make the cat jump?");
    assertTrue(chloe.get(d).contains("Waiting for a teacher"), "the author sees it is waiting");
    TestClient ben = courtyard.signIn("ben");
    assertFalse(ben.get(f).contains("Scratch question"), "others do not even see the title");
    assertFalse(ben.get(d).contains("make the cat jump"), "nor the post");
    TestClient.Response queue = teacher.get("/s/coding-club/forum/moderation");
    assertTrue(queue.contains("How do I make the cat jump?"), queue.body());
    long post = lastPostId(queue.body());
    assertEquals(303, teacher.post("/s/coding-club/forum/p/" + post + "/approve", Map.of("back", "queue")).status());
    assertTrue(ben.get(d).contains("How do I make the cat jump?"));
    assertTrue(ben.get(f).contains("Scratch question"));
  }

  @Test
  void aReportedPostIsHiddenWithAReasonAndCanBeRestored() {
    String f = forum("5-oak", "Oak talk", false);
    TestClient chloe = courtyard.signIn("chloe");
    String d = start(chloe, f, "Lunch", "The pudding was rubbish");
    long post = lastPostId(chloe.get(d).body());
    TestClient teacher = courtyard.signIn("mrs.patel");
    // Chloe cannot report her own post; the teacher adds a learner who can.
    TestSchool school = courtyard.school();
    school.space("5-oak").addMember(school.person("ben"), Role.MEMBER);
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.post("/s/5-oak/forum/p/" + post + "/report", Map.of("reason", "Unkind about the cooks")).status());
    assertTrue(teacher.get("/s/5-oak/forum/moderation").contains("Unkind about the cooks"));
    assertEquals(303, teacher.post("/s/5-oak/forum/p/" + post + "/hide", Map.of("reason", "Please be kind about the kitchen staff")).status());
    assertFalse(ben.get(d).contains("pudding was rubbish"), "hidden from learners");
    assertTrue(teacher.get(d).contains("Please be kind about the kitchen staff"), "moderators see the reason");
    assertEquals(303, teacher.post("/s/5-oak/forum/p/" + post + "/restore", Map.of()).status());
    assertTrue(ben.get(d).contains("pudding was rubbish"));
  }

  @Test
  void quietHoursCloseLearnersPostingAndKeepWhatTheyTyped() {
    String f = forum("2-willow", "Homework help", false);
    TestClient teacher = courtyard.signIn("mrs.patel");
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    LocalTime now = LocalTime.now();
    // A one-hour window starting two hours from now: now is outside it.
    assertEquals(303, teacher.post("/s/2-willow/manage/settings", Map.of("tool", "forum", "forum.open-from", now.plusHours(2).format(hhmm),
        "forum.open-until", now.plusHours(3).format(hhmm))).status());
    try {
      TestClient amira = courtyard.signIn("amira");
      TestClient.Response r = amira.post(f + "/discussions", Map.of("title", "Quiet please", "body", "Can I post now?"));
      assertEquals(422, r.status());
      assertTrue(r.contains("Posting is closed"), r.body());
      assertTrue(r.contains("Can I post now?"), "the text is kept");
      assertFalse(amira.get(f).contains("Quiet please"));
    } finally {
      teacher.post("/s/2-willow/manage/settings", Map.of("tool", "forum", "forum.open-from", "", "forum.open-until", ""));
    }
  }

  @Test
  void inQuestionAndAnswerModeLearnersSeeOthersAnswersOnlyAfterTheirOwn() {
    String f = forum("2-willow", "Maths puzzles", true);
    TestClient teacher = courtyard.signIn("mrs.patel");
    String d = start(teacher, f, "Puzzle 1", "What is 7 times 8?");
    TestClient amira = courtyard.signIn("amira");
    amira.post(d + "/replies", Map.of("body", "It is fifty-six"));
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response before = ben.get(d);
    assertTrue(before.contains("What is 7 times 8?"));
    assertFalse(before.contains("fifty-six"), "Amira's answer is hidden until Ben answers");
    assertTrue(before.contains("Post your answer to see what others wrote"));
    ben.post(d + "/replies", Map.of("body", "Fifty-four?"));
    assertTrue(ben.get(d).contains("fifty-six"));
  }

  @Test
  void learnersCannotModerateAndParentsReadButCannotPost() {
    String f = forum("2-willow", "Parents welcome", false);
    TestClient amira = courtyard.signIn("amira");
    String d = start(amira, f, "Our play", "Come and watch on Friday");
    long post = lastPostId(amira.get(d).body());
    assertEquals(403, amira.get("/s/2-willow/forum/moderation").status());
    assertEquals(403, amira.post("/s/2-willow/forum/p/" + post + "/hide", Map.of("reason", "x")).status());
    TestClient parent = courtyard.signIn("mr.khan");
    assertTrue(parent.get(d).contains("Come and watch on Friday"));
    assertEquals(403, parent.post(d + "/replies", Map.of("body", "I will come")).status());
    assertEquals(403, parent.get("/s/5-oak/forum").status(), "not a class of their child");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
    String f = forum("2-willow", "Token test", false);
    TestClient amira = courtyard.signIn("amira");
    assertEquals(403, amira.postRaw(f + "/discussions", Map.of("title", "Forged", "body", "forged")).status());
    assertFalse(amira.get(f).contains("Forged"));
  }

  @Test
  void fakeOrOversizedAttachmentsAreRefusedWithNothingSaved() {
    String f = forum("2-willow", "Pictures", false);
    TestClient amira = courtyard.signIn("amira");
    long posts = courtyard.database().count("SELECT COUNT(*) FROM forum_posts");
    TestClient.Response fake = amira.postFile(f + "/discussions", Map.of("title", "My cat", "body", "Look"), "attachment", "cat.png", "image/png",
        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, fake.status());
    assertTrue(fake.contains("cat.png is not a picture"), fake.body());
    assertTrue(fake.contains("My cat"), "what was typed is kept");
    byte[] big = new byte[6 * 1024 * 1024];
    big[0] = (byte) 0x89; big[1] = 'P'; big[2] = 'N'; big[3] = 'G';
    TestClient.Response tooBig = amira.postFile(f + "/discussions", Map.of("title", "Big cat", "body", "Look"), "attachment", "big.png", "image/png", big);
    assertEquals(422, tooBig.status());
    assertTrue(tooBig.contains("the largest file allowed here is 5.0 MB"), tooBig.body());
    assertEquals(posts, courtyard.database().count("SELECT COUNT(*) FROM forum_posts"), "nothing was posted");
    byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    TestClient.Response ok = amira.postFile(f + "/discussions", Map.of("title", "Tiny cat", "body", "Look"), "attachment", "tiny.png", "image/png", png);
    assertEquals(303, ok.status(), ok.body());
    Matcher m = Pattern.compile("/s/2-willow/forum/files/(\\d+)").matcher(amira.get(ok.location()).body());
    assertTrue(m.find());
    TestClient.Response file = courtyard.signIn("ben").get("/s/2-willow/forum/files/" + m.group(1));
    assertEquals(200, file.status());
    assertEquals("image/png", file.header("Content-Type"));
  }

  @Test
  void searchFindsAPostByAWordInItsBody() {
    String f = forum("2-willow", "Science", false);
    TestClient amira = courtyard.signIn("amira");
    start(amira, f, "Plants", "Sunflowers grow towards the light");
    TestClient.Response r = courtyard.signIn("ben").get("/s/2-willow/forum/search?q=sunflowers");
    assertTrue(r.contains("Plants"), r.body());
    assertTrue(courtyard.signIn("ben").get("/s/2-willow/forum/search?q=volcano").contains("Nothing found"));
  }

  @Test
  void inQuestionAndAnswerModeSearchDoesNotGiveOthersAnswersAway() {
    String f = forum("2-willow", "Science questions", true);
    TestClient teacher = courtyard.signIn("mrs.patel");
    String d = start(teacher, f, "Magnets", "What does a magnet pull towards it?");
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.post(d + "/replies", Map.of("body", "Paperclips and other ferromagnetic things")).status());
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response before = ben.get("/s/2-willow/forum/search?q=ferromagnetic");
    assertTrue(before.contains("Nothing found"), "Amira's answer is not found until Ben answers: " + before.body());
    assertFalse(before.contains("Paperclips"));
    assertTrue(ben.get("/s/2-willow/forum/search?q=pull+towards").contains("Magnets"), "the question itself is found");
    assertTrue(teacher.get("/s/2-willow/forum/search?q=ferromagnetic").contains("Paperclips"), "a moderator always finds it");
    assertTrue(amira.get("/s/2-willow/forum/search?q=ferromagnetic").contains("Paperclips"), "and so does its author");
    assertEquals(303, ben.post(d + "/replies", Map.of("body", "Iron nails")).status());
    assertTrue(ben.get("/s/2-willow/forum/search?q=ferromagnetic").contains("Paperclips"), "once Ben has answered he finds it");
  }

  @Test
  void scriptInAPostNeverReachesThePage() {
    String f = forum("2-willow", "Safety", false);
    TestClient amira = courtyard.signIn("amira");
    String d = start(amira, f, "<script>alert('t')</script>Title", "<img src=x onerror=alert(1)><script>alert(2)</script>hello");
    TestClient.Response page = courtyard.signIn("ben").get(d);
    assertFalse(page.contains("<script>alert"), page.body());
    assertFalse(page.contains("<img src=x"));
    assertTrue(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;hello"));
  }

  @Test
  void aSpaceThatGetsTheForumStartsWithOneForum() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    teacher.post("/s/coding-club/manage/tools", Map.of("tool", "forum", "action", "remove"));
    long club = courtyard.school().space("coding-club").id();
    long before = courtyard.database().count("SELECT COUNT(*) FROM forum_forums WHERE space_id = ?", club);
    teacher.post("/s/coding-club/manage/tools", Map.of("tool", "forum", "action", "add"));
    assertTrue(courtyard.database().count("SELECT COUNT(*) FROM forum_forums WHERE space_id = ?", club) >= Math.max(1, before));
    assertTrue(courtyard.signIn("chloe").get("/s/5-oak/forum").contains("Class 5 Oak forum"), "the demo's classes have one already");
  }

  @Test
  void aWordOnTheSchoolsListHoldsThePostForATeacher() {
    TestClient admin = courtyard.signIn("ict.leader");
    assertEquals(303, admin.post("/admin/oakfield/plugins/forum/settings", Map.of("moderation", "after", "word-filter", "stupid, idiot",
        "open-from", "", "open-until", "", "max-attachment-mb", "5")).status());
    String f = forum("2-willow", "Chat", false);
    TestClient amira = courtyard.signIn("amira");
    String d = start(amira, f, "Game", "That game is stupid");
    assertTrue(amira.get(d).contains("Uses a word on the school"));
    assertFalse(courtyard.signIn("ben").get(f).contains("Game"));
  }
}
