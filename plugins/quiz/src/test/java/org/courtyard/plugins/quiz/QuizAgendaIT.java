package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quizzes on home pages and calendars: what the core's agenda hears from the tool, after real tries and marking. */
class QuizAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String schoolTime(Duration later) {
    return java.time.LocalDateTime.ofInstant(courtyard.now().plus(later), java.time.ZoneId.of("Europe/London"))
        .withSecond(0).withNano(0).toString().substring(0, 16);
  }

  /** A quiz of one written question in the space, with these more fields (opens, closes, ...). */
  static String writtenQuiz(String space, String title, String... more) {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, space, "free-text", title + " question", "prompt", "Describe a castle.", "points", "2");
    return QuizIT.quiz(teacher, space, title, List.of(q), more);
  }

  static String id(String quiz, String what) { return "quiz-" + quiz.substring(quiz.lastIndexOf('/') + 1) + "-" + what; }

  static Optional<Waiting> waiting(String who, String title) {
    return courtyard.waitingFor(who).stream().filter(w -> title.equals(w.title())).findFirst();
  }

  static List<Dated> dates(String who) {
    Instant now = courtyard.now();
    return courtyard.datesFor(who, now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(14)));
  }

  static Optional<Dated> dated(String who, String id) { return dates(who).stream().filter(d -> d.id().equals(id)).findFirst(); }

  @Test
  void aWrittenAnswerWaitsForTheTeachersMarkingAndTheLearnersCalendarFollowsIt() {
    String quiz = writtenQuiz("2-willow", "Agenda: castles", "closes", schoolTime(Duration.ofDays(3)), "attempts", "1");
    Waiting toTake = waiting("amira", "Agenda: castles").orElseThrow(() -> new AssertionError("open, and Amira has not handed it in"));
    assertEquals(Waiting.Kind.TO_HAND_IN, toTake.kind());
    assertEquals(quiz, toTake.url());
    Dated closes = dated("amira", id(quiz, "closes")).orElseThrow(() -> new AssertionError("its closing is on Amira's calendar"));
    assertEquals(Dated.Kind.CLOSES, closes.kind());
    assertEquals(Dated.State.TO_DO, closes.state());
    assertEquals(Dated.State.NONE, dated("mrs.patel", id(quiz, "closes")).orElseThrow().state());
    assertTrue(waiting("mrs.patel", "Agenda: castles").isEmpty(), "nothing handed in, nothing to mark");

    TestClient amira = courtyard.signIn("amira");
    String attempt = QuizIT.start(amira, quiz);
    assertTrue(waiting("amira", "Agenda: castles").isPresent(), "a try in progress is not handed in");
    assertEquals(303, amira.postPairs(attempt + "/submit", "q0", "Tall walls and a moat").status());
    Waiting toMark = waiting("mrs.patel", "Agenda: castles").orElseThrow(() -> new AssertionError("the written answer waits for Mrs Patel"));
    assertEquals(Waiting.Kind.TO_MARK, toMark.kind());
    assertEquals(1, toMark.count());
    assertEquals(quiz + "/results", toMark.url());
    assertTrue(waiting("amira", "Agenda: castles").isEmpty(), "handed in");
    assertEquals(Dated.State.HANDED_IN, dated("amira", id(quiz, "closes")).orElseThrow().state());

    assertEquals(303, courtyard.signIn("mrs.patel").post(attempt + "/mark", Map.of("score.0", "2", "comment.0", "Good")).status());
    assertTrue(waiting("mrs.patel", "Agenda: castles").isEmpty(), "marked: nothing left to mark");
    assertEquals(Dated.State.RETURNED, dated("amira", id(quiz, "closes")).orElseThrow().state(), "marks shown straight away");
  }

  @Test
  void aQuizOpeningLaterIsOnTheCalendarButNotYetToDo() {
    String quiz = writtenQuiz("2-willow", "Agenda: later", "opens", schoolTime(Duration.ofDays(1)), "closes", schoolTime(Duration.ofDays(2)));
    assertEquals(Dated.Kind.OPENS, dated("ben", id(quiz, "opens")).orElseThrow(() -> new AssertionError("its opening")).kind());
    assertTrue(dated("ben", id(quiz, "closes")).isPresent(), "and its closing");
    assertTrue(waiting("ben", "Agenda: later").isEmpty(), "not open yet");
  }

  @Test
  void onlyTheClassAndTheirParentsSeeAQuiz() {
    String willow = writtenQuiz("2-willow", "Agenda: willow quiz", "closes", schoolTime(Duration.ofDays(5)));
    String oak = writtenQuiz("5-oak", "Agenda: oak quiz", "closes", schoolTime(Duration.ofDays(5)));
    assertTrue(waiting("chloe", "Agenda: willow quiz").isEmpty(), "Chloe is not in Class 2 Willow");
    assertTrue(dated("chloe", id(willow, "closes")).isEmpty());
    assertTrue(dated("chloe", id(oak, "closes")).isPresent(), "but her own class's is on her calendar");
    assertEquals(Dated.State.TO_DO, dated("mr.khan", id(willow, "closes")).orElseThrow(() -> new AssertionError("Amira's quiz on her father's calendar")).state());
    assertTrue(dated("mr.khan", id(oak, "closes")).isEmpty(), "not another class's");
  }
}
