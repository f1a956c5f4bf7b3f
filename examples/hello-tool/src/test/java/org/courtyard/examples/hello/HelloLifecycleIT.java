package org.courtyard.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly job and the privacy hooks, on a server of their own: these tests move its clock and erase people. */
class HelloLifecycleIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void notesOlderThanAYearAreForgottenByTheNightlyJobAndNewerOnesStay() {
    courtyard.signIn("chloe").post("/s/5-oak/hello/notes", Map.of("text", "Written last year"));
    courtyard.advanceClock(Duration.ofDays(300));
    courtyard.signIn("chloe").post("/s/5-oak/hello/notes", Map.of("text", "Written this year"));
    courtyard.advanceClock(Duration.ofDays(70));
    courtyard.runDueJobs();
    TestClient.Response page = courtyard.signIn("mrs.patel").get("/s/5-oak/hello");
    assertFalse(page.contains("Written last year"), "370 days old: forgotten");
    assertTrue(page.contains("Written this year"), "70 days old: kept");
  }

  @Test
  void aSubjectAccessDownloadHoldsAPersonsNotesAndErasureRemovesThem() {
    courtyard.signIn("amira").post("/s/2-willow/hello/notes", Map.of("text", "Amira's note about foxes"));
    courtyard.signIn("ben").post("/s/2-willow/hello/notes", Map.of("text", "A note about badgers"));

    Map<String, byte[]> download = courtyard.subjectAccess("amira");
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    String html = new String(download.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(json.contains("Amira's note about foxes") && json.contains("Hello note"), json);
    assertTrue(html.contains("Amira&#39;s note about foxes") || html.contains("Amira's note about foxes"), html);
    assertFalse(json.contains("badgers"), "only her own notes");

    long amira = courtyard.erase("amira");
    assertFalse(new String(courtyard.subjectAccess(amira).get("data.json"), StandardCharsets.UTF_8).contains("foxes"));
    TestClient.Response page = courtyard.signIn("ben").get("/s/2-willow/hello");
    assertFalse(page.contains("foxes"), "her note is gone from the class page");
    assertTrue(page.contains("A note about badgers"), "others' notes stay");
  }
}
