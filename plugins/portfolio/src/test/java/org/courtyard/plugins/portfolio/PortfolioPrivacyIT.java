package org.courtyard.plugins.portfolio;

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

/** Subject access and erasure for portfolios, through the ICT leader's pages. */
class PortfolioPrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String AMIRA = "/s/~amira/portfolio";
  static final String BEN = "/s/~ben/portfolio";

  static String text(Map<String, byte[]> zip, String name) { return new String(zip.get(name), StandardCharsets.UTF_8); }

  @Test
  void aLearnersPortfolioIsInTheirDownloadAndGoneAfterErasureWhileOthersWorkStays() {
    TestClient amira = courtyard.signIn("amira");
    String volcano = PortfolioIT.collection(amira, AMIRA, "Volcano project", "SCHOOL", true);
    assertEquals(303, amira.post(volcano + "/text", Map.of("title", "How it erupted", "body", "Vinegar and baking soda foamed everywhere")).status());
    assertEquals(303, amira.postFile(volcano + "/file", Map.of("title", "Photo of the volcano"), "file", "volcano.png", "image/png", PortfolioIT.PNG).status());
    assertEquals(303, courtyard.signIn("mr.khan").post(volcano + "/comments", Map.of("body", "Proud of the volcano")).status());

    TestClient ben = courtyard.signIn("ben");
    String football = PortfolioIT.collection(ben, BEN, "Football season", "SCHOOL", true);
    assertEquals(303, ben.post(football + "/text", Map.of("title", "Match report", "body", "Ben scored twice on Saturday")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post(football + "/comments", Map.of("body", "Great teamwork from Ben")).status());

    Map<String, byte[]> before = courtyard.subjectAccess("amira");
    String json = text(before, "data.json");
    String html = text(before, "index.html");
    for (String kind : new String[] {"Portfolio collection", "Portfolio work", "Comment on their portfolio"}) {
      assertTrue(json.contains(kind), kind + " in " + json);
      assertTrue(html.contains(kind), kind + " in the readable page");
    }
    for (String said : new String[] {"Volcano project", "Vinegar and baking soda foamed everywhere", "Proud of the volcano"}) {
      assertTrue(json.contains(said), said + " in " + json);
      assertTrue(html.contains(said), said + " in the readable page");
    }
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("files/portfolio/") && k.endsWith("volcano.png")), before.keySet().toString());
    assertFalse(json.contains("Ben scored twice"), "Ben's work is not hers");

    long id = courtyard.erase("amira");
    Map<String, byte[]> after = courtyard.subjectAccess(id);
    for (String gone : new String[] {"Volcano project", "Vinegar and baking soda", "Proud of the volcano", "Portfolio collection", "Portfolio work"}) {
      assertFalse(text(after, "data.json").contains(gone), gone + " left in " + text(after, "data.json"));
      assertFalse(text(after, "index.html").contains(gone), gone + " left in the readable page");
    }
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/portfolio/")), after.keySet().toString());
    for (String who : new String[] {"mrs.patel", "mr.khan", "ben"}) {
      TestClient.Response page = courtyard.signIn(who).get(volcano);
      assertFalse(page.status() == 200 && page.contains("Vinegar and baking soda"), who + " no longer sees her work");
    }
    TestClient.Response stays = courtyard.signIn("chloe").get(football);
    assertEquals(200, stays.status());
    assertTrue(stays.contains("Ben scored twice on Saturday") && stays.contains("Great teamwork from Ben"), "other people's work stays");

    // A teacher erased: her comment on Ben's work stays as a gap, with neither her name nor her words.
    courtyard.erase("mrs.patel");
    TestClient.Response afterTeacher = courtyard.signIn("ben").get(football);
    assertEquals(200, afterTeacher.status());
    assertFalse(afterTeacher.contains("Great teamwork from Ben"), afterTeacher.body());
    assertTrue(afterTeacher.contains(PortfolioStore.FORMER) && afterTeacher.contains(PortfolioStore.REMOVED), afterTeacher.body());
    assertTrue(afterTeacher.contains("Ben scored twice on Saturday"), "Ben's own work stays");
  }
}
