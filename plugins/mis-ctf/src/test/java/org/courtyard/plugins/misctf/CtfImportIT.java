package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CtfImportIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static byte[] resource(String name) {
    try (InputStream in = CtfImportIT.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private TestClient.Response upload(TestClient admin, String file) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "ctf", "mode", "changes"), "file", file, "application/xml", resource(file));
  }

  private long count(String sql, Object... params) { return courtyard.database().count(sql, params); }

  @Test
  @Order(1)
  void thePreviewRejectsBadUpnsByElementAndApplyingCreatesPupilsYearsAndOneParentForSiblings() throws Exception {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response preview = upload(admin, "pupils.xml");
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("check letter should be P"), preview.body());
    assertTrue(preview.contains("&lt;Pupil&gt; number 4"), "names the element");
    assertTrue(preview.contains("malformed UPN"));
    assertTrue(preview.contains("Tom Green"), "preferred forename");
    Matcher m = Pattern.compile("/import/(\\d+)/apply").matcher(preview.body());
    assertTrue(m.find());
    long run = Long.parseLong(m.group(1));
    admin.post("/admin/oakfield/import/" + run + "/apply", Map.of());
    courtyard.school().awaitImport(run);

    assertEquals(3, count("SELECT COUNT(*) FROM users WHERE source = 'import' AND kind = 'LEARNER'"));
    assertEquals(1, count("SELECT COUNT(*) FROM users WHERE source = 'import' AND kind = 'PARENT'"), "one account for Helen, mother of two");
    assertEquals(2, courtyard.school().personWithExternalId("parent:helen.green@home.example").orElseThrow().children().size());
    assertEquals(0, count("SELECT COUNT(*) FROM users WHERE display_name LIKE '%Gran%'"), "contacts without parental responsibility get no account");
    assertEquals(0, count("SELECT COUNT(*) FROM users WHERE email = 'sw@council.example'"), "nor a social worker, whatever the file says");
    assertEquals(0, count("SELECT COUNT(*) FROM import_runs WHERE id = ? AND stored_key IS NOT NULL", run), "the uploaded CTF is deleted once applied");
    assertEquals(1, count("SELECT COUNT(*) FROM spaces WHERE external_id = 'year:r' AND name = 'Reception'"));
    assertEquals(1, count("SELECT COUNT(*) FROM spaces WHERE external_id = 'class:2g'"));
    assertEquals(2, count("SELECT COUNT(*) FROM memberships m JOIN spaces s ON s.id = m.space_id WHERE s.external_id = 'class:2g'"));
  }

  @Test
  @Order(2)
  void sectionsAVleMustNotHoldAreNeverReadOrStored() {
    TestClient.Response preview = upload(courtyard.signIn("ict.leader"), "pupils.xml");
    for (String secret : new String[] {"SECRET-ETHNICITY-CODE", "SECRET-FSM-STATUS", "SECRET-IN-CARE", "SECRET-SEN-PROVISION"}) {
      assertFalse(preview.contains(secret), secret + " shown");
      assertEquals(0, count("SELECT COUNT(*) FROM users WHERE display_name LIKE ? OR email LIKE ?", "%" + secret + "%", "%" + secret + "%"));
      assertEquals(0, count("SELECT COUNT(*) FROM spaces WHERE name LIKE ? OR description LIKE ?", "%" + secret + "%", "%" + secret + "%"));
      assertEquals(0, count("SELECT COUNT(*) FROM import_runs WHERE summary LIKE ?", "%" + secret + "%"));
    }
  }

  @Test
  @Order(3)
  void importingTheSameFileAgainChangesNothing() {
    TestClient.Response preview = upload(courtyard.signIn("ict.leader"), "pupils.xml");
    assertTrue(preview.contains("applying would change nothing"), preview.body());
  }

  @Test
  @Order(4)
  void dangerousOrBrokenXmlIsRefusedWithNothingChanged() {
    long users = courtyard.school().peopleCount();
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response xxe = upload(admin, "xxe.xml");
    assertEquals(422, xxe.status());
    assertTrue(xxe.contains("DOCTYPE"), xxe.body());
    assertFalse(xxe.contains("root:"), "no file contents leaked");
    TestClient.Response laughs = upload(admin, "laughs.xml");
    assertEquals(422, laughs.status());
    assertTrue(laughs.contains("DOCTYPE"));
    TestClient.Response broken = upload(admin, "malformed.xml");
    assertEquals(422, broken.status());
    assertTrue(broken.contains("not well-formed XML (line"), broken.body());
    TestClient.Response notCtf = admin.postFile("/admin/oakfield/import", Map.of("format", "ctf", "mode", "changes"), "file", "x.xml", "application/xml",
        "<?xml version=\"1.0\"?><note>hi</note>".getBytes());
    assertTrue(notCtf.contains("not a Common Transfer File"));
    assertEquals(users, courtyard.school().peopleCount());
  }

  static String pupil(String serial, String forename, String contactEmail) {
    String upn = Upn.checkLetter("8202001159" + serial) + "8202001159" + serial;
    return "<Pupil><UPN>" + upn + "</UPN><Surname>Long</Surname><Forename>" + forename + "</Forename><BasicDetails><NCyearActual>6</NCyearActual></BasicDetails>"
        + (contactEmail == null ? "" : "<Contacts><Contact><Surname>Long</Surname><Forename>Pat</Forename><Relationship>PAR</Relationship>"
        + "<Responsibility>true</Responsibility><Email><EmailAddress>" + contactEmail + "</EmailAddress></Email></Contact></Contacts>") + "</Pupil>";
  }

  @Test
  @Order(5)
  void aPupilOrContactTheSchoolCannotKeepIsRejectedWithItsReasonAndTheRestImports() throws Exception {
    String longEmail = "p".repeat(110) + "@home.example";
    String ctf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><Header><DocumentQualifier>partial</DocumentQualifier></Header><CTFpupilData>"
        + pupil("01", "A".repeat(300), null)
        + pupil("02", "Ann", longEmail)
        + pupil("03", "Bea", "b".repeat(300) + "@home.example")
        + "</CTFpupilData></CTfile>";
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response preview = admin.postFile("/admin/oakfield/import", Map.of("format", "ctf", "mode", "changes"), "file", "long.xml", "application/xml", ctf.getBytes());
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("The name is longer than 200 characters. The pupil was not imported."), preview.body());
    assertTrue(preview.contains("The e-mail address is longer than 254 characters. The contact was not imported."), preview.body());
    Matcher m = Pattern.compile("/import/(\\d+)/apply").matcher(preview.body());
    assertTrue(m.find(), preview.body());
    long run = Long.parseLong(m.group(1));
    admin.post("/admin/oakfield/import/" + run + "/apply", Map.of());
    courtyard.school().awaitImport(run);
    assertTrue(admin.get("/admin/oakfield/import/" + run).contains("Done."), "the import applies instead of failing on the database");
    assertEquals(1, count("SELECT COUNT(*) FROM users WHERE display_name = 'Ann Long'"));
    assertEquals(1, count("SELECT COUNT(*) FROM users WHERE email = ?", longEmail), "a parent with a long (but real) e-mail address gets an account");
    assertEquals(1, count("SELECT COUNT(*) FROM users WHERE display_name = 'Bea Long'"), "Bea comes in, without the contact");
    assertEquals(0, count("SELECT COUNT(*) FROM users WHERE display_name LIKE 'AAAA%'"));
  }
}
