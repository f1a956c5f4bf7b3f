package org.courtyard.plugins.miscsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CSV importer through the real upload route: preview, apply, re-import, leavers, bad files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsvImportIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String ROLL = String.join("\n",
      "ID,Given Name,Family Name,Preferred name,Year,Class,Parent Email,Parent name",
      "L001,Oliver,Brown,Olly,3,3B,sarah.brown@home.example,Sarah Brown",
      "L002,Isla,Brown,,3,3B,sarah.brown@home.example,Sarah Brown",
      "L003,Noah,Jones,,4,4J,,",
      "L004,Mia,\"O'Neil, Jr\",,4,4J,not-an-email,",
      ",Nameless,Child,,4,4J,,",
      "");

  static final Pattern RUN = Pattern.compile("/import/(\\d+)/apply");

  private TestClient admin() { return courtyard.signIn("ict.leader"); }

  /**
   * Uploads through the real form as a file of the whole school, checks the preview, applies (saying
   * yes to any leavers it lists), and waits for the background job.
   */
  private TestClient.Response importFile(TestClient admin, String csv, boolean apply) throws Exception {
    TestClient.Response preview = admin.postFile("/admin/oakfield/import", Map.of("format", "csv", "mode", "whole-school"), "file", "roll.csv", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    if (!apply) return preview;
    assertEquals(200, preview.status(), preview.body());
    Matcher m = RUN.matcher(preview.body());
    assertTrue(m.find(), "an Apply button: " + preview.body());
    long run = Long.parseLong(m.group(1));
    assertEquals(303, admin.post("/admin/oakfield/import/" + run + "/apply", Map.of("confirm", "yes")).status());
    school().awaitImport(run);
    return admin.get("/admin/oakfield/import/" + run);
  }

  private static TestSchool school() { return courtyard.school(); }

  private TestPerson user(String externalId) {
    return school().personWithExternalId(externalId).orElseThrow(() -> new AssertionError("no user " + externalId));
  }

  private TestSpace space(String externalId) {
    return school().spaceWithExternalId(externalId).orElseThrow(() -> new AssertionError("no space " + externalId));
  }

  @Test
  @Order(1)
  void thePreviewShowsWhatWouldChangeAndChangesNothing() throws Exception {
    long before = school().peopleCount();
    TestClient.Response preview = importFile(admin(), ROLL, false);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("Olly Brown"), "preferred name used");
    assertTrue(preview.contains("line 6"), "the rejected row names its line");
    assertTrue(preview.contains("No id"), preview.body());
    assertTrue(preview.contains("not an e-mail address"));
    assertEquals(before, school().peopleCount(), "a preview changes nothing");
  }

  @Test
  @Order(2)
  void applyingCreatesLearnersClassesYearsAndOneParentForTwoChildren() throws Exception {
    TestClient.Response done = importFile(admin(), ROLL, true);
    assertTrue(done.contains("Done."), done.body());
    TestPerson olly = user("L001");
    assertEquals("Olly Brown", olly.displayName());
    TestSpace threeB = space("class:3b");
    assertEquals("Class 3B", threeB.name());
    assertEquals(space("year:3"), threeB.parent().orElseThrow(), "the class sits in its year group");
    assertEquals(Role.MEMBER, threeB.roleOf(olly).orElseThrow());
    TestPerson mum = user("parent:sarah.brown@home.example");
    assertEquals(2, mum.children().size(), "one account for a parent of two");
    assertTrue(olly.personalSpace().isPresent(), "new accounts get a personal space");
  }

  @Test
  @Order(3)
  void newAccountsSignInOnceWithTheirLetterCodeThenChooseAPassword() throws Exception {
    TestClient admin = admin();
    long run = school().imports().stream().filter(r -> r.status().equals("APPLIED")).findFirst().orElseThrow().id();
    TestClient.Response letters = admin.get("/admin/oakfield/import/" + run + "/letters");
    TestPerson noah = user("L003");
    Matcher m = Pattern.compile(Pattern.quote(noah.username()) + "</strong></dd><dt>First sign-in code</dt><dd><strong>([a-z0-9-]+)<").matcher(letters.body());
    assertTrue(m.find(), letters.body());
    TestClient browser = courtyard.anonymous();
    TestClient.Response login = browser.post("/login", Map.of("username", noah.username(), "password", m.group(1)));
    assertEquals("/account", login.location(), "sent to choose a password");
  }

  @Test
  @Order(4)
  void importingTheSameFileAgainChangesNothing() throws Exception {
    TestClient.Response preview = importFile(admin(), ROLL, false);
    assertTrue(preview.contains("applying would change nothing"), preview.body());
  }

  @Test
  @Order(5)
  void aLearnerMissingFromTheFileLeavesAndComesBackWhenTheyReappear() throws Exception {
    String without = ROLL.replace("L003,Noah,Jones,,4,4J,,\n", "");
    importFile(admin(), without, true);
    TestPerson noah = user("L003");
    assertTrue(noah.disabled(), "a leaver's account is switched off");
    assertTrue(space("class:4j").roleOf(noah).isEmpty(), "removed from the class");
    importFile(admin(), ROLL, true);
    assertFalse(user("L003").disabled(), "restored when they reappear");
    assertTrue(space("class:4j").roleOf(noah).isPresent());
  }

  @Test
  @Order(6)
  void manuallyCreatedAccountsAreNeverTouched() throws Exception {
    // Several full imports have been applied by now, none listing the demo's hand-made accounts.
    assertFalse(importFile(admin(), ROLL, false).contains("Chloe Smith"), "not even listed as a leaver");
    assertFalse(school().person("chloe").disabled(), "a hand-made learner is not a leaver");
  }

  @Test
  @Order(7)
  void badFilesAreRefusedWithAClearMessageAndNothingChanges() throws Exception {
    long users = school().peopleCount();
    TestClient admin = admin();
    TestClient.Response noHeader = importFile(admin, "L9,Ann,Lee,3,3B\n", false);
    assertEquals(422, noHeader.status());
    assertTrue(noHeader.contains("has no column for"), noHeader.body());
    TestClient.Response latin1 = admin.postFile("/admin/oakfield/import", Map.of("format", "csv", "mode", "classes"), "file", "roll.csv", "text/csv",
        "id,given name,family name,year,class\nL9,Zo\u00eb,Lee,3,3B\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(422, latin1.status());
    assertTrue(latin1.contains("is not UTF-8"), latin1.body());
    TestClient.Response unclosed = importFile(admin, "id,given name,family name,year,class\nL9,\"Ann,Lee,3,3B\n", false);
    assertTrue(unclosed.contains("never closed"), unclosed.body());
    TestClient.Response empty = importFile(admin, "", false);
    assertEquals(422, empty.status());
    assertEquals(users, school().peopleCount(), "nothing was created");
    assertTrue(admin.get("/admin/oakfield/import/history").contains("refused"), "refusals are in the history");
  }

  @Test
  @Order(8)
  void anUploadOverTheSchoolsLimitIsRefusedWithNothingSaved() {
    long users = school().peopleCount();
    byte[] big = new byte[51 * 1024 * 1024];
    TestClient.Response r = admin().postFile("/admin/oakfield/import", Map.of("format", "csv"), "file", "roll.csv", "text/csv", big);
    assertEquals(413, r.status());
    assertTrue(r.contains("bigger than this school allows"), r.body());
    assertEquals(users, school().peopleCount());
  }

  @Test
  @Order(9)
  void anApplyThatFailsPartWayLeavesEverythingAsItWas() throws Exception {
    long users = school().peopleCount();
    long spaces = school().spaceCount();
    // The database refuses the last learner (a constraint added for this test only), so the insert fails after the others were written.
    String roll = ROLL + "L050,Zed,Last,,5,5Z,,\nL051,Refused,Bythedatabase,,5,5Z,,\n";
    TestClient admin = admin();
    TestClient.Response preview = importFile(admin, roll, false);
    Matcher m = RUN.matcher(preview.body());
    assertTrue(m.find(), preview.body());
    long run = Long.parseLong(m.group(1));
    courtyard.database().update("ALTER TABLE users ADD CONSTRAINT test_refuse_one CHECK (display_name <> 'Refused Bythedatabase')");
    try {
      admin.post("/admin/oakfield/import/" + run + "/apply", Map.of("confirm", "yes"));
      school().awaitImport(run);
    } catch (java.util.concurrent.ExecutionException expected) {
      // the job failed, as it should
    } finally {
      courtyard.database().update("ALTER TABLE users DROP CONSTRAINT test_refuse_one");
    }
    assertEquals(users, school().peopleCount(), "no learner of that file was kept");
    assertEquals(spaces, school().spaceCount(), "no class or year group was kept");
    TestClient.Response status = admin.get("/admin/oakfield/import/" + run);
    assertTrue(status.contains("Nothing was changed"), status.body());
  }

  @Test
  @Order(10)
  void onlyTheSchoolAdminMayImport() throws Exception {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(403, teacher.get("/admin/oakfield/import").status());
    assertEquals(403, teacher.postFile("/admin/oakfield/import", Map.of("format", "csv"), "file", "roll.csv", "text/csv",
        ROLL.getBytes(StandardCharsets.UTF_8)).status());
  }

  @Test
  @Order(11)
  void aRowTheSchoolCannotKeepIsRejectedWithItsLineAndTheRestImports() throws Exception {
    TestClient admin = admin();
    String longEmail = "p".repeat(110) + "@home.example";
    String roll = ROLL + "L060,Ann,Short,,5,5S," + longEmail + ",Pat Short\n"
        + "L061," + "A".repeat(300) + ",Long,,5,5S,,\n"
        + "L062,Bea,Short,,5," + "C".repeat(300) + ",,\n"
        + "L063,Cal,Short,,5,5S," + "e".repeat(300) + "@home.example,\n";
    TestClient.Response preview = importFile(admin, roll, false);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("The name is longer than 200 characters. The learner was not imported."), preview.body());
    assertTrue(preview.contains("The class name is longer than 200 characters. The learner was not imported."), preview.body());
    assertTrue(preview.contains("The parent: The e-mail address is longer than 254 characters. The learner is imported without a parent."), preview.body());
    TestClient.Response done = importFile(admin, roll, true);
    assertTrue(done.contains("Done."), "the import applies instead of failing on the database: " + done.body());
    assertEquals("Ann Short", user("L060").displayName());
    assertEquals(1, school().people().stream().filter(p -> longEmail.equals(p.email())).findFirst().orElseThrow().children().size(),
        "a parent with a long (but real) e-mail address gets an account");
    assertFalse(user("L063").disabled(), "Cal comes in, without a parent");
    assertTrue(school().personWithExternalId("L061").isEmpty());

    StringBuilder huge = new StringBuilder("id,given name,family name,year,class\n");
    for (int i = 0; i < 50_001; i++) huge.append('X').append(i).append(",Ann,Lee,3,3B\n");
    long users = school().peopleCount();
    TestClient.Response tooMany = importFile(admin, huge.toString(), false);
    assertEquals(422, tooMany.status());
    assertTrue(tooMany.contains("roll.csv lists 50,001 learners; one import takes at most 50,000."), tooMany.body());
    assertEquals(users, school().peopleCount());
  }
}
