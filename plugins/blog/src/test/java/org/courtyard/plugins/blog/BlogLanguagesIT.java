package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
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
}
