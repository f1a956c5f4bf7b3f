package org.courtyard.examples.hello;

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
 * Installs hello-tool from the jar this module built, into a real Courtyard with the demo school, and
 * uses it over HTTP as its people would. Only the testkit is imported: never the core's classes.
 */
class HelloToolIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void aLearnerWritesANoteAndTheClassSeesIt() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response page = amira.get("/s/2-willow/hello");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contains("Hello!"), "the greeting setting's default");
    assertTrue(page.contains("Write a note"), "the menu entry and button");

    TestClient.Response saved = amira.post("/s/2-willow/hello/notes", Map.of("text", "I like <b>frogs</b>"));
    assertEquals(303, saved.status());
    TestClient.Response after = courtyard.signIn("ben").get("/s/2-willow/hello");
    assertTrue(after.contains("I like &lt;b&gt;frogs&lt;/b&gt;"), "the note, escaped: " + after.body());
    assertTrue(after.contains("Amira Khan"));
    TestClient.Response json = courtyard.signIn("ben").get("/s/2-willow/hello/notes.json");
    assertEquals(200, json.status());
    assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
    assertTrue(json.contains("I like <b>frogs</b>") || json.contains("I like \\u003cb\\u003efrogs"), json.body());
  }

  @Test
  void notesAreKeptWhenTheServerRestartsAndItsMigrationIsNotRunTwice() {
    courtyard.signIn("chloe").post("/s/5-oak/hello/notes", Map.of("text", "Still here after the restart"));
    courtyard.restart();
    TestClient.Response page = courtyard.signIn("chloe").get("/s/5-oak/hello");
    assertEquals(200, page.status(), "the tool started again (a migration run twice would have failed it): " + page.body());
    assertTrue(page.contains("Still here after the restart"));
  }

  @Test
  void aParentReadsTheClassNotesButCannotWrite() {
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(200, parent.get("/s/2-willow/hello").status());
    assertFalse(parent.get("/s/2-willow/hello").contains("/s/2-willow/hello/new"), "no write link for viewers");
    assertEquals(403, parent.post("/s/2-willow/hello/notes", Map.of("text", "hi")).status());
    assertEquals(403, parent.get("/s/5-oak/hello").status(), "not a class of their child");
  }

  @Test
  void anEmptyOrOverlongNoteIsRefusedAndTheFormKeepsWhatWasTyped() {
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response empty = ben.post("/s/2-willow/hello/notes", Map.of("text", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Your note: this cannot be left empty."), empty.body());
    String longText = "y".repeat(501);
    TestClient.Response tooLong = ben.post("/s/2-willow/hello/notes", Map.of("text", longText));
    assertEquals(422, tooLong.status());
    assertTrue(tooLong.contains("at most 500 characters"), tooLong.body());
    assertTrue(tooLong.contains(">" + longText + "</textarea>"), "what they typed is not lost");
    assertFalse(ben.get("/s/2-willow/hello").contains(longText), "nothing was saved");
  }

  @Test
  void aWelshReaderReadsTheToolInWelshAndWhatPeopleWroteAsWritten() {
    courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "Good morning, Class 2"));
    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");
    TestClient.Response page = ben.get("/s/2-willow/hello");
    assertTrue(page.contains("<html lang=\"cy\""), page.body());
    assertTrue(page.contains("Nodiadau helo") && page.contains("Ysgrifennu nodyn"), "the tool's own words in Welsh");
    assertTrue(page.contains("Good morning, Class 2"), "a note stays as it was written");
    TestClient.Response empty = ben.post("/s/2-willow/hello/notes", Map.of("text", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Eich nodyn: ni all hwn fod yn wag."), empty.body());
  }

  @Test
  void theUsagePageSaysWhatPeopleDidInTheReadersLanguage() {
    courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "A note for the log"));
    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertTrue(welsh.contains("ysgrifennodd nodyn") && welsh.contains("Nodiadau wedi&#x27;u hysgrifennu"), welsh.body());
    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    assertTrue(english.contains("wrote a note") && english.contains("Notes written"), "the same entry in English: " + english.body());
  }

  @Test
  void aNoteSaysWhichLanguageItIsWrittenInSoScreenReadersReadItRight() {
    assertEquals(303, courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "Dzień dobry, klaso!", "lang", "pl")).status());
    assertEquals(303, courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "صباح الخير", "lang", "ar")).status());
    assertEquals(303, courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "Not a language", "lang", "\"><script>")).status());
    TestClient.Response page = courtyard.signIn("ben").get("/s/2-willow/hello");
    assertTrue(page.contains("<p lang=\"pl\" dir=\"ltr\">Dzień dobry, klaso!</p>"), page.body());
    assertTrue(page.contains("<p lang=\"ar\" dir=\"rtl\">صباح الخير</p>"), "Arabic right to left inside an English page");
    assertTrue(page.contains("<p>Not a language</p>"), "a malformed language is dropped, not written into the page");
    assertTrue(courtyard.signIn("ben").get("/s/2-willow/hello/new").contains("<option value=\"pl\" lang=\"pl\">Polski</option>"), "languages named in themselves");
  }

  @Test
  void theMessagesCheckCommandReportsWhatEachLanguageLacks() {
    String jar = System.getProperty("plugin.jar");
    org.courtyard.testkit.CommandLine.Result welsh = new org.courtyard.testkit.CommandLine(courtyard.home()).run("messages", "check", "--complete", "cy", jar);
    assertEquals(0, welsh.exit(), welsh.output());
    assertTrue(welsh.output().contains("hello: ") && welsh.output().contains("  cy: complete"), welsh.output());
    org.courtyard.testkit.CommandLine.Result polish = new org.courtyard.testkit.CommandLine(courtyard.home()).run("messages", "check", "--complete", "pl", jar);
    assertEquals(1, polish.exit(), "Polish is not complete: " + polish.output());
    assertTrue(polish.output().contains("  pl: 14 missing: hello.action.note, hello.activity.wrote, hello.count"), polish.output());
  }

  @Test
  void everyWordIsInItsMessagesInEnglishAndWelsh() {
    BundleCheck.assertComplete("hello", "cy");
  }

  @Test
  void itsStylesheetIsServedFromTheJar() {
    TestClient.Response css = courtyard.anonymous().get("/assets/hello/hello.css");
    assertEquals(200, css.status());
    assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
    assertTrue(courtyard.signIn("amira").get("/s/2-willow/hello").contains("/assets/hello/hello.css"));
  }
}
