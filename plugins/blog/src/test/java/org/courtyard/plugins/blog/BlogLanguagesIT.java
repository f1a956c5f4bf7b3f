package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
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
 * The blog in its readers' languages: every page in Welsh for learners and teachers, and in Polish, Urdu
 * and Arabic for the parents who read their children's posts. What people wrote stays as they wrote it.
 */
class BlogLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String write(TestClient who, String title, String body, String action, String at) {
    TestClient.Response r = who.post("/s/2-willow/blog/posts", Map.of("title", title, "body", body, "action", action, "publishAt", at));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  /** Welsh with an apostrophe may come escaped as HTML writes it. */
  static boolean says(TestClient.Response page, String words) {
    return page.contains(words) || page.contains(words.replace("'", "&#x27;"));
  }

  @Test
  void everyWordIsInItsMessagesInWelshAndTheParentsLanguages() {
    BundleCheck.assertComplete("blog", "cy", "pl", "ur", "ar");
    BundleCheck.assertParentsPages("blog", "pl", "ur", "ar");
  }

  @Test
  void aWelshReaderReadsTheBlogInWelshAndThePostsAsWritten() {
    String post = write(courtyard.signIn("amira"), "Our trip to the farm", "<p>We fed the lambs</p>", "publish", "");
    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");

    TestClient.Response index = ben.get("/s/2-willow/blog");
    assertTrue(index.contains("<html lang=\"cy\""), index.body());
    assertTrue(index.contains("Ysgrifennu postiad") && index.contains("Chwilio"), "the blog's own words in Welsh: " + index.body());
    assertFalse(index.contains("Drafts and scheduled") || index.contains("Search the blog"), "none of the blog's English left on its page");
    assertTrue(index.contains("Our trip to the farm") && index.contains("We fed the lambs"), "the post as Amira wrote it");

    TestClient.Response page = ben.get(post);
    assertTrue(page.contains("Sylwadau") && page.contains("Dim sylwadau eto.") && page.contains("Ychwanegu sylw"), page.body());

    TestClient.Response empty = ben.post(post + "/comments", Map.of("body", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Ysgrifennwch eich sylw yn gyntaf."), "the refusal in Welsh: " + empty.body());

    assertEquals(303, ben.post(post + "/comments", Map.of("body", "The lambs were so small")).status());
    TestClient.Response after = ben.get(post);
    assertTrue(says(after, "Sylw wedi'i ychwanegu."), "the flash in Welsh: " + after.body());
    assertTrue(after.contains("The lambs were so small"), "the comment as Ben wrote it");
  }

  /** What people did in the blog, on the ICT leader's usage page: each summary and kind of action in the reader's language. */
  @Test
  void theIctLeaderReadsWhatHappenedInTheBlogInTheirLanguage() {
    String post = write(courtyard.signIn("amira"), "Usage lambs", "<p>Spring</p>", "publish", "");
    write(courtyard.signIn("amira"), "Usage draft", "<p>Not yet</p>", "draft", "");
    assertEquals(303, courtyard.signIn("ben").post(post + "/comments", Map.of("body", "Lovely")).status());

    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertEquals(200, welsh.status());
    assertTrue(welsh.contains("ysgrifennodd “Usage lambs”") && welsh.contains("ysgrifennodd “Usage draft”")
        && welsh.contains("rhoddodd sylw ar “Usage lambs”"), welsh.body());
    assertTrue(welsh.contains("Postiadau a ysgrifennwyd") && welsh.contains("Drafftiau a gadwyd") && welsh.contains("<td>Sylwadau</td>"), welsh.body());
    assertFalse(welsh.contains("wrote “Usage lambs”") || welsh.contains("Posts written") || welsh.contains("Drafts saved"), "none of it in English");

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    assertTrue(english.contains("wrote “Usage lambs”") && english.contains("wrote “Usage draft”") && english.contains("commented on “Usage lambs”"), english.body());
    assertTrue(english.contains("Posts written") && english.contains("Drafts saved") && english.contains("<td>Comments</td>"), english.body());
    assertFalse(english.contains("ysgrifennodd") || english.contains("Postiadau a ysgrifennwyd"), "none of it in Welsh");
  }

  @Test
  void aWelshWriterIsToldWhenTheirPostWillAppearWithTheMonthInWelsh() {
    TestClient amira = courtyard.signIn("amira").header("Accept-Language", "cy");
    TestClient.Response r = amira.post("/s/2-willow/blog/posts", Map.of("title", "Eisteddfod", "body", "<p>Soon</p>", "action", "schedule", "publishAt", "2031-03-15T10:30"));
    assertEquals(303, r.status(), r.body());
    TestClient.Response page = amira.get(r.location());
    assertTrue(says(page, "Wedi'i drefnu: bydd yn ymddangos ar 15 Mawrth 2031 am 10:30."), page.body());
    TestClient.Response drafts = amira.get("/s/2-willow/blog/drafts");
    assertTrue(says(drafts, "Drafftiau a phostiadau wedi'u trefnu") && says(drafts, "(wedi'i drefnu ar gyfer"), drafts.body());

    TestClient english = courtyard.signIn("amira");
    TestClient.Response r2 = english.post("/s/2-willow/blog/posts", Map.of("title", "Sports day", "body", "<p>Soon</p>", "action", "schedule", "publishAt", "2031-03-15T10:30"));
    assertTrue(english.get(r2.location()).contains("Scheduled: it appears on 15 March 2031 at 10:30."), "English as before");
  }

  @Test
  void aParentReadsTheirChildsClassBlogInPolishUrduOrArabic() {
    String post = write(courtyard.signIn("amira"), "Sports day", "<p>I won the egg and spoon race</p>", "publish", "");

    TestClient.Response polish = courtyard.signIn("mr.khan").header("Accept-Language", "pl").get(post);
    assertEquals(200, polish.status(), polish.body());
    assertTrue(polish.contains("<html lang=\"pl\""), polish.body());
    assertTrue(polish.contains("Komentarze") && polish.contains("Dodaj komentarz") && polish.contains("Wyślij komentarz"), polish.body());
    assertTrue(polish.contains("I won the egg and spoon race"), "the post as written");

    TestClient.Response urdu = courtyard.signIn("mr.khan").header("Accept-Language", "ur").get(post);
    assertTrue(urdu.contains("dir=\"rtl\""), urdu.body());
    assertTrue(urdu.contains("تبصرہ شامل کریں") && urdu.contains("ابھی کوئی تبصرہ نہیں۔"), urdu.body());

    TestClient arabic = courtyard.signIn("mr.khan").header("Accept-Language", "ar");
    TestClient.Response page = arabic.get(post);
    assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), page.body());
    assertTrue(page.contains("التعليقات") && page.contains("أضف تعليقًا"), page.body());
    assertEquals(303, arabic.post(post + "/comments", Map.of("body", "Well done Amira!")).status());
    TestClient.Response after = arabic.get(post);
    assertTrue(after.contains("أُضيف التعليق."), "the flash in Arabic: " + after.body());
    assertTrue(after.contains("Well done Amira!"), "the parent's comment as written");
    assertTrue(arabic.get("/s/2-willow/blog").contains("المدونة"), "the blog's front page in Arabic");
  }

