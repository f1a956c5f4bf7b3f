package org.courtyard.plugins.miscsv;

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

/** An ICT leader who reads Welsh imports class lists: the form and the preview's problems are in Welsh. */
class CsvLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static TestClient.Response upload(TestClient admin, String csv) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "csv", "mode", "classes"), "file", "roll.csv", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-csv", "cy");
  }

  @Test
  void anIctLeaderReadingWelshSeesABadRowsProblemInWelsh() {
    TestClient admin = courtyard.signIn("ict.leader").header("Accept-Language", "cy");
    assertTrue(admin.get("/admin/oakfield/import").contains("Rhestrau dosbarth (CSV)"), "the format is named in Welsh");
    TestClient.Response preview = upload(admin, "id,given name,family name,year,class\nL1,Ann,Lee,3,3B\nL2,Ben,Lee,,3B\n");
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("llinell 3"), "the row is named in Welsh: " + preview.body());
    assertTrue(preview.contains("Nid oes blwyddyn gan y dysgwr L2."), preview.body());

    TestClient.Response refused = upload(admin, "L9,Ann,Lee,3,3B\n");
    assertEquals(422, refused.status());
    assertTrue(refused.contains("Nid oes colofn ar gyfer id, given name, family name, year, class yn roll.csv."), refused.body());
  }

  @Test
  void inEnglishTheProblemsReadAsBefore() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response preview = upload(admin, "id,given name,family name,year,class\nL1,Ann,Lee,3,3B\nL2,Ben,Lee,,3B\n");
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("line 3") && preview.contains("Learner L2 has no year."), preview.body());
  }
}
