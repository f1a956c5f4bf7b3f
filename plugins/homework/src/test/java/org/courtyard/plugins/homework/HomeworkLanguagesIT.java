package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
    BundleCheck.assertParentsPages("homework", "pl", "ur", "ar");
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

  /** What teachers and learners did, on the ICT leader's usage page: each summary and kind of action in the reader's language. */
  @Test
  void theIctLeaderReadsWhatHappenedInHomeworkInTheirLanguage() {
    String task = setTask("Usage map", null);
    assertEquals(303, courtyard.signIn("amira").post(task + "/hand-in", Map.of("body", "I drew the river", "link", "")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    Matcher m = Pattern.compile("(" + Pattern.quote(task) + "/s/\\d+)").matcher(teacher.get(task).body());
    assertTrue(m.find());
    String sub = m.group(1);
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Good", "action", "save")).status());
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Good", "action", "return")).status());

    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertEquals(200, welsh.status());
    shows(welsh, "gosododd “Usage map”");
    shows(welsh, "cyflwynodd “Usage map”");
    shows(welsh, "marciodd “Usage map” gan Amira Khan");
    shows(welsh, "dychwelodd “Usage map” i Amira Khan");
    for (String action : new String[] {"Gwaith cartref a osodwyd", "Gwaith a gyflwynwyd", "Gwaith a farciwyd", "Gwaith a ddychwelwyd"}) shows(welsh, action);
    assertFalse(welsh.contains("set “Usage map”") || welsh.contains("Work handed in"), "none of it in English");

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    shows(english, "set “Usage map”");
    shows(english, "handed in “Usage map”");
    shows(english, "marked Amira Khan's “Usage map”");
    shows(english, "returned Amira Khan's “Usage map”");
    for (String action : new String[] {"Homework set", "Work handed in", "Work marked", "Work returned"}) shows(english, action);
    assertFalse(english.contains("gosododd") || english.contains("Gwaith a gyflwynwyd"), "none of it in Welsh");
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

  /** An answer and a teacher's comment say what language they are in; the page marks each so a screen reader reads it right. */
  @Test
  void aPolishAnswerAnArabicAnswerAndTheTeachersCommentAreMarkedWithTheirLanguage() {
    String task = setTask("Describe your home", null);
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response form = amira.get(task);
    shows(form, "<label for=\"hlang\">Language of this text</label><select id=\"hlang\" name=\"lang\"><option value=\"\" selected>The page's language</option>");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "Mój dom jest mały i ciepły.", "link", "", "lang", "pl")).status());
    assertTrue(amira.get(task).contains("<option value=\"pl\" lang=\"pl\" selected>"), "handing in again keeps the language chosen");
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.post(task + "/hand-in", Map.of("body", "بيتي كبير", "link", "", "lang", "ar")).status());

    TestClient teacher = courtyard.signIn("mrs.patel");
    String amiras = HomeworkIT.submissionLink(amira, task);
    String bens = HomeworkIT.submissionLink(ben, task);
    assertTrue(teacher.get(amiras).contains("<div lang=\"pl\" dir=\"ltr\"><p>Mój dom jest mały i ciepły.</p></div>"), teacher.get(amiras).body());
    TestClient.Response arabic = teacher.get(bens);
    assertTrue(arabic.contains("<div lang=\"ar\" dir=\"rtl\"><p>بيتي كبير</p></div>"), "Arabic right to left: " + arabic.body());
    assertEquals(303, ben.post(task + "/hand-in", Map.of("body", "My house is big", "link", "")).status());
    assertTrue(teacher.get(bens).contains("<div><p>My house is big</p></div>"), "handed in again with no language: none of its own");

    assertEquals(303, teacher.post(amiras + "/mark", Map.of("mark", "Outstanding", "feedback", "Bardzo dobrze, Amira!", "lang", "pl", "action", "return")).status());
    assertEquals(303, teacher.post(bens + "/mark", Map.of("mark", "Satisfactory", "feedback", "Well described", "action", "return")).status());
    TestClient.Response marked = amira.get(amiras);
    assertTrue(marked.contains("<p lang=\"pl\" dir=\"ltr\">Bardzo dobrze, Amira!</p>"), marked.body());
    assertTrue(amira.get(task).contains("<span lang=\"pl\" dir=\"ltr\">Bardzo dobrze, Amira!</span>"), "and beside the mark on the task");
    assertTrue(ben.get(bens).contains("<p>Well described</p>"), "a comment with no language chosen has none of its own");
    assertTrue(teacher.get(amiras).contains("<select id=\"ml\" name=\"lang\"><option value=\"\">"), "marking again shows the comment's language");
    assertTrue(teacher.get(amiras).contains("<option value=\"pl\" lang=\"pl\" selected>"));
  }

  @Test
  void aWelshLearnersDownloadNamesHerHomeworkRecordsInWelsh() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Data");
    TestPerson learner = school.addLearner("Gwen Data");
    TestSpace space = school.addClass("Homework data").addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "homework", "action", "add")).status());
    TestClient gwen = learner.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient.Response set = t.post(space.url() + "/homework/tasks", Map.of("title", "Fy nheulu", "instructions", "",
        "due", LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, set.status(), set.body());
    assertEquals(303, gwen.post(set.location() + "/hand-in", Map.of("body", "Moja rodzina", "link", "", "lang", "pl")).status());
    Matcher m = Pattern.compile("(/s/[^/]+/homework/t/\\d+/s/\\d+)").matcher(gwen.get(set.location()).body());
    assertTrue(m.find());
    assertEquals(303, t.post(m.group(1) + "/mark", Map.of("mark", "Outstanding", "feedback", "Da iawn", "lang", "cy", "action", "return")).status());

    String json = new String(courtyard.subjectAccess(learner.username()).get("data.json"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Gwaith cartref wedi'i gyflwyno", "Beth ysgrifennon nhw", "Adborth yr athro", "Iaith adborth yr athro", "Wedi'i roi yn ôl iddyn nhw"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
    }
    assertTrue(json.contains("\"pl\"") && json.contains("\"cy\""), "the answer's and the comment's languages are in the download");
    assertFalse(json.contains("Homework handed in") || json.contains("What they wrote"), "no English kinds or fields: " + json);
  }
}
