package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An ICT leader who reads Welsh imports a CTF: the form and the preview's problems are in Welsh. */
class CtfLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static TestClient.Response upload(TestClient admin, String xml) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "ctf", "mode", "changes"), "file", "pupils.xml", "application/xml", xml.getBytes());
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-ctf", "cy");
  }

  @Test
  void anIctLeaderReadingWelshSeesABadPupilsProblemInWelsh() {
    TestClient admin = courtyard.signIn("ict.leader").header("Accept-Language", "cy");
    assertTrue(admin.get("/admin/oakfield/import").contains("Ffeil Trosglwyddo Gyffredin (CTF)"), "the format is named in Welsh");
    TestClient.Response preview = upload(admin, CtfLanguagesTest.BAD);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("&lt;Pupil&gt; rhif 2"), "the element is named in Welsh: " + preview.body());
    assertTrue(preview.contains("Nid oes cyfenw nac enw cyntaf gan y disgybl " + CtfLanguagesTest.GOOD_UPN + "."), preview.body());

    TestClient.Response refused = upload(admin, "<?xml version=\"1.0\"?><note>hi</note>");
    assertEquals(422, refused.status());
    assertTrue(refused.contains("ond nid yw"), refused.body());
    assertTrue(refused.contains("n Ffeil Trosglwyddo Gyffredin (ei helfen wraidd yw &lt;note&gt;, nid &lt;CTfile&gt;)."), refused.body());
  }

  @Test
  void inEnglishTheProblemsReadAsBefore() {
    TestClient.Response preview = upload(courtyard.signIn("ict.leader"), CtfLanguagesTest.BAD);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("&lt;Pupil&gt; number 2") && preview.contains("has no surname or forename."), preview.body());
  }
}
