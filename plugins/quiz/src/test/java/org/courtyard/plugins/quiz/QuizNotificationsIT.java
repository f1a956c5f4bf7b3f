package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.NotificationKind;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quizzes tell people what they are waiting for, each by a kind they choose how to receive: teachers of
 * written answers to mark, learners and their parents of marks once they are shown, learners of a new
 * quiz. Never the person who did it, never anyone else.
 */
class QuizNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  /** The notifications page's text, with Handlebars' escaped apostrophe put back. */
  static String notices(String username) {
    TestClient.Response r = courtyard.signIn(username).get("/notifications");
    assertEquals(200, r.status());
    return r.body().replace("&#x27;", "'");
  }

  /** This server's time (which the test moves on) plus {@code later}, as a datetime-local box holds it in the school's zone. */
  static String schoolTime(Duration later) {
    return java.time.LocalDateTime.ofInstant(courtyard.now().plus(later), java.time.ZoneId.of("Europe/London"))
        .withSecond(0).withNano(0).toString().substring(0, 16);
  }

  static String link(String page, String words) {
    Matcher m = Pattern.compile("href=\"([^\"]+)\">" + Pattern.quote(words) + "<").matcher(page);
    assertTrue(m.find(), "a notice “" + words + "” in " + page);
    return m.group(1);
  }

  @Test
  void aWrittenAnswerWaitsForTheTeacherAndItsMarkReachesTheLearnerAndHerParent() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "2-willow", "free-text", "Volcano", "prompt", "Describe a volcano.", "points", "2");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Volcanoes", List.of(q));
    TestClient amira = courtyard.signIn("amira");
    String attempt = QuizIT.start(amira, quiz);
    assertEquals(303, amira.postPairs(attempt + "/submit", "q0", "Hot lava comes out of the top.").status());

    String told = notices("mrs.patel");
    assertEquals(attempt, link(told, "Amira Khan handed in “Volcanoes”: written answers wait for your marking"));
    assertTrue(teacher.get(attempt).contains("Hot lava comes out of the top."), "the notice opens the answer to mark");
    assertFalse(notices("amira").contains("written answers wait"), "not the learner who handed it in");
    assertFalse(notices("mr.khan").contains("“Volcanoes”"), "not marked yet: her parent hears nothing");

    assertEquals(303, teacher.post(attempt + "/mark", Map.of("score.0", "2", "comment.0", "Vivid")).status());
    assertEquals(attempt, link(notices("amira"), "Your “Volcanoes” is marked"));
    String parentsLink = link(notices("mr.khan"), "Amira Khan's “Volcanoes” is marked");
    TestClient.Response opened = courtyard.signIn("mr.khan").get(parentsLink);
    assertEquals(200, opened.status(), "her parent may open what the notice links to");
    assertTrue(opened.contains("2 / 2") && opened.contains("Vivid"), opened.body());
    assertFalse(notices("ben").contains("“Volcanoes” is marked"), "not another learner");
    assertFalse(notices("chloe").contains("Volcanoes"));
    assertFalse(notices("mrs.patel").contains("“Volcanoes” is marked"), "not the teacher who marked it");
  }

  @Test
  void aQuizMarkedAtOnceTellsTheParentButNotTheLearnerWhoJustSawIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "2-willow", "true-false", "Ice", "prompt", "Ice is cold.", "truth", "true");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Ice check", List.of(q));
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.postPairs(QuizIT.start(amira, quiz) + "/submit", "q0", "0").status());
    assertTrue(notices("mr.khan").contains("Amira Khan's “Ice check” is marked<"), notices("mr.khan"));
    assertFalse(notices("amira").contains("Your “Ice check” is marked"), "she saw her mark on the page");
    assertFalse(notices("mrs.patel").contains("handed in “Ice check”"), "nothing to mark");
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.postPairs(QuizIT.start(ben, quiz) + "/submit", "q0", "0").status());
    assertFalse(notices("mr.khan").contains("Ben Okafor"), "not another family's child");
  }

  @Test
  void whenMarksWaitForTheCloseTheLearnerAndHerParentAreToldThen() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "2-willow", "true-false", "Snow", "prompt", "Snow is white.", "truth", "true");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Snow check", List.of(q), "feedback", "after-close", "closes", schoolTime(Duration.ofMinutes(30)));
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.postPairs(QuizIT.start(amira, quiz) + "/submit", "q0", "0").status());
    courtyard.runDueJobs();
    assertFalse(notices("mr.khan").contains("“Snow check”"), "marks not shown yet");

    courtyard.advanceClock(Duration.ofMinutes(31));
    courtyard.runDueJobs();
    assertTrue(notices("amira").contains("Marks for “Snow check” are ready<"));
    String parentsLink = link(notices("mr.khan"), "Marks for Amira Khan's “Snow check” are ready");
    assertEquals(200, courtyard.signIn("mr.khan").get(parentsLink).status(), "her parent may open the quiz");
    assertFalse(notices("ben").contains("“Snow check” are ready"), "Ben did not take it");
  }

  @Test
  void aNewQuizReachesTheClassButNotTheTeacherWhoSetIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "2-willow", "true-false", "Wind", "prompt", "Wind is air moving.", "truth", "true");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Wind check", List.of(q));
    assertEquals(quiz, link(notices("amira"), "New quiz: Wind check"));
    assertTrue(notices("ben").contains("New quiz: Wind check<"));
    assertFalse(notices("mrs.patel").contains("Wind check"));
    assertFalse(notices("chloe").contains("Wind check"), "another class");
  }

  @Test
  void theKindsAreThereToChooseForATeacherAndAParentInTheirLanguage() {
    List<NotificationKind> kinds = new QuizTool().info().notifications();
    String english = courtyard.signIn("mrs.patel").get("/account/notifications").body().replace("&#x27;", "'");
    String welsh = courtyard.signIn("mrs.patel").header("Accept-Language", "cy").get("/account/notifications").body().replace("&#x27;", "'");
    for (NotificationKind k : kinds) {
      assertTrue(english.contains("Quizzes: " + k.description()), k + " offered: " + english);
      assertFalse(welsh.contains(k.description()), k + " in Welsh");
    }
    assertTrue(welsh.contains("Cwisiau: Atebion ysgrifenedig yn aros i chi eu marcio<"), welsh);
    TestClient.Response arabic = courtyard.signIn("mr.khan").header("Accept-Language", "ar").get("/account/notifications");
    assertTrue(arabic.contains(": جاهزية درجات اختبار طفلك<"), arabic.body());
    String urdu = courtyard.signIn("mr.khan").header("Accept-Language", "ur").get("/account/notifications").body();
    assertTrue(urdu.contains("آپ کے بچے کے کوئز کے نمبر تیار ہیں"), urdu);
  }
}
