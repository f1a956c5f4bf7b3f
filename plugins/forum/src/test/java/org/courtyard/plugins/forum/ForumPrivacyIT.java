package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the forum holds about a learner is in their subject access download, and erasing them removes their words and files only. */
class ForumPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  @Test
  void aLearnersPostsAreDownloadedThenErasedWhileOthersRepliesStay() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response made = teacher.post("/s/2-willow/forum/forums", Map.of("title", "Seaside trip", "layout", "threaded"));
    assertEquals(303, made.status(), made.body());
    String forum = made.location();

    TestClient amira = courtyard.signIn("amira");
    TestClient.Response started = amira.postFile(forum + "/discussions", Map.of("title", "Rockpool diary", "body", "I found a starfish under the pier"),
        "attachment", "starfish.png", "image/png", PNG);
    assertEquals(303, started.status(), started.body());
    String d = started.location();
    Matcher file = Pattern.compile("/s/2-willow/forum/files/(\\d+)").matcher(amira.get(d).body());
    assertTrue(file.find());
    String fileUrl = file.group();

    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.post(d + "/replies", Map.of("body", "I saw a crab by the lighthouse")).status());
    long bensPost = ForumIT.lastPostId(ben.get(d).body());
    assertEquals(303, amira.post(d + "/replies", Map.of("body", "Was it a hermit crab with a whelk shell")).status());
    assertEquals(303, amira.post("/s/2-willow/forum/p/" + bensPost + "/report", Map.of("reason", "Amira thinks this is off topic")).status());
    long amirasReply = ForumIT.lastPostId(amira.get(d).body());
    assertEquals(303, ben.post("/s/2-willow/forum/p/" + amirasReply + "/report", Map.of("reason", "Ben says hermit crabs bite")).status());
    assertTrue(teacher.get("/s/2-willow/forum/moderation").contains("Ben says hermit crabs bite"));

    Map<String, byte[]> download = courtyard.subjectAccess("amira");
    String json = text(download, "data.json");
    String html = text(download, "index.html");
    for (String said : new String[] {"Rockpool diary", "I found a starfish under the pier", "Was it a hermit crab with a whelk shell", "Amira thinks this is off topic"}) {
      assertTrue(json.contains(said), said + " is in data.json: " + json);
      assertTrue(html.contains(said), said + " is in index.html");
    }
    assertTrue(json.contains("Forum post") && html.contains("Forum post"), "records say what they are");
    assertTrue(download.keySet().stream().anyMatch(k -> k.startsWith("files/forum/") && k.endsWith("starfish.png")), download.keySet().toString());
    assertFalse(json.contains("I saw a crab by the lighthouse"), "Ben's reply is Ben's, not Amira's");

    long id = courtyard.erase("amira");

    Map<String, byte[]> after = courtyard.subjectAccess(id);
    String jsonAfter = text(after, "data.json");
    for (String said : new String[] {"Rockpool diary", "starfish", "hermit crab", "off topic"}) {
      assertFalse(jsonAfter.contains(said), said + " is gone from data.json: " + jsonAfter);
      assertFalse(text(after, "index.html").contains(said), said + " is gone from index.html");
    }
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/forum/")), "no files left: " + after.keySet());

    TestClient.Response page = teacher.get(d);
    assertEquals(200, page.status());
    for (String said : new String[] {"Rockpool diary", "starfish", "hermit crab"}) assertFalse(page.contains(said), said + " is on no page: " + page.body());
    assertTrue(page.contains("I saw a crab by the lighthouse"), "Ben's reply is still there");
    assertTrue(page.contains("A former member"), "Amira's posts are shown as a former member's");
    assertFalse(teacher.get(forum).contains("Rockpool diary"));
    TestClient.Response queue = teacher.get("/s/2-willow/forum/moderation");
    assertFalse(queue.contains("off topic"), "nor her report's words");
    assertFalse(queue.contains("Ben says hermit crabs bite"), "a report on her removed post is settled: " + queue.body());
    assertTrue(teacher.get("/s/2-willow/forum/search?q=starfish").contains("Nothing found"));
    assertTrue(teacher.get("/s/2-willow/forum/search?q=lighthouse").contains("A discussion started by a former member"), "the discussion is found by Ben's words");
    assertEquals(404, teacher.get(fileUrl).status(), "her picture is gone");
    assertTrue(ben.get(d).contains("I saw a crab by the lighthouse"));
  }
}
