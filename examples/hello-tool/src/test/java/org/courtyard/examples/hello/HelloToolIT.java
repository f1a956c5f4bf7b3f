package org.courtyard.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Installs hello-tool from the jar this module built, into a real Courtyard with the demo school. */
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
  }

  @Test
  void itsMigrationRanOnceWithItsOwnHistory() {
    // Flyway names its history table in quotes, so the lower-case name is exact.
    String sql = "SELECT COUNT(*) FROM \"history_hello\" WHERE \"success\" = TRUE AND \"version\" = '1'";
    assertEquals(1, courtyard.get(org.courtyard.core.db.Db.class).count(sql));
    courtyard.restart();
    assertEquals(1, courtyard.get(org.courtyard.core.db.Db.class).count(sql), "not applied twice");
    assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/hello").status());
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
  void anEmptyNoteIsRefusedAndTheFormKeepsWhatWasTyped() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.post("/s/5-oak/hello/notes", Map.of("text", ""));
    assertEquals(422, r.status());
    assertTrue(r.contains("Write between 1 and 500 characters"));
    String longText = "x".repeat(501);
    TestClient.Response tooLong = chloe.post("/s/5-oak/hello/notes", Map.of("text", longText));
    assertEquals(422, tooLong.status());
    assertTrue(tooLong.contains(longText), "what they typed is not lost");
    assertTrue(chloe.get("/s/5-oak/hello").contains("No notes yet."), "nothing was saved");
  }
}
