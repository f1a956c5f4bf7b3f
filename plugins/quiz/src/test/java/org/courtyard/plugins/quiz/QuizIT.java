package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Taking quizzes through real HTTP: marking of every question type, time limits, resuming, who sees what. */
class QuizIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  /** Writes a question into a space's bank through the editor and returns its id. */
  static long question(TestClient teacher, String space, String type, String title, String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "title";
    all[1] = title;
    System.arraycopy(fields, 0, all, 2, fields.length);
    TestClient.Response r = teacher.postPairs("/s/" + space + "/quiz/bank/new/" + type, all);
    assertEquals(303, r.status(), "saving “" + title + "”: " + r.body());
    Matcher m = Pattern.compile("/s/" + space + "/quiz/bank/q/(\\d+)\">" + Pattern.quote(title) + "<").matcher(teacher.get("/s/" + space + "/quiz/bank").body());
    assertTrue(m.find(), title + " is in the bank");
    return Long.parseLong(m.group(1));
  }

  /** One question of every type, worth a mark each except the written answer (2). */
  static List<Long> oneOfEachType(TestClient t, String space, String suffix) {
    List<Long> ids = new ArrayList<>();
    ids.add(question(t, space, "single", "Capital" + suffix, "prompt", "What is the capital of France?", "choice.0", "Paris", "choice.1", "Lyon",
        "choice.2", "Nice", "correct", "0", "feedback", "Paris is on the Seine."));
    ids.add(question(t, space, "multiple", "Mammals" + suffix, "prompt", "Which are mammals?", "choice.0", "Whale", "choice.1", "Shark",
        "choice.2", "Bat", "correct", "0", "correct", "2"));
    ids.add(question(t, space, "true-false", "Sun" + suffix, "prompt", "The Sun is a star.", "truth", "true"));
    ids.add(question(t, space, "short-text", "Opposite" + suffix, "prompt", "What is the opposite of hot?", "accept", "cold\nchilly"));
    ids.add(question(t, space, "numeric", "Pi" + suffix, "prompt", "Pi to two decimal places?", "number", "3.14", "tolerance", "0.01"));
    ids.add(question(t, space, "matching", "Animals" + suffix, "prompt", "Where do they live?", "left.0", "Lion", "right.0", "Africa",
        "left.1", "Kangaroo", "right.1", "Australia", "left.2", "Panda", "right.2", "China", "left.3", "", "right.3", "Antarctica"));
    ids.add(question(t, space, "ordering", "Count" + suffix, "prompt", "Put them in order, smallest first.", "item.0", "One", "item.1", "Two", "item.2", "Three"));
    ids.add(question(t, space, "gaps", "Cat" + suffix, "prompt", "Fill in the gaps.", "gaps", "The [cat|kitten] sat on the [mat]."));
    ids.add(question(t, space, "free-text", "Castle" + suffix, "prompt", "Describe a castle.", "points", "2"));
    return ids;
  }

  /** Sets a quiz of these questions in order (no shuffling, so the test knows which slot is which). */
  static String quiz(TestClient t, String space, String title, List<Long> questions, String... more) {
    List<String> f = new ArrayList<>(List.of("title", title, "published", "on"));
    List<String> overridden = new ArrayList<>();
    for (int i = 0; i < more.length; i += 2) overridden.add(more[i]);
    if (!overridden.contains("attempts")) f.addAll(List.of("attempts", "0"));
    if (!overridden.contains("feedback")) f.addAll(List.of("feedback", "immediate"));
    for (long q : questions) {
      f.add("question");
      f.add(String.valueOf(q));
    }
    f.addAll(List.of(more));
    TestClient.Response r = t.postPairs("/s/" + space + "/quiz/new", f.toArray(String[]::new));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String start(TestClient learner, String quiz) {
    TestClient.Response r = learner.post(quiz + "/start", Map.of());
    assertEquals(303, r.status(), r.body());
    assertTrue(r.location().matches(".*/q/\\d+/a/\\d+"), r.location());
    return r.location();
  }

  static final String[] RIGHT = {"q0", "0", "q1", "0", "q1", "2", "q2", "0", "q3", " Cold ", "q4", "3,141", "q5.0", "0", "q5.1", "1", "q5.2", "2",
      "q6.0", "1", "q6.1", "2", "q6.2", "3", "q7.0", "Kitten", "q7.1", "mat", "q8", "Tall stone walls and a moat."};
  static final String[] WRONG = {"q0", "1", "q1", "1", "q2", "1", "q3", "warm", "q4", "3.2", "q5.0", "1", "q5.1", "0", "q5.2", "3",
      "q6.0", "3", "q6.1", "2", "q6.2", "1", "q7.0", "dog", "q7.1", "rug", "q8", "I don't know."};

  /** The server's time (which tests move on) plus {@code later}, as a datetime-local box holds it in the school's zone. */
  static String schoolTime(Duration later) {
    return java.time.LocalDateTime.ofInstant(courtyard.now().plus(later), java.time.ZoneId.of("Europe/London"))
        .withSecond(0).withNano(0).toString().substring(0, 16);
  }

  static int count(String body, String text) {
    int n = 0;
    for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) n++;
    return n;
  }

  @Test
  void everyQuestionTypeIsMarkedRightAndWrong() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String quiz = quiz(teacher, "2-willow", "Everything quiz", oneOfEachType(teacher, "2-willow", ""));
    TestClient amira = courtyard.signIn("amira");
    assertTrue(amira.get("/s/2-willow/quiz").contains("Everything quiz"));

    String right = start(amira, quiz);
    assertEquals(303, amira.postPairs(right + "/submit", RIGHT).status());
    String review = amira.get(right).body();
    assertEquals(8, count(review, "✔</span> Right</p>"), "every automatically marked type is marked right:\n" + review);
    assertTrue(review.contains("Some answers are waiting for the teacher"), "the written answer waits for the teacher");
    assertTrue(review.contains("Paris is on the Seine."), "feedback is shown straight away");

    // The teacher marks the written answer; the mark then reaches the space's markbook.
    String results = teacher.get(quiz + "/results").body();
    assertTrue(results.contains("To mark"), results);
    assertEquals(303, teacher.post(right + "/mark", Map.of("score.8", "2", "comment.8", "Lovely detail")).status());
    assertTrue(amira.get(right).contains("10 / 10"), "full marks once the written answer is marked");
    assertTrue(amira.get(right).contains("Lovely detail"));
    assertTrue(teacher.get("/s/2-willow/results").contains("10 / 10"), "the quiz's result is in the core's markbook");
    assertTrue(courtyard.signIn("mr.khan").get("/s/2-willow/results").contains("10 / 10"), "Amira's parent sees her result");

    String wrong = start(amira, quiz);
    assertEquals(303, amira.postPairs(wrong + "/submit", WRONG).status());
    String second = amira.get(wrong).body();
    assertEquals(8, count(second, "✘</span> Not right</p>"), "every automatically marked type is marked wrong:\n" + second);
    assertTrue(second.contains("<strong>Right answer:</strong> cold or chilly"), "the right answer is shown");
    assertEquals(303, teacher.post(wrong + "/mark", Map.of("score.8", "0")).status());
    assertTrue(amira.get(wrong).contains("0 / 10"));
    assertTrue(teacher.get("/s/2-willow/results").contains("10 / 10"), "the markbook keeps the best try");

    String facility = teacher.get(quiz + "/results").body();
    assertTrue(facility.contains("50%"), "each question was right once and wrong once: facility 50%\n" + facility);
    String csv = teacher.get(quiz + "/results.csv").body();
    assertTrue(csv.contains("\"Amira Khan\",1,") && csv.contains(",10,10,100"), csv);
  }

  @Test
  void theDemoSchoolsClassesHaveSampleQuizzesToTry() {
    TestClient amira = courtyard.signIn("amira");
    String list = amira.get("/s/2-willow/quiz").body();
    assertTrue(list.contains("Animal quiz") && list.contains("Numbers check (10 minutes)"), list);
    Matcher m = Pattern.compile("/s/2-willow/quiz/q/(\\d+)\">Animal quiz<").matcher(list);
    assertTrue(m.find());
    String a = start(amira, "/s/2-willow/quiz/q/" + m.group(1));
    assertTrue(amira.get(a).contains("Which animal says “moo”?"));
  }

  @Test
  void partMarksForSeveralAnswersMatchingAndGaps() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    List<Long> ids = oneOfEachType(teacher, "5-oak", " (part)");
    String quiz = quiz(teacher, "5-oak", "Part marks", List.of(ids.get(1), ids.get(5), ids.get(7)));
    TestClient chloe = courtyard.signIn("chloe");
    String a = start(chloe, quiz);
    // Mammals: Whale and Shark ticked (one right, one wrong: 0); Lion and Kangaroo right, Panda wrong (2/3); one gap of two (1/2).
    assertEquals(303, chloe.postPairs(a + "/submit", "q0", "0", "q0", "1", "q1.0", "0", "q1.1", "1", "q1.2", "3", "q2.0", "cat", "q2.1", "rug").status());
    String review = chloe.get(a).body();
    assertEquals(2, count(review, "Partly right"), review);
    assertTrue(review.contains("1.17 / 3"), "0 + 2/3 + 1/2 = 1.17 of 3:\n" + review);
    assertTrue(review.contains("0.67 of 1 mark"), "two pairs of three: 0.67 of the mark");
  }

  @Test
  void aTimedAttemptIsHandedInWhenTimeRunsOut() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q1 = question(teacher, "coding-club", "true-false", "Timed 1", "prompt", "Ice is cold.", "truth", "true");
    long q2 = question(teacher, "coding-club", "short-text", "Timed 2", "prompt", "Say yes.", "accept", "yes");
    String quiz = quiz(teacher, "coding-club", "Five minute quiz", List.of(q1, q2), "time-limit", "5");
    TestClient chloe = courtyard.signIn("chloe");
    String a = start(chloe, quiz);
    assertTrue(chloe.get(a).contains("data-seconds-left=\"300\"") || chloe.get(a).contains("data-seconds-left=\"299\""), "the page counts down from five minutes");
    TestClient.Response saved = chloe.postPairs(a + "/save", "autosave", "1", "q0", "0");
    assertEquals(200, saved.status(), saved.body());

    courtyard.advanceClock(Duration.ofMinutes(6));

    String results = teacher.get(quiz + "/results").body();
    assertTrue(results.contains("submitted when time ran out"), "handed in without the learner doing anything:\n" + results);
    assertEquals(409, chloe.postPairs(a + "/save", "autosave", "1", "q1", "yes").status(), "answers after the time are refused");
    String review = chloe.get(a).body();
    assertTrue(review.contains("submitted when time ran out"), review);
    assertTrue(review.contains("1 / 2"), "the answer saved in time counts; the late one does not:\n" + review);
  }

  @Test
  void marksWaitUntilTheQuizClosesWhenTheTeacherSaysSo() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = question(teacher, "5-oak", "true-false", "Closing", "prompt", "Snow is white.", "truth", "true");
    String closes = schoolTime(Duration.ofHours(1));
    String quiz = quiz(teacher, "5-oak", "Marks after closing", List.of(q), "feedback", "after-close", "closes", closes);
    TestClient chloe = courtyard.signIn("chloe");
    String a = start(chloe, quiz);
    assertEquals(303, chloe.postPairs(a + "/submit", "q0", "0").status());
    String before = chloe.get(a).body();
    assertTrue(before.contains("shown after the quiz closes"), before);
    assertFalse(before.contains("Right</p>") || before.contains("Mark:"), "no mark or verdict before closing");
    assertFalse(chloe.get("/s/5-oak/results").contains("Marks after closing"), "the markbook holds it back from the learner too");
    assertTrue(teacher.get("/s/5-oak/results").contains("Marks after closing"), "the teacher sees it at once");

    courtyard.advanceClock(Duration.ofHours(2));

    chloe = courtyard.signIn("chloe"); // two hours on, a learner's idle session has ended: she signs in again
    String after = chloe.get(a).body();
    assertTrue(after.contains("✔</span> Right</p>") && after.contains("Mark: 1 / 1"), after);
    assertTrue(chloe.get("/s/5-oak/results").contains("1 / 1"));
  }

  @Test
  void anInterruptedAttemptIsResumedWithItsAnswers() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String quiz = quiz(teacher, "2-willow", "Resume quiz", oneOfEachType(teacher, "2-willow", " (resume)"));
    TestClient before = courtyard.signIn("ben");
    String a = start(before, quiz);
    String[] firstHalf = {"autosave", "1", "q0", "0", "q1", "0", "q1", "2", "q3", "chilly", "q5.0", "0", "q5.1", "1", "q7.0", "cat", "q7.1", "mat"};
    assertEquals("saved", before.postPairs(a + "/save", firstHalf).body());

    // The tablet's battery dies. Ben signs in again somewhere else and presses Start.
    TestClient after = courtyard.signIn("ben");
    assertEquals(a, start(after, quiz).replaceFirst("^https?://[^/]+", ""), "Start leads back to the same attempt");
    String page = after.get(a).body();
    assertTrue(page.contains("id=\"q0-0\" name=\"q0\" value=\"0\" checked"), "Paris is still chosen");
    assertTrue(page.contains("value=\"2\" checked"), "Bat is still ticked");
    assertTrue(page.contains("name=\"q3\" value=\"chilly\""), "the short answer is still there");
    assertTrue(page.contains("name=\"q7.0\" value=\"cat\""), "the gap is still filled");
    assertEquals(303, after.postPairs(a + "/submit", "q2", "0", "q4", "3.14", "q5.2", "2", "q6.0", "1", "q6.1", "2", "q6.2", "3", "q8", "Walls").status());
    String review = after.get(a).body();
    assertEquals(8, count(review, "✔</span> Right</p>"), "answers from before and after the interruption all count:\n" + review);
  }

  @Test
  void aQuestionsPictureIsSeenOnlyOnceItIsInTheLearnersTry() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    assertEquals(303, teacher.postFile("/s/coding-club/quiz/bank/new/true-false", Map.of("title", "Pictured", "prompt", "This is a robot.", "truth", "true"),
        "image", "robot.png", "image/png", png).status());
    Matcher m = Pattern.compile("/s/coding-club/quiz/bank/q/(\\d+)\">Pictured<").matcher(teacher.get("/s/coding-club/quiz/bank").body());
    assertTrue(m.find());
    long id = Long.parseLong(m.group(1));
    String media = "/s/coding-club/quiz/media/" + id + "/image";
    TestClient chloe = courtyard.signIn("chloe");
    assertEquals(404, chloe.get(media).status(), "not before a quiz gives it to her");
    assertEquals(200, teacher.get(media).status(), "the teacher sees it in the bank");
    String a = start(chloe, quiz(teacher, "coding-club", "Robots", List.of(id)));
    assertTrue(chloe.get(a).contains(media), "her try shows the picture");
    assertEquals(200, chloe.get(media).status());
  }

  @Test
  void aLearnerIsRefusedAnotherLearnersAttemptAndTheMarkingPages() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = question(teacher, "2-willow", "free-text", "Private", "prompt", "What did you do at the weekend?");
    String quiz = quiz(teacher, "2-willow", "Private quiz", List.of(q));
    TestClient amira = courtyard.signIn("amira");
    String a = start(amira, quiz);
    assertEquals(303, amira.postPairs(a + "/submit", "q0", "We went to the seaside").status());
    TestClient ben = courtyard.signIn("ben");
    assertEquals(403, ben.get(a).status(), "Ben cannot read Amira's answers");
    assertEquals(403, ben.postPairs(a + "/save", "q0", "changed").status());
    assertEquals(403, ben.get(quiz + "/results").status());
    assertEquals(403, ben.get(quiz + "/results.csv").status());
    assertEquals(403, ben.post(a + "/mark", Map.of("score.0", "1")).status());
    assertEquals(403, amira.post(a + "/mark", Map.of("score.0", "1")).status(), "nor can she mark her own");
    assertEquals(403, ben.get("/s/2-willow/quiz/bank").status(), "learners cannot see the bank (it holds the answers)");
    TestClient parent = courtyard.signIn("mr.khan");
    assertTrue(parent.get(a).contains("We went to the seaside"), "Amira's parent sees her work");
    String bens = start(ben, quiz);
    assertEquals(403, parent.get(bens).status(), "but not Ben's");
    assertEquals(403, parent.post(quiz + "/start", Map.of()).status(), "parents do not take quizzes");
    assertFalse(teacher.get(quiz + "/results").body().isEmpty());
  }

  // ---- Scheduled jobs ----

  @Test
  void theClosingJobHandsInATimedTryWithNobodyLookingAndTheMarkbookHasIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = question(teacher, "coding-club", "true-false", "Unwatched", "prompt", "Robots need power.", "truth", "true");
    String quiz = quiz(teacher, "coding-club", "Unwatched quiz", List.of(q), "time-limit", "2");
    TestClient chloe = courtyard.signIn("chloe");
    String a = start(chloe, quiz);
    assertEquals(200, chloe.postPairs(a + "/save", "autosave", "1", "q0", "0").status());
    courtyard.runDueJobs();
    assertFalse(teacher.get("/s/coding-club/results").contains("Unwatched quiz"), "still in progress: nothing in the markbook");

    courtyard.advanceClock(Duration.ofMinutes(3));
    courtyard.runDueJobs();
    // The markbook is the core's page: only the job can have handed the try in.
    String markbook = teacher.get("/s/coding-club/results").body();
    assertTrue(markbook.contains("Unwatched quiz") && markbook.contains("1 / 1"), markbook);
  }

  @Test
  void whenAQuizClosesTheTeacherIsToldOnceAndLearnersThatTheirMarksAreReady() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = question(teacher, "5-oak", "true-false", "Rain", "prompt", "Rain is wet.", "truth", "true");
    String quiz = quiz(teacher, "5-oak", "Weather check", List.of(q), "feedback", "after-close", "closes", schoolTime(Duration.ofMinutes(30)));
    TestClient chloe = courtyard.signIn("chloe");
    assertEquals(303, chloe.postPairs(start(chloe, quiz) + "/submit", "q0", "0").status());
    courtyard.runDueJobs();
    assertFalse(teacher.get("/notifications").contains("“Weather check” has closed"), "not closed yet");

    courtyard.advanceClock(Duration.ofMinutes(31));
    courtyard.runDueJobs();
    teacher = courtyard.signIn("mrs.patel");
    String told = teacher.get("/notifications").body();
    assertTrue(told.contains("“Weather check” has closed: 1 learner handed in"), told);
    assertTrue(courtyard.signIn("chloe").get("/notifications").contains("Marks for “Weather check” are ready"));
    courtyard.advanceClock(Duration.ofMinutes(2));
    courtyard.runDueJobs();
    assertEquals(1, count(courtyard.signIn("mrs.patel").get("/notifications").body(), "“Weather check” has closed"), "told once");
  }

  @Test
  void aQtiExportIsClearedAnHourLater() throws Exception {
    TestClient teacher = courtyard.signIn("mrs.patel");
    question(teacher, "coding-club", "true-false", "Exported", "prompt", "Exports are zips.", "truth", "true");
    java.nio.file.Path got = java.nio.file.Files.createTempFile("export", ".zip");
    TestClient.Response r = teacher.download("/s/coding-club/quiz/bank/export", got);
    assertEquals(200, r.status());
    byte[] zip = java.nio.file.Files.readAllBytes(got);
    assertTrue(zip.length > 0 && zip[0] == 'P' && zip[1] == 'K', "a zip");
    assertTrue(storedCopies(zip) == 1, "the export waits in the school's file store for the download to finish");
    courtyard.runDueJobs();
    assertEquals(1, storedCopies(zip), "kept within the hour");
    courtyard.advanceClock(Duration.ofMinutes(61));
    courtyard.runDueJobs();
    assertEquals(0, storedCopies(zip), "cleared by the job once the hour has passed");
  }

  /** Files in the installation's folder with exactly these bytes. */
  static long storedCopies(byte[] content) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(courtyard.home())) {
      return files.filter(java.nio.file.Files::isRegularFile).filter(p -> {
        try {
          return java.nio.file.Files.size(p) == content.length && java.util.Arrays.equals(java.nio.file.Files.readAllBytes(p), content);
        } catch (java.io.IOException e) {
          return false;
        }
      }).count();
    }
  }
}