  /** Gwen chose Welsh, Harry did not: each is told in their own language that their scheduled post is on the blog. */
  @Test
  void eachWriterIsToldOfTheirPublishedPostInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Blog");
    TestPerson welsh = school.addLearner("Gwen Blog");
    TestPerson english = school.addLearner("Harry Blog");
    TestSpace space = school.addClass("Blog notices").addMember(teacher, Role.OWNER).addMember(welsh, Role.MEMBER).addMember(english, Role.MEMBER);
    assertEquals(303, teacher.signIn().post(space.url() + "/manage/tools", Map.of("tool", "blog", "action", "add")).status());
    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    String later = LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16);
    for (TestClient writer : new TestClient[] {gwen, english.signIn()}) {
      TestClient.Response r = writer.post(space.url() + "/blog/posts", Map.of("title", "Book week", "body", "<p>Costumes</p>", "action", "schedule", "publishAt", later));
      assertEquals(303, r.status(), r.body());
    }

    courtyard.advanceClock(Duration.ofDays(3));
    courtyard.runDueJobs();

    // days later: signed in afresh
    TestClient.Response inWelsh = welsh.signIn().get("/notifications");
    assertTrue(inWelsh.contains("Mae eich postiad “Book week” ar y blog nawr") && !inWelsh.contains("is now on the blog"), inWelsh.body());
    TestClient.Response inEnglish = english.signIn().get("/notifications");
    assertTrue(inEnglish.contains("Your post “Book week” is now on the blog") && !inEnglish.contains("ar y blog nawr"), inEnglish.body());
  }

  /** A post or comment says what language it is written in; the page marks it so a screen reader reads it in the right voice. */
  @Test
  void aPolishPostAndAnArabicCommentAreMarkedWithTheirLanguage() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response blank = amira.get("/s/2-willow/blog/new");
    assertTrue(blank.contains("<label for=\"bl\">Language of this text</label>") && says(blank, "<select id=\"bl\" name=\"lang\"><option value=\"\" selected>The page's language</option>"),
        "the writer may say what language the post is in; at first it is the page's: " + blank.body());
    TestClient.Response r = amira.post("/s/2-willow/blog/posts", Map.of("title", "Mój wiersz", "body", "<p>Lubię jesień i liście.</p>", "action", "publish",
        "publishAt", "", "lang", "pl"));
    assertEquals(303, r.status(), r.body());
    String post = r.location();
    String plain = write(amira, "In English", "<p>No language chosen</p>", "publish", "");

    TestClient ben = courtyard.signIn("ben");
    TestClient.Response page = ben.get(post);
    assertTrue(page.contains("<h1 lang=\"pl\" dir=\"ltr\">Mój wiersz</h1>"), page.body());
    assertTrue(page.contains("<div lang=\"pl\" dir=\"ltr\"><p>Lubię jesień i liście.</p></div>"), page.body());
    TestClient.Response index = ben.get("/s/2-willow/blog");
    assertTrue(index.contains("<div lang=\"pl\" dir=\"ltr\"><p>Lubię jesień i liście.</p></div>"), "marked on the front page too: " + index.body());
    assertTrue(index.contains("<div><p>No language chosen</p></div>"), "a post with no language chosen has no lang of its own");
    assertFalse(ben.get(plain).body().matches("(?s).*<h1 lang=.*"), "nor does its heading");

    assertEquals(303, ben.post(post + "/comments", Map.of("body", "جميل جدا", "lang", "ar")).status());
    assertEquals(303, ben.post(post + "/comments", Map.of("body", "Lovely poem")).status());
    TestClient.Response after = ben.get(post);
    assertTrue(after.contains("<div class=\"blog-comment-text\" lang=\"ar\" dir=\"rtl\"><p>جميل جدا</p></div>"), "Arabic right to left: " + after.body());
    assertTrue(after.contains("<div class=\"blog-comment-text\"><p>Lovely poem</p></div>"), "a comment with no language has none, even under a Polish post");

    // The public feed carries it as Atom allows, on the title and the content.
    assertEquals(303, courtyard.signIn("mrs.patel").post("/s/2-willow/manage/settings", Map.of("tool", "blog", "blog.public", "true")).status());
    TestClient.Response feed = courtyard.anonymous().get("/s/2-willow/blog/feed");
    assertTrue(feed.contains("<title xml:lang=\"pl\">Mój wiersz</title>") && feed.contains("<content type=\"html\" xml:lang=\"pl\">"), feed.body());
    assertTrue(feed.contains("<title>In English</title>"), feed.body());

    // Editing shows the language chosen, and may change it.
    TestClient.Response form = amira.get(post + "/edit");
    assertTrue(form.contains("<option value=\"pl\" lang=\"pl\" selected>"), form.body());
    assertEquals(303, amira.post(post, Map.of("title", "Mój wiersz", "body", "<p>Lubię jesień i liście.</p>", "action", "publish", "publishAt", "", "lang", "")).status());
    assertTrue(ben.get(post).contains("<h1>Mój wiersz</h1>"), "back to the page's language");
    assertEquals(303, amira.post(post, Map.of("title", "Mój wiersz", "body", "<p>Lubię jesień i liście.</p>", "action", "publish", "publishAt", "", "lang", "pl")).status());
    assertTrue(ben.get(post).contains("<h1 lang=\"pl\" dir=\"ltr\">Mój wiersz</h1>"));
  }

  @Test
  void aWelshWritersDownloadNamesTheirBlogRecordsInWelsh() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Eira Data");
    TestPerson learner = school.addLearner("Gwen Data");
    TestSpace space = school.addClass("Blog data").addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    assertEquals(303, teacher.signIn().post(space.url() + "/manage/tools", Map.of("tool", "blog", "action", "add")).status());
    TestClient gwen = learner.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient.Response r = gwen.post(space.url() + "/blog/posts", Map.of("title", "Fy ngherdd", "body", "<p>Mae'r dail yn cwympo</p>", "action", "publish",
        "publishAt", "", "lang", "pl"));
    assertEquals(303, r.status(), r.body());
    assertEquals(303, gwen.post(r.location() + "/comments", Map.of("body", "Diolch")).status());

    Map<String, byte[]> download = courtyard.subjectAccess(learner.username());
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    String html = new String(download.get("index.html"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Postiad blog", "Sylw ar y blog", "Beth ysgrifennon nhw", "Wedi'i gyhoeddi", "Iaith"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
      assertTrue(html.contains(words) || html.contains(words.replace("'", "&#39;")) || html.contains(words.replace("'", "&#x27;")), words + " in index.html: " + html);
    }
    assertTrue(json.contains("\"pl\""), "the post's language is in the download");
    assertFalse(json.contains("Blog post") || json.contains("What they wrote"), "no English kinds or fields: " + json);
  }
}
