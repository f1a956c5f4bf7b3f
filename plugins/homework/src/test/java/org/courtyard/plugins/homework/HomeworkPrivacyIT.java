package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Homework's part of a subject access request and of erasure: a learner's hand-ins, files, marks and
 * extensions are in the download and gone after erasure, while the class's task and other learners'
 * work stay; a teacher's erasure leaves their tasks and marks, their name replaced.
 */
class HomeworkPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  static String submissionOf(TestClient teacher, String task, String name) {
    Matcher m = Pattern.compile(Pattern.quote(name) + "</td>.*?<a href=\"(" + Pattern.quote(task) + "/s/\\d+)\"", Pattern.DOTALL).matcher(teacher.get(task).body());
    assertTrue(m.find(), "a hand-in by " + name);
    return m.group(1);
  }

  @Test
  void aLearnersHandInsAreInTheirDownloadAndGoneAfterErasureWhileTheClassKeepsTheRest() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response set = teacher.post("/s/2-willow/homework/tasks", Map.of("title", "Volcano report", "instructions", "<p>Explain lava</p>",
        "due", LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, set.status(), set.body());
    String task = set.location();
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.postFile(task + "/hand-in", Map.of("body", "Lava is molten rock from deep down", "link", "https://example.org/volcano"),
        "file", "volcano-drawing.png", "image/png", PNG).status());
    assertEquals(303, courtyard.signIn("ben").post(task + "/hand-in", Map.of("body", "Volcanoes erupt with ash and steam", "link", "")).status());
    String amiraWork = submissionOf(teacher, task, "Amira Khan");
    String benWork = submissionOf(teacher, task, "Ben Okafor");
    assertEquals(303, teacher.post(amiraWork + "/mark", Map.of("mark", "Outstanding", "feedback", "Brilliant diagram of the crater", "action", "return")).status());
    assertEquals(303, teacher.post(benWork + "/mark", Map.of("mark", "Satisfactory", "feedback", "Good start on eruptions", "action", "return")).status());
    long amiraId = courtyard.userId("amira");
    assertEquals(303, teacher.post(task + "/extend", Map.of("user", Long.toString(amiraId), "due",
        LocalDateTime.now().plusDays(5).withSecond(0).withNano(0).toString().substring(0, 16))).status());

    Map<String, byte[]> before = courtyard.subjectAccess("amira");
    String json = text(before, "data.json");
    String html = text(before, "index.html");
    for (String held : new String[] {"Homework handed in", "Lava is molten rock from deep down", "https://example.org/volcano", "Brilliant diagram of the crater",
        "Volcano report", "Homework extension"}) {
      assertTrue(json.contains(held), "data.json holds " + held + ": " + json);
      assertTrue(html.contains(held), "index.html holds " + held + ": " + html);
    }
    assertFalse(json.contains("Volcanoes erupt with ash"), "Ben's work is not in Amira's download");
    String file = before.keySet().stream().filter(k -> k.startsWith("files/homework/") && k.endsWith("volcano-drawing.png")).findFirst()
        .orElseThrow(() -> new AssertionError("the drawing is in the download: " + before.keySet()));
    org.junit.jupiter.api.Assertions.assertArrayEquals(PNG, before.get(file));
    assertTrue(text(courtyard.subjectAccess("mrs.patel"), "data.json").contains("Homework task set"), "the teacher's tasks are in hers");

    assertEquals(amiraId, courtyard.erase("amira"));
    Map<String, byte[]> after = courtyard.subjectAccess(amiraId);
    assertFalse(text(after, "data.json").contains("Lava is molten rock"), text(after, "data.json"));
    assertFalse(text(after, "data.json").contains("Homework handed in"));
    assertFalse(text(after, "data.json").contains("Homework extension"));
    assertFalse(text(after, "index.html").contains("Lava is molten rock"));
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/homework/")), after.keySet().toString());

    TestClient.Response taskPage = teacher.get(task);
    assertEquals(200, taskPage.status());
    assertFalse(taskPage.contains("Brilliant diagram of the crater"), "her mark and comment are gone");
    assertEquals(404, teacher.get(amiraWork).status(), "her hand-in is gone");
    assertFalse(teacher.get("/s/2-willow/homework").body().contains("Lava is molten rock"));
    assertFalse(teacher.get("/s/2-willow/homework/missing").body().contains("Lava is molten rock"));
    assertTrue(teacher.get(benWork).contains("Volcanoes erupt with ash and steam"), "Ben's work is still there");
    assertTrue(taskPage.contains("Good start on eruptions"), "and his mark");
    assertTrue(teacher.get("/s/2-willow/homework").contains("Volcano report"), "the task stays for the class");

    // The teacher leaves too: her task and the marks she gave stay for Ben, without her name.
    long patelId = courtyard.erase("mrs.patel");
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response benSees = ben.get(benWork);
    assertEquals(200, benSees.status(), benSees.body());
    assertTrue(benSees.contains("Good start on eruptions"), benSees.body());
    assertTrue(benSees.contains("a former member of staff"), benSees.body());
    assertFalse(benSees.contains("Priya Patel"), benSees.body());
    assertFalse(text(courtyard.subjectAccess(patelId), "data.json").contains("Homework task set"));
  }
}
