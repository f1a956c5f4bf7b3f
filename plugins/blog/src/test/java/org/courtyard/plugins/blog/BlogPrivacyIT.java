package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A learner's posts, pictures and comments are in their subject access download; erasing them removes those and nobody else's. */
class BlogPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  @Test
  void aLearnersPostsAndCommentsAreDownloadedThenErasedWhileOthersStay() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String trip = BlogIT.write(teacher, "2-willow", "Farm visit", "<p>We met the animals</p>", "publish", "");
    TestClient amira = courtyard.signIn("amira");
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, amira.post(trip + "/comments", Map.of("body", "I liked the tractor ride best")).status());
    assertEquals(303, ben.post(trip + "/comments", Map.of("body", "The pigs were very muddy")).status());
    TestClient.Response r = amira.postFile("/s/2-willow/blog/posts", Map.of("title", "My weekend", "body", "<p>I baked a lemon cake</p>", "action", "publish",
        "publishAt", ""), "media", "cake.png", "image/png", BlogIT.PNG);
    assertEquals(303, r.status(), r.body());
    String mine = r.location();
    Matcher m = Pattern.compile("/s/2-willow/blog/media/\\d+").matcher(amira.get(mine).body());
    assertTrue(m.find());
    String picture = m.group();

    Map<String, byte[]> download = courtyard.subjectAccess("amira");
    String json = text(download, "data.json");
    String html = text(download, "index.html");
    for (String said : new String[] {"My weekend", "I baked a lemon cake", "I liked the tractor ride best"}) {
      assertTrue(json.contains(said), said + " is in data.json: " + json);
      assertTrue(html.contains(said), said + " is in index.html");
    }
    assertTrue(json.contains("Blog post") && json.contains("Blog comment"));
    assertTrue(download.keySet().stream().anyMatch(k -> k.startsWith("files/blog/") && k.endsWith("cake.png")), download.keySet().toString());
    assertFalse(json.contains("very muddy"), "Ben's comment is not Amira's");

    long id = courtyard.erase("amira");

    Map<String, byte[]> after = courtyard.subjectAccess(id);
    for (String said : new String[] {"My weekend", "lemon cake", "tractor ride"}) {
      assertFalse(text(after, "data.json").contains(said), said + " is gone from data.json");
      assertFalse(text(after, "index.html").contains(said), said + " is gone from index.html");
    }
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/blog/")), after.keySet().toString());
    assertEquals(404, teacher.get(mine).status(), "her post is gone");
    assertEquals(404, teacher.get(picture).status(), "and its picture");
    assertFalse(teacher.get("/s/2-willow/blog").contains("My weekend"));
    assertTrue(teacher.get("/s/2-willow/blog/search?q=lemon").contains("Nothing found"));
    TestClient.Response farm = teacher.get(trip);
    assertFalse(farm.contains("tractor ride"), "her comment is gone: " + farm.body());
    assertTrue(farm.contains("The pigs were very muddy"), "Ben's comment stays");
    assertTrue(farm.contains("We met the animals"), "the teacher's post stays");
  }
}
