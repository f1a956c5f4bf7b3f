package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Homework in the reader's language: every word from messages, English and Welsh complete, and the
 * pages a parent reads (tasks, their child's marks and feedback) in Polish, Urdu and Arabic too. What the
 * teacher and the learner wrote stays as they wrote it.
 */
class HomeworkLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void everyWordIsInMessagesInEveryLanguageAParentReads() {
    BundleCheck.assertComplete("homework", "cy", "pl", "ur", "ar");
  }

  /** The page holds the words, with an apostrophe as written or as Handlebars escapes it. */
  static void shows(TestClient.Response page, String words) {
    assertTrue(page.contains(words) || page.contains(words.replace("'", "&#x27;")), "'" + words + "' in " + page.body());
  }

  static String setTask(String title, String feedbackFor) {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.post("/s/2-willow/homework/tasks", Map.of("title", title, "instructions", "<p>Use three colours</p>",
        "due", LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void aWelshReaderSeesHomeworkInWelshAndTheTeachersWordsAsWritten() {
    String task = setTask("Draw a lighthouse", null);
    TestClient amira = courtyard.signIn("amira").header("Accept-Language", "cy");
    TestClient.Response list = amira.get("/s/2-willow/homework");
    assertTrue(list.contains("<html lang=\"cy\""), list.body());
    shows(list, "<h1>Gwaith cartref</h1>");
    shows(list, "<th scope=\"col\">Erbyn</th>");
    shows(list, "i'w wneud");
    assertTrue(list.contains("Draw a lighthouse"), "the teacher's title as written");
    assertFalse(list.contains("No homework here") || list.contains(">Due<") || list.contains("to do"), list.body());

    TestClient.Response page = amira.get(task);
    shows(page, "Fy ngwaith");
    shows(page, "Ysgrifennwch yma");
    shows(page, ">Cyflwyno</button>");
    assertTrue(page.contains("Use three colours"), "the instructions as written");

    TestClient.Response empty = amira.post(task + "/hand-in", Map.of("body", "", "link", ""));
    assertEquals(422, empty.status(), empty.body());
    shows(empty, "Ysgrifennwch rywbeth, ychwanegwch ddolen neu atodwch ffeil yn gyntaf.");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "My lighthouse is red and white", "link", "")).status());
    TestClient.Response after = amira.get(task);
    shows(after, "Wedi'i gyflwyno. Da iawn!");
    shows(after, "Ei weld");

    TestClient welshTeacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    TestClient.Response marking = welshTeacher.get(task);
    shows(marking, "Disgyblion");
    shows(marking, "Rhoi estyniad");
    shows(marking, "wedi'i gyflwyno");
    shows(welshTeacher.get("/s/2-willow/homework/missing"), "<h1>Heb ei gyflwyno</h1>");
  }

  @Test
  void aParentReadsTheirChildsMarkAndFeedbackInPolishUrduAndArabic() {
    String task = setTask("Map of the village", null);
    assertEquals(303, courtyard.signIn("amira").post(task + "/hand-in", Map.of("body", "I drew the church", "link", "")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    Matcher m = Pattern.compile("(" + Pattern.quote(task) + "/s/\\d+)").matcher(teacher.get(task).body());
    assertTrue(m.find());
    String sub = m.group(1);
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "A very clear map", "action", "return")).status());

    TestClient polish = courtyard.signIn("mr.khan").header("Accept-Language", "pl");
    TestClient.Response pl = polish.get(task);
    assertTrue(pl.contains("<html lang=\"pl\""), pl.body());
    shows(pl, "Postępy");
    shows(pl, "ocenione: Outstanding");
    assertTrue(pl.contains("A very clear map"), "the teacher's feedback as written");
    shows(polish.get("/s/2-willow/homework"), "<h1>Zadania domowe</h1>");

    TestClient urdu = courtyard.signIn("mr.khan").header("Accept-Language", "ur");
    TestClient.Response ur = urdu.get(task);
    shows(ur, "پیش رفت");
    shows(ur, "جانچ لیا گیا: Outstanding");
    TestClient.Response urSub = urdu.get(sub);
    shows(urSub, "<h2>نمبر</h2>");
    assertTrue(urSub.contains("I drew the church") && urSub.contains("A very clear map"), "the child's and the teacher's words as written");

    TestClient arabic = courtyard.signIn("mr.khan").header("Accept-Language", "ar");
    TestClient.Response ar = arabic.get(task);
    assertTrue(ar.contains("dir=\"rtl\""), ar.body());
    shows(ar, "التقدم");
    shows(ar, "صُحِّح: Outstanding");
    shows(arabic.get("/s/2-willow/homework"), "<h1>الواجبات المنزلية</h1>");
  }

  /** Gwen chose Welsh, Harry did not: each is told of the new homework in their own language. */
  @Test
  void eachLearnerIsToldOfNewHomeworkInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Homework");
    TestPerson welsh = school.addLearner("Gwen Homework");
    TestPerson english = school.addLearner("Harry Homework");
    TestSpace space = school.addClass("Homework notices").addMember(teacher, Role.OWNER).addMember(welsh, Role.MEMBER).addMember(english, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "homework", "action", "add")).status());
    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient.Response set = t.post(space.url() + "/homework/tasks", Map.of("title", "Leaf rubbings", "instructions", "",
        "due", LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, set.status(), set.body());

    TestClient.Response inWelsh = gwen.get("/notifications");
    assertTrue(inWelsh.contains("Gwaith cartref newydd: Leaf rubbings") && !inWelsh.contains("New homework"), inWelsh.body());
    TestClient.Response inEnglish = english.signIn().get("/notifications");
    assertTrue(inEnglish.contains("New homework: Leaf rubbings") && !inEnglish.contains("Gwaith cartref newydd"), inEnglish.body());
  }
}
