package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * teacher's questions and the learner's answers stay as written. The question editor's refusals and a
 * QTI package's problems are in the teacher's language; a subject access download names the quiz's
 * records in the language of the person it is about.
 */
class QuizLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void everyWordIsInMessagesAndWelshIsComplete() {
    BundleCheck.assertComplete("quiz", "cy");
    BundleCheck.assertParentsPages("quiz", "pl", "ur", "ar");
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

  /** Mrs Patel reads Welsh: the editor, what it refuses, and what is wrong with a QTI package are all in Welsh. */
  @Test
  void aWelshTeacherWritesAndImportsQuestionsInWelsh() throws Exception {
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    TestClient.Response editor = teacher.get("/s/coding-club/quiz/bank/new/true-false");
    assertTrue(editor.contains("<html lang=\"cy\""), editor.body());
    shows(editor, "Cwestiwn newydd: Gwir neu gau");

    TestClient.Response single = teacher.postPairs("/s/coding-club/quiz/bank/new/single", "title", "Planedau", "prompt", "Pa blaned yw'r fwyaf?",
        "choice.0", "Iau", "choice.1", "Mawrth");
    assertEquals(422, single.status(), single.body());
    shows(single, "Ticiwch un ateb cywir yn unig.");
    assertFalse(single.contains("Tick exactly one right answer"), single.body());
    TestClient.Response matching = teacher.postPairs("/s/coding-club/quiz/bank/new/matching", "prompt", "Ble maen nhw'n byw?", "left.0", "Llew", "right.0", "Affrica",
        "left.1", "Panda");
    assertEquals(422, matching.status(), matching.body());
    shows(matching, "Mae angen rhywbeth i baru â “Panda”.");
    shows(matching, "Rhowch o leiaf ddau bâr i'w paru.");
    String[] many = new String[4];
    many[0] = "prompt";
    many[1] = "Enwch liw.";
    many[2] = "accept";
    many[3] = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "lliw " + i).toList());
    TestClient.Response tooMany = teacher.postPairs("/s/coding-club/quiz/bank/new/short-text", many);
    assertEquals(422, tooMany.status(), tooMany.body());
    shows(tooMany, "Rhowch 20 ateb a dderbynnir ar y mwyaf (mae gan y cwestiwn hwn 21).");

    TestClient.Response noBody = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "gwag.xml", "text/xml",
        "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"g\" title=\"Gwag\"/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, noBody.status(), noBody.body());
    shows(noBody, "Ni fewnforiwyd dim: cywirwch y rhain a rhowch gynnig arall arni.");
    shows(noBody, "y ffeil: does dim itemBody ynddi.");
    assertFalse(noBody.contains("has no itemBody"), noBody.body());
    String hotspot = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="spot" title="Ble mae e">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
          <itemBody><hotspotInteraction responseIdentifier="RESPONSE" maxChoices="1"/></itemBody>
        </assessmentItem>""";
    TestClient.Response pkg = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "pecyn.zip", "application/zip",
        QtiIT.zip(Map.of("hotspot.xml", hotspot)));
    assertEquals(422, pkg.status(), pkg.body());
    shows(pkg, "hotspot.xml: mae'n defnyddio hotspotInteraction, na all Courtyard ei dderbyn");

    String trueFalse = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="ddraig" title="Draig">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>true</value></correctResponse></responseDeclaration>
          <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>Mae draig ar faner Cymru.</prompt>
            <simpleChoice identifier="true">True</simpleChoice><simpleChoice identifier="false">False</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>""";
    assertEquals(303, teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "draig.xml", "text/xml",
        trueFalse.getBytes(StandardCharsets.UTF_8)).status());
    TestClient.Response bank = teacher.get("/s/coding-club/quiz/bank");
    shows(bank, "Mewnforiwyd 1 cwestiwn i “Wedi'u mewnforio”.");
    assertTrue(bank.contains(">Draig<"), bank.body());
  }

  /**
   * The safe XML and zip readers' refusals (the plugin API's words) reach a Welsh teacher in Welsh: an item
   * declaring a DOCTYPE, on its own or in a package, and a package with a path outside its folder.
   */
  @Test
  void aWelshTeacherImportingAnItemWithADoctypeIsToldWhyInWelsh() throws Exception {
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    String doctype = """
        <?xml version="1.0"?>
        <!DOCTYPE assessmentItem [<!ENTITY cyfrinach SYSTEM "file:///etc/passwd">]>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="&cyfrinach;">
          <itemBody><extendedTextInteraction responseIdentifier="RESPONSE"/></itemBody>
        </assessmentItem>""".strip();
    String welshRefusal = "Mae'r ffeil yn datgan DOCTYPE, ac nid yw hynny'n cael ei ganiatáu (gall guddio endidau allanol neu fom endidau).";

    TestClient.Response single = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "drwg.xml", "text/xml",
        doctype.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, single.status(), single.body());
    shows(single, "Ni fewnforiwyd dim: cywirwch y rhain a rhowch gynnig arall arni.");
    shows(single, "y ffeil: " + welshRefusal);
    assertFalse(single.contains("declares a DOCTYPE"), single.body());

    TestClient.Response pkg = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "pecyn.zip", "application/zip",
        QtiIT.zip(Map.of("drwg.xml", doctype)));
    assertEquals(422, pkg.status(), pkg.body());
    shows(pkg, "drwg.xml: " + welshRefusal);

    TestClient.Response outside = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "pecyn.zip", "application/zip",
        QtiIT.zip(Map.of("../drwg.xml", doctype)));
    assertEquals(422, outside.status(), outside.body());
    shows(outside, "Methwyd agor y pecyn: Mae'r ffeil zip yn cynnwys llwybr y tu allan i'w ffolder (../drwg.xml), felly cafodd ei gwrthod.");

    TestClient.Response inEnglish = courtyard.signIn("mrs.patel").postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "bad.xml", "text/xml",
        doctype.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, inEnglish.status(), inEnglish.body());
    assertTrue(inEnglish.contains("The file declares a DOCTYPE, which is not allowed"), inEnglish.body());
  }

  /** Gwen reads Welsh, Harry English: each one's review, and each one's subject access download, in their own language. */
  @Test
  void aLearnersDownloadNamesTheirQuizRecordsInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Lawrlwytho");
    TestPerson welsh = school.addLearner("Gwen Lawrlwytho");
    TestPerson english = school.addLearner("Harry Download");
    TestSpace space = school.addClass("Quiz downloads").addMember(teacher, Role.OWNER).addMember(welsh, Role.MEMBER).addMember(english, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "quiz", "action", "add")).status());
    long q = QuizIT.question(t, space.slug(), "true-false", "Dragon", "prompt", "The Welsh flag has a dragon.", "truth", "true");
    String quiz = QuizIT.quiz(t, space.slug(), "Flags", List.of(q));

    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    String hers = QuizIT.start(gwen, quiz);
    shows(gwen.get(hers), ">Gwir</label>");
    assertEquals(303, gwen.postPairs(hers + "/submit", "q0", "0").status());
    shows(gwen.get(hers), "<strong>Ateb:</strong> Gwir</p>");
    TestClient harry = english.signIn();
    String his = QuizIT.start(harry, quiz);
    assertEquals(303, harry.postPairs(his + "/submit", "q0", "1").status());
    TestClient.Response review = harry.get(his);
    assertTrue(review.contains("<strong>Answer:</strong> False</p>") && review.contains("<strong>Right answer:</strong> True</p>"), review.body());

    Map<String, byte[]> inWelsh = courtyard.subjectAccess(welsh.username());
    String json = new String(inWelsh.get("data.json"), StandardCharsets.UTF_8);
    String page = new String(inWelsh.get("index.html"), StandardCharsets.UTF_8);
    for (String word : new String[] {"Cynnig ar gwis", "Ateb cwis", "Eu hateb", "Gwir", "1 o 1", "Flags", "Dragon"}) {
      assertTrue(json.contains(word), "data.json holds " + word + ": " + json);
      assertTrue(page.contains(word), "index.html holds " + word);
    }
    assertFalse(json.contains("Quiz try") || json.contains("Their answer"), json);

    String englishJson = new String(courtyard.subjectAccess(english.username()).get("data.json"), StandardCharsets.UTF_8);
    for (String word : new String[] {"Quiz try", "Quiz answer", "Their answer", "Teacher's comment", "False", "0 of 1", "handed in"}) {
      assertTrue(englishJson.contains(word), "data.json holds " + word + ": " + englishJson);
    }
    assertFalse(englishJson.contains("Cynnig ar gwis"), englishJson);

    // The teacher's spreadsheet has its headings in the teacher's language; the names and marks as they are.
    String csv = t.get(quiz + "/results.csv").body();
    assertTrue(csv.startsWith("Learner,Try,Started,Handed in,State,Score,Out of,Percent\r\n"), csv);
    String welshCsv = teacher.signIn().header("Accept-Language", "cy").get(quiz + "/results.csv").body();
    assertTrue(welshCsv.startsWith("Disgybl,Cynnig,Dechreuwyd,Cyflwynwyd,Sefyllfa,Sgôr,Allan o,Canran\r\n"), welshCsv);
    assertTrue(welshCsv.contains("\"Gwen Lawrlwytho\",1,"), welshCsv);
  }
}
