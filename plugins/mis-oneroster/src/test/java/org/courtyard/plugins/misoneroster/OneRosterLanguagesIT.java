package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An ICT leader who reads Welsh imports a OneRoster export: the form and the preview's problems are in Welsh. */
class OneRosterLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static TestClient.Response upload(TestClient admin, byte[] zip) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "oneroster", "mode", "whole-school"), "file", "oneroster-export.zip", "application/zip", zip);
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-oneroster", "cy");
  }

  @Test
  void anIctLeaderReadingWelshSeesABadRowsProblemInWelsh() {
    TestClient admin = courtyard.signIn("ict.leader").header("Accept-Language", "cy");
    assertTrue(admin.get("/admin/oakfield/import").contains("OneRoster CSV (1.1 neu 1.2, zip)"), "the format is named in Welsh");
    TestClient.Response preview = upload(admin, OneRosterZips.zip("v1.1-bulk"));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("enrollments.csv llinell 12"), "the row is named in Welsh: " + preview.body());
    assertTrue(preview.contains("Nid yw&#x27;r defnyddiwr stu-9999 yn users.csv; ni chafodd ei gofrestru yn cls-5m.")
        || preview.contains("Nid yw'r defnyddiwr stu-9999 yn users.csv; ni chafodd ei gofrestru yn cls-5m."), preview.body());
    assertTrue(preview.contains("users.csv llinell 10") && preview.contains("nad yw Courtyard yn ei hadnabod"), preview.body());

    Map<String, byte[]> bulk = OneRosterZips.files("v1.1-bulk");
    String manifest = new String(bulk.get("manifest.csv"), StandardCharsets.UTF_8);
    TestClient.Response refused = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "manifest.csv",
        manifest.replace("file.enrollments,bulk", "file.enrollments,delta").getBytes(StandardCharsets.UTF_8))));
    assertEquals(422, refused.status());
    assertTrue(refused.contains("Mae manifest.csv yn cymysgu ffeiliau bulk a delta"), refused.body());
  }

  @Test
  void inEnglishTheProblemsReadAsBefore() {
    TestClient.Response preview = upload(courtyard.signIn("ict.leader"), OneRosterZips.zip("v1.1-bulk"));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("enrollments.csv line 12") && preview.contains("stu-9999 is not in users.csv"), preview.body());
  }
}
