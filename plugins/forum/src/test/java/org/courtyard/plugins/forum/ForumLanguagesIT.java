package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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

/** The forum in Welsh for learners and teachers; what people wrote stays as they wrote it. */
class ForumLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  /** Welsh with an apostrophe comes escaped as HTML writes it. */
  static boolean says(TestClient.Response page, String words) {
    return page.contains(words) || page.contains(words.replace("'", "&#x27;"));
  }

  static String forum(String space, String title) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/" + space + "/forum/forums", Map.of("title", title, "layout", "threaded"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void everyWordIsInItsMessagesInWelsh() {
    BundleCheck.assertComplete("forum", "cy");
    BundleCheck.assertParentsPages("forum", "pl", "ur", "ar");
  }

  @Test
  void aWelshLearnerReadsAndRepliesInWelshAndThePostsStayAsWritten() {
    String f = forum("2-willow", "Our class news");
    TestClient.Response started = courtyard.signIn("amira").post(f + "/discussions", Map.of("title", "My holiday", "body", "I went to the seaside"));
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");

    TestClient.Response index = ben.get("/s/2-willow/forum");
    assertTrue(index.contains("<html lang=\"cy\"") && index.contains("Our class news") && index.contains("1 trafodaeth"), index.body());

    TestClient.Response list = ben.get(f);
    assertTrue(list.contains("Dechrau trafodaeth") && list.contains("Eich neges") && list.contains("gan Amira Khan, neges olaf"), list.body());
    assertFalse(list.contains("Start a discussion"), "none of the forum's English left");
    assertTrue(list.contains("My holiday"), "the title as Amira wrote it");

    TestClient.Response page = ben.get(d);
    assertTrue(page.contains("Eich ateb") && page.contains("Y drafodaeth gyfan") && page.contains("Neges Amira Khan") && says(page, "Postio'r ateb"), page.body());
    assertTrue(page.contains("I went to the seaside"), "the post as Amira wrote it");

    TestClient.Response empty = ben.post(d + "/replies", Map.of("body", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Ysgrifennwch rywbeth yn gyntaf."), "the refusal in Welsh: " + empty.body());
    TestClient.Response notANumber = ben.post(d + "/replies", Map.of("body", "Hi", "parent", "abc"));
    assertEquals(422, notANumber.status());
    assertTrue(notANumber.contains("Yn ateb:"), "the field named in Welsh: " + notANumber.body());

    assertEquals(303, ben.post(d + "/replies", Map.of("body", "Did you see crabs?")).status());
    TestClient.Response after = ben.get(d);
    assertTrue(says(after, "Ateb wedi'i bostio."), "the flash in Welsh: " + after.body());
    assertTrue(after.contains("Did you see crabs?"));
  }

  @Test
  void aWelshTeacherModeratesInWelsh() {
    String f = forum("coding-club", "Club chat");
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());
    TestClient chloe = courtyard.signIn("chloe").header("Accept-Language", "cy");
    TestClient.Response started = chloe.post(f + "/discussions", Map.of("title", "Scratch question", "body", "How do I make the cat jump?"));
    assertEquals(303, started.status(), started.body());
    TestClient.Response waiting = chloe.get(started.location());
    assertTrue(says(waiting, "Diolch! Bydd athro'n ei gwirio cyn i eraill ei gweld."), waiting.body());
    assertTrue(waiting.contains("Yn aros i athro ei gwirio.") && waiting.contains("Mae negeseuon disgyblion yn aros am athro yn y gofod hwn."), waiting.body());

    TestClient.Response queue = teacher.get("/s/coding-club/forum/moderation");
    assertTrue(says(queue, "Negeseuon i'w gwirio") && queue.contains("Agor y drafodaeth") && queue.contains("Cymeradwyo"), queue.body());
    assertTrue(queue.contains("How do I make the cat jump?"), "the post as Chloe wrote it");
  }

  /** Gwen chose Welsh, Harry did not: a reply in the discussion they both follow reaches each in their own language. */
  @Test
  void eachSubscriberIsToldOfAReplyInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Forum");
    TestPerson welsh = school.addLearner("Gwen Forum");
    TestPerson english = school.addLearner("Harry Forum");
    TestSpace space = school.addClass("Forum notices").addMember(teacher, Role.OWNER).addMember(welsh, Role.MEMBER).addMember(english, Role.MEMBER);
    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "forum", "action", "add")).status());
    TestClient.Response made = t.post(space.url() + "/forum/forums", Map.of("title", "Notices", "layout", "threaded"));
    assertEquals(303, made.status(), made.body());
    String f = made.location();
    TestClient.Response started = gwen.post(f + "/discussions", Map.of("title", "Sports day", "body", "When is it?"));
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    TestClient harry = english.signIn();
    assertEquals(303, harry.post(d + "/replies", Map.of("body", "Friday")).status());
    assertEquals(303, gwen.post(d + "/replies", Map.of("body", "Thanks")).status());
    assertEquals(303, t.post(d + "/replies", Map.of("body", "Bring water")).status());

    TestClient.Response inWelsh = gwen.get("/notifications");
    assertTrue(inWelsh.contains("Ateb newydd yn “Sports day”") && !inWelsh.contains("New reply in"), inWelsh.body());
    TestClient.Response inEnglish = harry.get("/notifications");
    assertTrue(inEnglish.contains("New reply in “Sports day”") && !inEnglish.contains("Ateb newydd"), inEnglish.body());
  }

  /** A space of its own (teacher, Welsh reader, learner) with the forum added, so each test's people and words are its own. */
  record Room(TestPerson teacher, TestPerson learner, TestSpace space, String forum) {}

  static Room classWithForum(String name) {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of " + name);
    TestPerson learner = school.addLearner("Learner in " + name);
    TestSpace space = school.addClass(name).addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "forum", "action", "add")).status());
    TestClient.Response made = t.post(space.url() + "/forum/forums", Map.of("title", "Talk", "layout", "threaded"));
    assertEquals(303, made.status(), made.body());
    return new Room(teacher, learner, space, made.location());
  }

  @Test
  void aPostMarkedPolishIsMarkedSoAndOneWithNoLanguageChosenIsNot() {
    Room c = classWithForum("Forum Polish");
    TestClient learner = c.learner().signIn();
    TestClient.Response form = learner.get(c.forum());
    assertTrue(form.contains("<label for=\"dl\">Language of this text</label>") && form.contains("<option value=\"pl\" lang=\"pl\">Polski</option>"), form.body());
    TestClient.Response started = learner.post(c.forum() + "/discussions", Map.of("title", "Mój wiersz", "body", "Lubię jesień i liście", "lang", "pl"));
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    assertEquals(303, learner.post(d + "/replies", Map.of("body", "Plain English reply", "lang", "")).status());

    TestClient.Response page = c.teacher().signIn().get(d);
    assertTrue(page.contains("<div class=\"forum-body\" lang=\"pl\" dir=\"ltr\"><p>Lubię jesień i liście</p>"), "the poem is marked Polish: " + page.body());
    assertTrue(page.contains("<span lang=\"pl\" dir=\"ltr\">Mój wiersz</span>"), "and its title");
    assertTrue(page.contains("<div class=\"forum-body\"><p>Plain English reply</p>"), "no language chosen: no lang of its own: " + page.body());
    assertTrue(c.teacher().signIn().get(c.forum()).contains("lang=\"pl\" dir=\"ltr\">Mój wiersz</a>"), "the title is marked in the list too");
    assertTrue(c.teacher().signIn().get(c.space().url() + "/forum/search?q=wiersz").contains("lang=\"pl\" dir=\"ltr\">Mój wiersz</a>"), "and in search");

    TestClient.Response arabic = learner.post(d + "/replies", Map.of("body", "مرحبا بالجميع", "lang", "ar"));
    assertEquals(303, arabic.status(), arabic.body());
    assertTrue(learner.get(d).contains("<div class=\"forum-body\" lang=\"ar\" dir=\"rtl\">"), "right to left where the language is");
    TestClient.Response nonsense = learner.post(d + "/replies", Map.of("body", "Odd language", "lang", "\"><script>"));
    assertEquals(303, nonsense.status(), "a malformed language is dropped, not refused");
    assertTrue(learner.get(d).contains("<div class=\"forum-body\"><p>Odd language</p>"));
  }

  @Test
  void aWelshReaderSeesAFormerMembersPostsInWelsh() {
    Room c = classWithForum("Forum Erased");
    TestClient learner = c.learner().signIn();
    TestClient.Response started = learner.post(c.forum() + "/discussions", Map.of("title", "Leaving soon", "body", "My last post"));
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    TestClient teacher = c.teacher().signIn();
    assertEquals(303, teacher.post(d + "/replies", Map.of("body", "Good luck")).status());
    courtyard.erase(c.learner().username());

    TestClient.Response welsh = c.teacher().signIn().header("Accept-Language", "cy").get(d);
    assertTrue(welsh.contains("Cyn-aelod") && welsh.contains("Cafodd y neges hon ei thynnu.") && welsh.contains("Trafodaeth a ddechreuwyd gan gyn-aelod"), welsh.body());
    assertFalse(welsh.contains("A former member") || welsh.contains("This post was removed."), "none of it in English");
    assertFalse(welsh.contains("My last post") || welsh.contains("Leaving soon"));
    assertTrue(welsh.contains("Good luck"));
    TestClient.Response list = c.teacher().signIn().header("Accept-Language", "cy").get(c.forum());
    assertTrue(list.contains("Trafodaeth a ddechreuwyd gan gyn-aelod"), list.body());

    TestClient.Response english = c.teacher().signIn().get(d);
    assertTrue(english.contains("A former member") && english.contains("This post was removed.") && english.contains("A discussion started by a former member"),
        english.body());
  }

  @Test
  void theForumASpaceStartsWithIsNamedInTheReadersLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of Forum Default");
    TestSpace space = school.addClass("Dosbarth Derw").addMember(teacher, Role.OWNER);
    assertEquals(303, teacher.signIn().post(space.url() + "/manage/tools", Map.of("tool", "forum", "action", "add")).status());
    TestClient.Response english = teacher.signIn().get(space.url() + "/forum");
    assertTrue(english.contains("Dosbarth Derw forum") && english.contains("Talk about anything to do with Dosbarth Derw."), english.body());
    TestClient.Response welsh = teacher.signIn().header("Accept-Language", "cy").get(space.url() + "/forum");
    assertTrue(welsh.contains("Fforwm Dosbarth Derw") && welsh.contains("Siaradwch am unrhyw beth sy&#x27;n ymwneud â Dosbarth Derw."), welsh.body());
    assertFalse(welsh.contains("Dosbarth Derw forum"));
    assertTrue(courtyard.signIn("chloe").get("/s/5-oak/forum").contains("Class 5 Oak forum"), "the demo classes' own forums");
    assertTrue(courtyard.signIn("chloe").header("Accept-Language", "cy").get("/s/5-oak/forum").contains("Fforwm Class 5 Oak"), "and in Welsh too");
  }

  @Test
  void aWelshLearnersDownloadNamesTheirForumRecordsInWelsh() {
    Room c = classWithForum("Forum Download");
    TestClient learner = c.learner().signIn();
    assertEquals(303, learner.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient.Response started = learner.post(c.forum() + "/discussions", Map.of("title", "Fy ngherdd", "body", "Mae'r dail yn cwympo", "lang", "cy"));
    assertEquals(303, started.status(), started.body());

    Map<String, byte[]> download = courtyard.subjectAccess(c.learner().username());
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    String html = new String(download.get("index.html"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Neges fforwm", "Trafodaeth fforwm a ddechreuwyd", "Beth ysgrifennon nhw", "Pawb yn y gofod", "Iaith"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
    }
    assertTrue(html.contains("Neges fforwm") && html.contains("Trafodaeth"), html);
    assertFalse(json.contains("\"Forum post\"") || json.contains("What they wrote"), "no English record names: " + json);
    assertTrue(json.contains("Mae'r dail yn cwympo") || json.contains("Mae\\u0027r dail yn cwympo"), "what they wrote, as written");
  }

  /** What people did in the forum, on the ICT leader's usage page: each summary and kind of action in the reader's language. */
  @Test
  void theIctLeaderReadsWhatHappenedInTheForumInTheirLanguage() {
    Room c = classWithForum("Forum Usage");
    TestClient learner = c.learner().signIn();
    TestClient.Response started = learner.post(c.forum() + "/discussions", Map.of("title", "Usage trip", "body", "Where shall we go?"));
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    assertEquals(303, learner.post(d + "/replies", Map.of("body", "The zoo")).status());
    TestClient teacher = c.teacher().signIn();
    assertEquals(303, teacher.post(c.space().url() + "/manage/settings", Map.of("tool", "forum", "forum.moderation", "before")).status());
    assertEquals(303, learner.post(d + "/replies", Map.of("body", "Or the beach")).status());
    TestClient.Response queue = teacher.get(c.space().url() + "/forum/moderation");
    java.util.regex.Matcher post = java.util.regex.Pattern.compile("/forum/p/(\\d+)/approve").matcher(queue.body());
    assertTrue(post.find(), queue.body());
    assertEquals(303, teacher.post(c.space().url() + "/forum/p/" + post.group(1) + "/approve", Map.of("back", "queue")).status());

    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertEquals(200, welsh.status());
    assertTrue(welsh.contains("dechreuodd “Usage trip”") && welsh.contains("atebodd yn “Usage trip”")
        && welsh.contains("cymeradwyodd neges gan Learner in Forum Usage"), welsh.body());
    assertTrue(welsh.contains("Trafodaethau a ddechreuwyd") && welsh.contains("Atebion") && welsh.contains("Negeseuon a gymeradwywyd"), welsh.body());
    assertFalse(welsh.contains("started “Usage trip”") || welsh.contains("Discussions started"), "none of it in English");

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    assertTrue(english.contains("started “Usage trip”") && english.contains("replied in “Usage trip”")
        && english.contains("approved a post by Learner in Forum Usage"), english.body());
    assertTrue(english.contains("Discussions started") && english.contains("Replies") && english.contains("Posts approved"), english.body());
    assertFalse(english.contains("dechreuodd") || english.contains("Trafodaethau a ddechreuwyd"), "none of it in Welsh");
  }

  /** The forum ships Polish, Urdu and Arabic for what a parent reads in a download: every record kind and field name. */
  @Test
  void aDownloadsWordsAreInEveryLanguage() throws IOException {
    Properties english = bundle("");
    for (String language : new String[] {"cy", "pl", "ur", "ar"}) {
      Properties other = bundle("_" + language);
      for (String key : english.stringPropertyNames()) {
        if (key.startsWith("forum.data.") || key.startsWith("forum.former.") || key.startsWith("forum.default.")) {
          assertTrue(other.containsKey(key) && !other.getProperty(key).isBlank(), language + " has " + key);
        }
      }
    }
  }

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/forum" + suffix + ".properties"))) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
