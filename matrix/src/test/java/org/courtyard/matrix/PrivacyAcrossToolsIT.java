package org.courtyard.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A school's privacy duties across every shipped tool at once: a learner who has used each tool finds
 * all of it in one subject access download (readable page and JSON), and erasing her leaves none of it
 * in any tool's answer or on any page, while her classmates' work stays.
 */
class PrivacyAcrossToolsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = AuthorisationMatrixIT.withShippedPlugins();

  static final String WILLOW = "/s/2-willow";

  /** What Amira wrote in each tool: words that appear nowhere else. */
  static final Map<String, String> WRITTEN = new LinkedHashMap<>();

  static {
    WRITTEN.put("hello", "Amira waves hello to everyone");
    WRITTEN.put("forum", "Amira asks where the tadpoles went");
    WRITTEN.put("wiki", "Amira writes that owls hunt at night");
    WRITTEN.put("blog", "Amira baked blueberry muffins");
    WRITTEN.put("homework", "Amira drew the water cycle");
    WRITTEN.put("quiz", "Amira thinks the moon is made of rock");
    WRITTEN.put("portfolio", "Amira made a papier mache volcano");
  }

  @Test
  void aLearnersDataFromEveryToolIsInOneDownloadAndErasureLeavesNoneOfIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient amira = courtyard.signIn("amira");
    TestClient ben = courtyard.signIn("ben");

    ok(amira.post(WILLOW + "/hello/notes", Map.of("text", WRITTEN.get("hello"))));
    ok(ben.post(WILLOW + "/hello/notes", Map.of("text", "Ben says good morning")));

    String forum = ok(teacher.post(WILLOW + "/forum/forums", Map.of("title", "Pond life", "layout", "threaded"))).location();
    String discussion = ok(amira.post(forum + "/discussions", Map.of("title", "Tadpoles", "body", WRITTEN.get("forum")))).location();
    ok(ben.post(discussion + "/replies", Map.of("body", "Ben saw frogs by the fence")));

    ok(amira.post(WILLOW + "/wiki/p/owls", Map.of("base", "0", "title", "", "text", WRITTEN.get("wiki"))));

    String post = ok(amira.post(WILLOW + "/blog/posts", Map.of("title", "Baking", "body", "<p>" + WRITTEN.get("blog") + "</p>", "action", "publish", "publishAt", ""))).location();

    String task = ok(teacher.post(WILLOW + "/homework/tasks", Map.of("title", "Water cycle", "instructions", "<p>Draw it</p>",
        "due", LocalDateTime.now().plusDays(7).withSecond(0).withNano(0).toString().substring(0, 16)))).location();
    ok(amira.post(task + "/hand-in", Map.of("body", WRITTEN.get("homework"), "link", "")));

    ok(teacher.postPairs(WILLOW + "/quiz/bank/new/free-text", "title", "Moon", "prompt", "What is the moon made of?", "points", "1"));
    Matcher q = Pattern.compile(WILLOW + "/quiz/bank/q/(\\d+)\">Moon<").matcher(teacher.get(WILLOW + "/quiz/bank").body());
    assertTrue(q.find(), "the question is in the bank");
    String quiz = ok(teacher.postPairs(WILLOW + "/quiz/new", "title", "Space quiz", "published", "on", "attempts", "0", "feedback", "immediate",
        "question", q.group(1))).location();
    String attempt = ok(amira.post(quiz + "/start", Map.of())).location();
    ok(amira.postPairs(attempt + "/submit", "q0", WRITTEN.get("quiz")));

    for (String word : new String[] {"Apple", "Banana", "Cherry", "Damson"}) {
      ok(teacher.postFile(WILLOW + "/signs/new", Map.of("word", word, "category", "classroom", "tags", "", "signer", ""),
          "video", word.toLowerCase() + ".mp4", "video/mp4", mp4(word.hashCode())));
    }
    TestClient.Response question = amira.getFollowing(WILLOW + "/signs/practice");
    Matcher choice = Pattern.compile("name=\"choice\" value=\"([^\"]+)\"").matcher(question.body());
    Matcher token = Pattern.compile("action=\"" + Pattern.quote(WILLOW + "/signs") + "/practice/([0-9a-f]+)\"").matcher(question.body());
    assertTrue(choice.find() && token.find(), "a practice question: " + question);
    ok(amira.post(WILLOW + "/signs/practice/" + token.group(1), Map.of("choice", choice.group(1))));

    String collection = ok(amira.post("/s/~amira/portfolio/collections", Map.of("title", "Science", "visibility", "TEACHERS"))).location();
    ok(amira.post(collection + "/text", Map.of("title", "Volcano", "body", WRITTEN.get("portfolio"))));

    Map<String, byte[]> download = courtyard.subjectAccess("amira");
    String json = text(download, "data.json");
    String html = text(download, "index.html");
    WRITTEN.forEach((tool, words) -> {
      assertTrue(json.contains(words), tool + ": data.json holds " + words);
      assertTrue(html.contains(words), tool + ": index.html holds " + words);
    });
    Map<String, Integer> records = recordsByTool(json);
    for (String tool : List.of("hello", "forum", "wiki", "blog", "homework", "quiz", "signs", "portfolio")) {
      assertTrue(records.getOrDefault(tool, 0) > 0, tool + " answers for her: " + records);
    }
    for (Object t : new JsonObject(json).getJsonArray("tools")) {
      assertNull(((JsonObject) t).getString("failed"), "no tool failed: " + t);
    }
    assertFalse(json.contains("Ben saw frogs") || json.contains("Ben says good morning"), "a classmate's words are not in her download");

    long id = courtyard.erase("amira");

    String after = text(courtyard.subjectAccess(id), "data.json");
    WRITTEN.forEach((tool, words) -> assertFalse(after.contains(words), tool + " still holds " + words));
    Map<String, Integer> left = recordsByTool(after);
    for (String tool : List.of("hello", "forum", "wiki", "blog", "homework", "quiz", "signs", "portfolio")) {
      assertEquals(0, left.getOrDefault(tool, 0), tool + " still answers with records about her: " + after);
    }
    String pages = teacher.get(WILLOW + "/hello").body() + teacher.get(discussion).body() + teacher.get(WILLOW + "/wiki/p/owls").body()
        + teacher.get(WILLOW + "/blog").body() + teacher.get(task).body();
    WRITTEN.forEach((tool, words) -> assertFalse(pages.contains(words), tool + "'s page still shows " + words));
    assertEquals(404, teacher.get(post).status(), "her blog post is gone");
    assertTrue(pages.contains("Ben saw frogs by the fence") && pages.contains("Ben says good morning"), "her classmate's work stays");
  }

  private static TestClient.Response ok(TestClient.Response r) {
    assertTrue(r.status() == 303, "expected a redirect after saving, got " + r);
    return r;
  }

  private static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  /** The number of records each tool gave, from data.json. */
  private static Map<String, Integer> recordsByTool(String json) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Object t : new JsonObject(json).getJsonArray("tools")) {
      JsonObject tool = (JsonObject) t;
      int n = 0;
      JsonObject recs = tool.getJsonObject("records", new JsonObject());
      for (String kind : recs.fieldNames()) n += recs.getJsonArray(kind).size();
      out.merge(tool.getString("tool"), n, Integer::sum);
    }
    return out;
  }

  /** An MP4's ftyp box, then random bytes: a video by its content. */
  static byte[] mp4(long seed) {
    byte[] b = new byte[20_000];
    new Random(seed).nextBytes(b);
    byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1'};
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }
}
