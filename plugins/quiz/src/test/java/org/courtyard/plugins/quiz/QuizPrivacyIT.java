package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quizzes' part of a subject access request and of erasure: a learner's tries and answers (with marks
 * and the teacher's comments) are in the download and gone after erasure, while the quiz and other
 * learners' tries stay; a teacher's questions (with their pictures) are in theirs and stay in the bank.
 */
class QuizPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  static String submitted(TestClient learner, String quiz, String answer) {
    String a = QuizIT.start(learner, quiz);
    assertEquals(303, learner.postPairs(a + "/submit", "q0", "0", "q1", answer).status());
    return a;
  }

  @Test
  void aLearnersTriesAreInTheirDownloadAndGoneAfterErasureWhileTheClassKeepsTheQuiz() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.postFile("/s/2-willow/quiz/bank/new/true-false", Map.of("title", "Pet picture", "prompt", "This is a hamster.", "truth", "true"),
        "image", "hamster.png", "image/png", PNG).status());
    Matcher m = Pattern.compile("/s/2-willow/quiz/bank/q/(\\d+)\">Pet picture<").matcher(teacher.get("/s/2-willow/quiz/bank").body());
    assertTrue(m.find());
    long pictured = Long.parseLong(m.group(1));
    long written = QuizIT.question(teacher, "2-willow", "free-text", "Your pet", "prompt", "Describe your pet.", "points", "2");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Pets quiz", List.of(pictured, written));

    String amiras = submitted(courtyard.signIn("amira"), quiz, "My hamster Nibbles sleeps all day");
    String bens = submitted(courtyard.signIn("ben"), quiz, "Rex the dog chases balls");
    assertEquals(303, teacher.post(amiras + "/mark", Map.of("score.1", "2", "comment.1", "Nibbles sounds lovely")).status());
    assertEquals(303, teacher.post(bens + "/mark", Map.of("score.1", "1", "comment.1", "Tell me more about Rex")).status());

    long amira = courtyard.userId("amira");
    Map<String, byte[]> before = courtyard.subjectAccess("amira");
    for (String held : new String[] {"Quiz try", "Quiz answer", "Pets quiz", "My hamster Nibbles sleeps all day", "Nibbles sounds lovely", "Your pet"}) {
      assertTrue(text(before, "data.json").contains(held), "data.json holds " + held + ": " + text(before, "data.json"));
      assertTrue(text(before, "index.html").contains(held), "index.html holds " + held);
    }
    assertFalse(text(before, "data.json").contains("Rex the dog"), "Ben's answers are not in Amira's download");

    Map<String, byte[]> patels = courtyard.subjectAccess("mrs.patel");
    assertTrue(text(patels, "data.json").contains("Quiz question written") && text(patels, "data.json").contains("Describe your pet."));
    assertTrue(text(patels, "data.json").contains("Quiz set"));
    String picture = patels.keySet().stream().filter(k -> k.startsWith("files/quiz/") && k.endsWith("question-" + pictured + "-picture.png")).findFirst()
        .orElseThrow(() -> new AssertionError("the question's picture is in the teacher's download: " + patels.keySet()));
    assertArrayEquals(PNG, patels.get(picture));

    assertEquals(amira, courtyard.erase("amira"));
    Map<String, byte[]> after = courtyard.subjectAccess(amira);
    assertFalse(text(after, "data.json").contains("Nibbles"), text(after, "data.json"));
    assertFalse(text(after, "data.json").contains("Quiz try"));
    assertFalse(text(after, "index.html").contains("Nibbles"));

    assertEquals(404, teacher.get(amiras).status(), "her try is gone");
    String results = teacher.get(quiz + "/results").body();
    assertFalse(results.contains("Nibbles"), results);
    assertFalse(teacher.get(quiz + "/results.csv").body().contains("Amira"), "no row of hers in the spreadsheet");
    assertTrue(teacher.get(bens).contains("Rex the dog chases balls"), "Ben's try is still there");
    assertTrue(teacher.get(bens).contains("Tell me more about Rex"));
    assertTrue(courtyard.signIn("ben").get("/s/2-willow/quiz").contains("Pets quiz"), "the quiz stays for the class");

    // The teacher leaves: her questions stay in the class's bank, no longer linked to her.
    long patel = courtyard.erase("mrs.patel");
    assertFalse(text(courtyard.subjectAccess(patel), "data.json").contains("Quiz question written"));
    TestClient ben = courtyard.signIn("ben");
    assertTrue(ben.get(bens).contains("Describe your pet."), "Ben's try still shows the question");
    assertEquals(200, ben.get("/s/2-willow/quiz/media/" + pictured + "/image").status(), "and its picture");
  }
}
