package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
