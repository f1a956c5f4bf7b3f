package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A learner's wiki writing is in their subject access download; erasing them removes it and leaves others' writing. */
class WikiPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  @Test
  void aLearnersChangesAreDownloadedThenErasedWhileOthersTextStays() {
    TestClient ben = courtyard.signIn("ben");
    TestClient amira = courtyard.signIn("amira");
    String volcanoes = "/s/2-willow/wiki/p/volcanoes";
    WikiIT.save(ben, volcanoes, "0", "Volcanoes erupt hot lava");
    WikiIT.save(amira, volcanoes, WikiIT.base(amira, volcanoes), "Volcanoes erupt hot lava\nEtna is the tallest in Sicily");
    String pets = "/s/2-willow/wiki/p/class-pets";
    WikiIT.save(amira, pets, "0", "Our goldfish is called Bubbles");
    assertTrue(ben.get(volcanoes).contains("Etna is the tallest in Sicily"));

    Map<String, byte[]> download = courtyard.subjectAccess("amira");
    String json = text(download, "data.json");
    String html = text(download, "index.html");
    for (String said : new String[] {"Etna is the tallest in Sicily", "Our goldfish is called Bubbles"}) {
      assertTrue(json.contains(said), said + " is in data.json: " + json);
      assertTrue(html.contains(said), said + " is in index.html");
    }
    assertTrue(json.contains("Wiki change"));

    long id = courtyard.erase("amira");

    Map<String, byte[]> after = courtyard.subjectAccess(id);
    for (String said : new String[] {"Etna", "goldfish", "Wiki change"}) {
      assertFalse(text(after, "data.json").contains(said), said + " is gone from data.json");
      assertFalse(text(after, "index.html").contains(said), said + " is gone from index.html");
    }
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response page = teacher.get(volcanoes);
    assertTrue(page.contains("Volcanoes erupt hot lava"), "Ben's text is still the page: " + page.body());
    assertFalse(page.contains("Etna"), "her change is gone");
    TestClient.Response history = teacher.get(volcanoes + "/history");
    assertFalse(history.contains("Amira"), history.body());
    assertTrue(history.contains("Ben"), "Ben's revision is kept under his name");
    assertEquals(404, teacher.get(pets).status(), "a page only she wrote is gone");
    assertTrue(teacher.get("/s/2-willow/wiki/search?q=goldfish").contains("Nothing found"));
    assertTrue(teacher.get("/s/2-willow/wiki/search?q=etna").contains("Nothing found"));
    assertFalse(teacher.get("/s/2-willow/wiki/pages").contains("Class pets"));
  }
}
