package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the gallery tidies by itself: unfinished uploads after a week, practice questions after two days. */
class SignsJobsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";

  static String json(TestClient.Response r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]*)").matcher(r.body());
    assertTrue(m.find(), field + " in " + r.body());
    return m.group(1);
  }

  static long storedFiles() throws IOException {
    java.nio.file.Path dir = courtyard.home().resolve("data/files");
    if (!java.nio.file.Files.isDirectory(dir)) return 0;
    try (var s = java.nio.file.Files.walk(dir)) {
      return s.filter(java.nio.file.Files::isRegularFile).count();
    }
  }

  @Test
  void anUnfinishedUploadIsDroppedAfterAWeekAndPracticeQuestionsAfterTwoDays() throws IOException {
    TestClient teacher = courtyard.signIn("mrs.patel");
    for (String w : new String[] {"Apple", "Banana", "Cherry", "Grape"}) SignsPrivacyIT.add(teacher, w, "", SignsIT.mp4(20_000, w.hashCode()));

    byte[] video = SignsIT.mp4(300_000, 11);
    TestClient.Response started = teacher.post(WILLOW + "/uploads", Map.of("word", "Left half-way", "category", "classroom", "name", "half.mp4",
        "size", Integer.toString(video.length)));
    assertEquals(200, started.status(), started.body());
    String at = WILLOW + "/uploads/" + json(started, "token");
    long before = storedFiles();
    TestClient.Response chunk = teacher.postFile(at + "/chunk?offset=0", Map.of(), "chunk", "blob", "application/octet-stream",
        Arrays.copyOf(video, 100_000));
    assertEquals(200, chunk.status(), chunk.body());
    assertEquals(before + 1, storedFiles());

    TestClient ben = courtyard.signIn("ben");
    TestClient.Response asked = ben.get(WILLOW + "/practice");
    assertEquals(303, asked.status(), asked.body());
    String question = asked.location();
    assertEquals(200, ben.get(question).status());

    courtyard.advanceClock(Duration.ofDays(1));
    courtyard.runDueJobs();
    teacher = courtyard.signIn("mrs.patel");
    assertEquals(200, teacher.get(at).status(), "a day-old upload can still go on");
    ben = courtyard.signIn("ben");
    assertEquals(200, ben.get(question).status(), "a day-old question is still there");

    courtyard.advanceClock(Duration.ofDays(2));
    courtyard.runDueJobs();
    ben = courtyard.signIn("ben");
    assertEquals(404, ben.get(question).status(), "a question three days old has gone");
    teacher = courtyard.signIn("mrs.patel");
    assertEquals(200, teacher.get(at).status(), "an upload three days old is kept");

    courtyard.advanceClock(Duration.ofDays(5));
    courtyard.runDueJobs();
    teacher = courtyard.signIn("mrs.patel");
    assertEquals(404, teacher.get(at).status(), "an upload left for more than a week is dropped");
    assertEquals(before, storedFiles(), "with the part of the video it had");
  }
}
