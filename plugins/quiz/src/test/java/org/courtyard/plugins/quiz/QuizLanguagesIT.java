package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.courtyard.api.Role;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quizzes in the reader's language: every word from messages, English and Welsh complete, and the
 * pages a parent reads (the quiz, their child's tries and marks) in Polish, Urdu and Arabic too. The
 * teacher's questions and the learner's answers stay as written.
 */
class QuizLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void everyWordIsInMessagesAndWelshIsComplete() {
    BundleCheck.assertComplete("quiz", "cy");
  }

  /** The page holds the words, with an apostrophe as written or as Handlebars escapes it. */
  static void shows(TestClient.Response page, String words) {
    assertTrue(page.contains(words) || page.contains(words.replace("'", "&#x27;")), "'" + words + "' in " + page.body());
  }

  @Test
  void aWelshLearnerTakesAQuizInWelshAndAParentReadsTheMarkInPolishUrduAndArabic() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long q = QuizIT.question(teacher, "2-willow", "single", "Capital city", "prompt", "What is the capital of Wales?",
        "choice.0", "Cardiff", "choice.1", "Swansea", "correct", "0");
    String quiz = QuizIT.quiz(teacher, "2-willow", "Welsh cities", List.of(q));

    TestClient amira = courtyard.signIn("amira").header("Accept-Language", "cy");
    TestClient.Response list = amira.get("/s/2-willow/quiz");
    assertTrue(list.contains("<html lang=\"cy\""), list.body());
    shows(list, "<h1>Cwisiau</h1>");
    shows(list, "heb ddechrau");
    assertTrue(list.contains("Welsh cities"), "the teacher's title as written");
    TestClient.Response overview = amira.get(quiz);
    shows(overview, "1 cwestiwn");
    shows(overview, "Dechrau'r cwis");
    String attempt = QuizIT.start(amira, quiz);
    TestClient.Response form = amira.get(attempt);
    shows(form, "Cwestiwn 1");
    shows(form, ">Cyflwyno</button>");
    assertTrue(form.contains("What is the capital of Wales?") && form.contains("Cardiff"), "the question as written");
    assertFalse(form.contains("Your answers are saved each time"), form.body());
    assertEquals(303, amira.postPairs(attempt + "/submit", "q0", "0").status());
    TestClient.Response review = amira.get(attempt);
    shows(review, "</span> Cywir</p>");
    shows(review, "Marc: 1 / 1");

    TestClient polish = courtyard.signIn("mr.khan").header("Accept-Language", "pl");
    TestClient.Response pl = polish.get(attempt);
    assertTrue(pl.contains("<html lang=\"pl\""), pl.body());
    shows(pl, "Pytanie 1");
    shows(pl, "</span> Dobrze</p>");
    shows(pl, "Wynik: 1 / 1");
    assertTrue(pl.contains("Cardiff"), "Amira's answer as written");
    shows(polish.get(quiz), "Próba 1");

    TestClient urdu = courtyard.signIn("mr.khan").header("Accept-Language", "ur");
    TestClient.Response ur = urdu.get(attempt);
    shows(ur, "سوال 1");
    shows(ur, "</span> درست</p>");
    shows(urdu.get("/s/2-willow/quiz"), "<h1>کوئز</h1>");

    TestClient arabic = courtyard.signIn("mr.khan").header("Accept-Language", "ar");
    TestClient.Response ar = arabic.get(attempt);
    assertTrue(ar.contains("dir=\"rtl\""), ar.body());
    shows(ar, "السؤال 1");
    shows(ar, "</span> صحيحة</p>");
    shows(ar, "درجة واحدة");
    assertTrue(ar.contains("What is the capital of Wales?"), "the teacher's question as written");
    shows(arabic.get(quiz), "سؤال واحد");
  }

  /** Gwen chose Welsh, Harry did not: each is told of the new quiz in their own language. */
  @Test
  void eachLearnerIsToldOfANewQuizInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Quiz");
    TestPerson welsh = school.addLearner("Gwen Quiz");
    TestPerson english = school.addLearner("Harry Quiz");
    TestSpace space = school.addClass("Quiz notices").addMember(teacher, Role.OWNER).addMember(welsh, Role.MEMBER).addMember(english, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "quiz", "action", "add")).status());
    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    long q = QuizIT.question(t, space.slug(), "true-false", "Dragon", "prompt", "The Welsh flag has a dragon.", "truth", "true");
    QuizIT.quiz(t, space.slug(), "Flags", List.of(q));

    TestClient.Response inWelsh = gwen.get("/notifications");
    assertTrue(inWelsh.contains("Cwis newydd: Flags") && !inWelsh.contains("New quiz"), inWelsh.body());
    TestClient.Response inEnglish = english.signIn().get("/notifications");
    assertTrue(inEnglish.contains("New quiz: Flags") && !inEnglish.contains("Cwis newydd"), inEnglish.body());
  }
}
