package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refused input on the quiz tool's forms: shown again, 422, with the message and what was typed; nothing saved. */
class QuizFormsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void aQuizWithoutATitleOrWithABadTimeComesBackWithEveryBoxAsItWas() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "5-oak", "true-false", "Forms one", "prompt", "Grass is green.", "truth", "true");
    TestClient.Response r = teacher.postPairs("/s/5-oak/quiz/new", "title", "", "intro", "Practice for Friday", "question", Long.toString(q),
        "closes", "next friday", "attempts", "lots", "published", "on");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Title: give the quiz a title."), r.body());
    assertTrue(r.contains("The closing time is not a date and time."), r.body());
    assertTrue(r.contains("Tries allowed is a whole number"), r.body());
    assertTrue(r.contains(">Practice for Friday</textarea>"), "the introduction typed is kept");
    assertTrue(r.contains("value=\"" + q + "\" checked"), "the question ticked is still ticked");
    assertFalse(teacher.get("/s/5-oak/quiz").contains("Practice for Friday"), "no quiz was set");
    assertEquals(422, teacher.postPairs("/s/5-oak/quiz/new", "title", "No questions", "question", "abc").status(), "a question id that is not one");
  }

  @Test
  void aQuestionWithoutItsRightAnswerOrWithAPictureThatIsNotOneIsRefused() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.postPairs("/s/5-oak/quiz/bank/new/single", "title", "Planets", "prompt", "Which planet is largest?",
        "choice.0", "Jupiter", "choice.1", "Mars");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Tick exactly one right answer."), r.body());
    assertTrue(r.contains(">Which planet is largest?</textarea>") && r.contains("value=\"Jupiter\""), "what was typed is kept");
    assertFalse(teacher.get("/s/5-oak/quiz/bank").contains("Planets"), "nothing was saved");

    TestClient.Response pic = teacher.postFile("/s/5-oak/quiz/bank/new/true-false", Map.of("title", "Robot", "prompt", "This is a robot.", "truth", "true"),
        "image", "robot.png", "image/png", "not a picture at all".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, pic.status(), pic.body());
    assertTrue(pic.contains("robot.png is not a picture"), pic.body());
    assertTrue(pic.contains(">This is a robot.</textarea>"), pic.body());
    assertFalse(teacher.get("/s/5-oak/quiz/bank").contains(">Robot<"), "nothing was saved");
  }

  @Test
  void aMarkOutOfRangeComesBackWithTheMarksAndCommentsTyped() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "5-oak", "free-text", "Holiday", "prompt", "Where did you go on holiday?", "points", "2");
    String quiz = QuizIT.quiz(teacher, "5-oak", "Holiday quiz", List.of(q));
    TestClient chloe = courtyard.signIn("chloe");
    String a = QuizIT.start(chloe, quiz);
    assertEquals(303, chloe.postPairs(a + "/submit", "q0", "To the seaside in Wales").status());
    TestClient.Response r = teacher.post(a + "/mark", Map.of("score.0", "5", "comment.0", "What a trip"));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Question 1: give a mark from 0 to 2. Nothing was saved."), r.body());
    assertTrue(r.contains("name=\"score.0\" value=\"5\"") && r.contains("value=\"What a trip\""), "the mark and comment typed are kept");
    assertTrue(teacher.get(quiz + "/results").contains("To mark"), "still waiting to be marked");
    assertFalse(chloe.get(a).contains("What a trip"), "nothing was saved");
  }

  @Test
  void anImportWithoutAFileIsRefused() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.postFile("/s/5-oak/quiz/bank/import", Map.of("category", "From home"), "package", "", "application/zip", new byte[0]);
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Choose a QTI 2.1 package (.zip) or item (.xml) to import."), r.body());
  }
}
