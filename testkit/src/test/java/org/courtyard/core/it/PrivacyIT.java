package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subject access and erasure through the admin pages, and leavers' data removed by the daily job
 * once the school's retention time has passed. The fixture tool stands for every tool; each shipped
 * plugin proves its own hooks in its own tests.
 */
class PrivacyIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(LifecycleIT.JAR);

  static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  static Map<String, String> download(TestClient c, String path) throws IOException {
    Path to = Files.createTempFile("sar", ".zip");
    TestClient.Response r = c.download(path, to);
    assertEquals(200, r.status(), r.body());
    return unzip(Files.readAllBytes(to));
  }

  @Test
  void aSubjectAccessDownloadHoldsEveryToolsDataAndErasureLeavesNone() throws IOException {
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.post("/s/2-willow/lifecycle/notes", Map.of("text", "Ben's secret")).status());
    assertEquals(200, ben.postFile("/s/2-willow/lifecycle/pictures", Map.of(), "picture", "my-dog.png", "image/png", LifecycleIT.ONE_PIXEL_PNG).status());
    User b = courtyard.get(UserStore.class).byUsername("ben").orElseThrow();
    String base = "/admin/oakfield/users/" + b.id();

    TestClient leader = courtyard.signIn("ict.leader");
    TestClient.Response page = leader.get(base + "/data");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contains("1 × Note"), page.body());
    assertTrue(page.contains("1 × file"), page.body());
    assertEquals(403, courtyard.signIn("mrs.patel").get(base + "/data").status(), "a teacher cannot download a pupil's data");
    assertEquals(403, courtyard.signIn("mrs.patel").get(base + "/data.zip").status());

    Map<String, String> zip = download(leader, base + "/data.zip");
    assertTrue(zip.get("index.html").contains("Ben&#39;s secret") || zip.get("index.html").contains("Ben's secret"), zip.get("index.html"));
    assertTrue(zip.get("index.html").contains("Membership"), "the core's own records are there too");
    assertTrue(zip.get("data.json").contains("\"Ben's secret\""), zip.get("data.json"));
    assertTrue(zip.keySet().stream().anyMatch(k -> k.startsWith("files/lifecycle/") && k.endsWith("my-dog.png")), zip.keySet().toString());
    assertTrue(leader.get("/admin/oakfield/audit").contains("Personal data downloaded"), "the download is audited");

    TestClient.Response wrong = leader.post(base + "/erase", Map.of("confirm", "not-ben"));
    assertEquals(422, wrong.status());
    assertTrue(download(leader, base + "/data.zip").get("data.json").contains("Ben's secret"), "a wrong confirmation erases nothing");

    TestClient.Response erased = leader.post(base + "/erase", Map.of("confirm", "ben"));
    assertEquals(303, erased.status(), erased.body());
    Map<String, String> after = download(leader, base + "/data.zip");
    assertFalse(after.get("data.json").contains("Ben's secret"), after.get("data.json"));
    assertFalse(after.keySet().stream().anyMatch(k -> k.startsWith("files/")), "no files left: " + after.keySet());
    assertFalse(after.get("data.json").contains("\"ben\""), "no username left: " + after.get("data.json"));
    User gone = courtyard.get(UserStore.class).byId(b.id()).orElseThrow();
    assertEquals("Deleted user", gone.displayName());
    assertTrue(gone.disabled());
    assertEquals(200, ben.get("/login").status());
    assertTrue(ben.get("/s/2-willow").location() != null, "Ben's session ended");
    assertTrue(leader.get("/admin/oakfield/audit").contains("Personal data erased"), "the erasure is audited");
  }

  @Test
  void leaversDataGoesOnceTheSchoolsRetentionTimeHasPassed() {
    UserStore users = courtyard.get(UserStore.class);
    User chloe = users.byUsername("chloe").orElseThrow();
    TestClient leader = courtyard.signIn("ict.leader");
    assertEquals(422, leader.post("/admin/oakfield/privacy/settings", Map.of("leaverDays", "-3", "zone", "")).status());
    assertEquals(422, leader.post("/admin/oakfield/privacy/settings", Map.of("leaverDays", "30", "zone", "Mars/Olympus")).status());
    assertEquals(303, leader.post("/admin/oakfield/privacy/settings", Map.of("leaverDays", "30", "zone", "Europe/London")).status());

    users.markLeft(chloe.id(), courtyard.get(java.time.Clock.class).instant());
    assertTrue(org.courtyard.testkit.Eventually.within(2_000, () -> eventsOf(courtyard).contains("left:" + chloe.id())), "tools hear she left");
    courtyard.advanceClock(Duration.ofDays(29));
    courtyard.runDueJobs();
    assertEquals("Chloe", users.byId(chloe.id()).orElseThrow().displayName().split(" ")[0], "kept within the 30 days");
    courtyard.advanceClock(Duration.ofDays(2));
    courtyard.runDueJobs();
    assertEquals("Deleted user", users.byId(chloe.id()).orElseThrow().displayName(), "erased after 30 days by the daily job");
    assertTrue(eventsOf(courtyard).contains("deleted:" + chloe.id()), "and tools were told");
  }

  @SuppressWarnings("unchecked")
  static java.util.List<String> eventsOf(CourtyardExtension c) {
    try {
      var tool = c.get(org.courtyard.core.plugins.ToolRegistry.class).tool("lifecycle").orElseThrow();
      return (java.util.List<String>) tool.loader().loadClass(org.courtyard.core.it.fixtures.LifecycleTool.class.getName()).getField("EVENTS").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
