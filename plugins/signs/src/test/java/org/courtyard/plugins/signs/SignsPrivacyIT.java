package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subject access and erasure for the signs gallery, through the ICT leader's pages. */
class SignsPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";

  static String add(TestClient who, String word, String signer, byte[] video) {
    TestClient.Response r = who.postFile(WILLOW + "/new", Map.of("word", word, "category", "classroom", "tags", "", "signer", signer),
        "video", word.toLowerCase().replace(' ', '-') + ".mp4", "video/mp4", video);
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static long storedFiles() throws IOException {
    Path dir = courtyard.home().resolve("data/files");
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  @Test
  void aLearnersSignsAndAnswersAreInTheirDownloadAndGoneAfterErasureWhileOthersStay() throws IOException {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post(WILLOW + "/uploaders", Map.of("learner", Long.toString(courtyard.userId("amira")))).status());
    for (String w : new String[] {"Teacher apple", "Teacher banana", "Teacher cherry"}) add(teacher, w, "", SignsIT.mp4(20_000, w.hashCode()));

    TestClient amira = courtyard.signIn("amira");
    String kite = add(amira, "Kite flying", "", SignsIT.mp4(25_000, 42));
    assertEquals(303, teacher.post(kite + "/approve", Map.of()).status());
    String kiteId = kite.substring(kite.lastIndexOf('/') + 1);
    assertEquals(303, teacher.post(WILLOW + "/week", Map.of("sign", kiteId)).status());
    // A teacher's sign crediting Amira as the signer: the sign stays, her name does not.
    String credited = add(teacher, "Teacher wave", "Amira Khan", SignsIT.mp4(21_000, 7));

    TestClient.Response question = amira.getFollowing(WILLOW + "/practice");
    assertEquals(200, question.status(), question.body());
    Matcher choice = Pattern.compile("name=\"choice\" value=\"([^\"]+)\"").matcher(question.body());
    assertTrue(choice.find(), question.body());
    Matcher token = Pattern.compile("action=\"" + Pattern.quote(WILLOW) + "/practice/([0-9a-f]+)\"").matcher(question.body());
    assertTrue(token.find(), question.body());
    assertEquals(303, amira.post(WILLOW + "/practice/" + token.group(1), Map.of("choice", choice.group(1))).status());
    TestClient.Response started = amira.post(WILLOW + "/uploads", Map.of("word", "Half a rainbow", "category", "colours", "name", "rainbow.mp4",
        "size", "900000"));
    assertEquals(200, started.status(), started.body());

    Map<String, byte[]> before = courtyard.subjectAccess("amira");
    String json = text(before, "data.json");
    String html = text(before, "index.html");
    for (String kind : new String[] {"Sign added", "Practice answer", "Allowed to add signs", "Unfinished sign upload"}) {
      assertTrue(json.contains(kind), kind + " in " + json);
      assertTrue(html.contains(kind), kind + " in the readable page");
    }
    assertTrue(json.contains("Kite flying"), json);
    assertTrue(html.contains("Kite flying"), html);
    assertTrue(json.contains("Half a rainbow"), json);
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("files/signs/") && k.endsWith("sign-" + kiteId + ".mp4")), before.keySet().toString());

    long files = storedFiles();
    long id = courtyard.erase("amira");

    Map<String, byte[]> after = courtyard.subjectAccess(id);
    String jsonAfter = text(after, "data.json");
    for (String gone : new String[] {"Kite flying", "Half a rainbow", "Sign added", "Practice answer", "Allowed to add signs", "Unfinished sign upload"}) {
      assertFalse(jsonAfter.contains(gone), gone + " left in " + jsonAfter);
      assertFalse(text(after, "index.html").contains(gone), gone + " left in the readable page");
    }
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/signs/")), after.keySet().toString());
    assertTrue(storedFiles() < files, "her video is deleted from the file store");

    TestClient ben = courtyard.signIn("ben");
    for (String page : new String[] {WILLOW, WILLOW + "?q=kite", "/s/2-willow"}) {
      TestClient.Response r = ben.get(page);
      assertEquals(200, r.status(), page);
      assertFalse(r.contains("Kite flying"), "her sign is on no page: " + page);
    }
    assertFalse(courtyard.signIn("mrs.patel").get(WILLOW + "/pending").contains("Kite flying"));
    assertEquals(404, ben.get(kite).status());
    assertEquals(404, ben.get(kite + "/video").status());
    TestClient.Response list = ben.get(WILLOW);
    assertTrue(list.contains("Teacher apple") && list.contains("Teacher cherry"), "the teacher's signs are still there");
    TestClient.Response wave = ben.get(credited);
    assertEquals(200, wave.status());
    assertFalse(wave.contains("Amira Khan"), "her name as the signer is gone");
    assertTrue(wave.contains(SignsData.FORMER), wave.body());
  }
}
