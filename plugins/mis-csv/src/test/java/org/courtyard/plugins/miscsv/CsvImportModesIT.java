package org.courtyard.plugins.miscsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestDatabase;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an ICT leader says a class list is — the whole school, these classes only, or additions and
 * changes — decides what being missing from it means; switching off and archiving need a yes; a
 * rejected row brings nothing; and an applied import can be undone. All through the real pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CsvImportModesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String HEADER = "ID,Given Name,Family Name,Year,Class,Parent Email,Parent name\n";
  static final String CLASS_A = HEADER + "A01,Ava,Adams,3,3A,ann.adams@home.example,Ann Adams\nA02,Alfie,Ahmed,3,3A,,\n";
  static final String CLASS_B = HEADER + "B01,Bea,Bell,3,3B,,\nB02,Ben,Baker,3,3B,,\n";
  static final Pattern RUN = Pattern.compile("/import/(\\d+)/apply");

  /** The whole-school run of test 3, undone in test 4. */
  static long wholeSchoolRun;

  private TestClient admin() { return courtyard.signIn("ict.leader"); }

  private TestClient.Response preview(TestClient admin, String csv, String mode) {
    Map<String, String> fields = mode == null ? Map.of("format", "csv") : Map.of("format", "csv", "mode", mode);
    return admin.postFile("/admin/oakfield/import", fields, "file", "roll.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private static long runOf(TestClient.Response preview) {
    assertEquals(200, preview.status(), preview.body());
    Matcher m = RUN.matcher(preview.body());
    assertTrue(m.find(), "an Apply button: " + preview.body());
    return Long.parseLong(m.group(1));
  }

  /** Presses Apply (ticking the yes box when asked to) and waits for the background job. */
  private void apply(TestClient admin, long run, boolean yes) throws Exception {
    TestClient.Response r = admin.post("/admin/oakfield/import/" + run + "/apply", yes ? Map.of("confirm", "yes") : Map.of());
    assertEquals(303, r.status(), r.body());
    school().awaitImport(run);
    TestClient.Response done = admin.get("/admin/oakfield/import/" + run);
    assertTrue(done.contains("Done."), done.body());
  }

  private long importFile(String csv, String mode) throws Exception {
    TestClient admin = admin();
    long run = runOf(preview(admin, csv, mode));
    apply(admin, run, false);
    return run;
  }

  private static TestDatabase db() { return courtyard.database(); }

  private static TestSchool school() { return courtyard.school(); }

  private static TestPerson user(String externalId) {
    return school().personWithExternalId(externalId).orElseThrow(() -> new AssertionError("no user " + externalId));
  }

  private static TestSpace space(String externalId) {
    return school().spaceWithExternalId(externalId).orElseThrow(() -> new AssertionError("no space " + externalId));
  }

  private static Optional<Role> role(String space, String person) { return space(space).roleOf(user(person)); }

  /** PREVIEW, APPLIED, UNDONE… */
  private static String status(long run) { return school().importStatus(run); }

  @Test
  @Order(1)
  void classBsListInTheseClassesModeLeavesClassAAndItsLearnersUntouched() throws Exception {
    long runs = db().count("SELECT COUNT(*) FROM import_runs");
    TestClient.Response unsaid = preview(admin(), CLASS_A, null);
    assertEquals(422, unsaid.status());
    assertTrue(unsaid.contains("Say what the file holds"), unsaid.body());
    assertEquals(runs, db().count("SELECT COUNT(*) FROM import_runs"), "nothing was read or kept");

    importFile(CLASS_A, "classes");
    TestClient.Response classB = preview(admin(), CLASS_B, "classes");
    assertTrue(classB.contains("These classes only"), "the preview says how the file is taken: " + classB.body());
    assertFalse(classB.contains("Ava Adams") || classB.contains("Class 3A"), "class A is not even mentioned: " + classB.body());
    assertFalse(classB.contains("Yes, switch off"), "nothing to say yes to");
    apply(admin(), runOf(classB), false);

    for (String a : List.of("A01", "A02")) {
      assertFalse(user(a).disabled(), a + " is still switched on");
      assertEquals(Optional.of(Role.MEMBER), role("class:3a", a), a + " is still in Class 3A");
      assertEquals(Optional.of(Role.MEMBER), role("year:3", a), a + " is still in Year 3");
    }
    assertFalse(space("class:3a").archived(), "Class 3A is not archived");
    assertEquals(Optional.of(Role.MEMBER), role("class:3b", "B01"));

    // Class A's list again without Alfie: he leaves Class 3A, and nothing else about him or anyone changes.
    TestClient.Response without = preview(admin(), HEADER + "A01,Ava,Adams,3,3A,ann.adams@home.example,Ann Adams\n", "classes");
    assertTrue(without.contains("Alfie Ahmed in Class 3A") && without.contains("not in this class"), without.body());
    assertFalse(without.contains("Bea Bell"), without.body());
    apply(admin(), runOf(without), false);
    assertEquals(Optional.empty(), role("class:3a", "A02"), "taken out of the class his list no longer has him in");
    assertFalse(user("A02").disabled(), "but his account stays on");
    assertEquals(Optional.of(Role.MEMBER), role("year:3", "A02"), "and he stays in his year group");
    assertEquals(Optional.of(Role.MEMBER), role("class:3b", "B01"), "class B is untouched");
  }

  @Test
  @Order(2)
  void aDuplicatedIdBringsNeitherItsRowsClassNorItsParent() throws Exception {
    String csv = HEADER + "A01,Ava,Adams,3,3A,ann.adams@home.example,Ann Adams\n"
        + "C01,Cara,Cole,4,4C,,\n"
        + "A01,Zed,Stranger,5,5Z,stranger@home.example,Sam Stranger\n";
    TestClient.Response preview = preview(admin(), csv, "classes");
    assertTrue(preview.contains("The id A01 is used twice in the file"), preview.body());
    assertTrue(preview.contains("not Class 5Z") && preview.contains("not parent Sam Stranger"), "the preview says what the row does not bring: " + preview.body());
    assertFalse(preview.contains("class:5z"), "no class 5Z to add: " + preview.body());
    apply(admin(), runOf(preview), false);

    assertEquals(0, db().count("SELECT COUNT(*) FROM spaces WHERE external_id IN ('class:5z', 'year:5')"), "no class or year from the rejected row");
    assertEquals(0, db().count("SELECT COUNT(*) FROM users WHERE external_id = 'parent:stranger@home.example'"), "no account for the stranger");
    TestPerson ava = user("A01");
    assertEquals("Ava Adams", ava.displayName());
    assertEquals(List.of("Ann Adams"), ava.parents().stream().map(TestPerson::displayName).toList(), "Ava's only parent is her own");
    assertEquals(Optional.of(Role.MEMBER), role("class:4c", "C01"), "the good rows are imported");
  }

  @Test
  @Order(3)
  void inWholeSchoolModeThePreviewNamesWhoWouldLeaveAndApplyingWithoutAYesIsRefused() throws Exception {
    // Ava's role in Class 3A is not the usual one: undo must bring it back as it was.
    space("class:3a").addImportedMember(user("A01"), Role.TEACHER);
    TestClient admin = admin();
    TestClient.Response preview = preview(admin, CLASS_B + "N01,Nia,New,3,3B,,\n", "whole-school");
    assertTrue(preview.contains("Applying this would switch off these 3 accounts and archive these 3 classes"), preview.body());
    for (String name : List.of("Ava Adams (A01)", "Alfie Ahmed (A02)", "Cara Cole (C01)", "Class 3A (class:3a)", "Class 4C (class:4c)", "Year 4 (year:4)")) {
      assertTrue(preview.contains("<li>" + name + "</li>"), name + " is named: " + preview.body());
    }
    assertTrue(preview.contains("Yes, switch off these 3 accounts and archive these 3 classes"), "the box to tick: " + preview.body());
    long run = runOf(preview);

    TestClient.Response refused = admin.post("/admin/oakfield/import/" + run + "/apply", Map.of());
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("Tick the box to say yes to that") && refused.contains("Nothing was changed"), refused.body());
    assertFalse(user("A01").disabled(), "nobody was switched off");
    assertFalse(space("class:3a").archived(), "nothing was archived");
    assertEquals("PREVIEW", status(run), "still waiting for a yes");

    apply(admin, run, true);
    wholeSchoolRun = run;
    assertTrue(user("A01").disabled() && user("A02").disabled() && user("C01").disabled());
    assertTrue(space("class:3a").archived() && space("class:4c").archived() && space("year:4").archived());
    assertEquals(Optional.empty(), role("class:3a", "A01"));
    assertFalse(user("parent:ann.adams@home.example").disabled(), "parents are not leavers");
  }

  @Test
  @Order(4)
  void undoBringsBackAccountsMembershipsWithTheirRolesAndArchivedClasses() throws Exception {
    TestClient admin = admin();
    assertTrue(admin.get("/admin/oakfield/import/" + wholeSchoolRun).contains("Undo this import"));
    TestClient.Response undone = admin.post("/admin/oakfield/import/" + wholeSchoolRun + "/undo", Map.of());
    assertEquals(303, undone.status(), undone.body());
    TestClient.Response page = admin.get("/admin/oakfield/import/" + wholeSchoolRun);
    assertTrue(page.contains("Import undone: 3 accounts switched back on, 1 account it made switched off"), page.body());

    for (String a : List.of("A01", "A02", "C01")) assertFalse(user(a).disabled(), a + " is switched on again");
    assertEquals(Optional.of(Role.TEACHER), role("class:3a", "A01"), "back in Class 3A with her role");
    assertEquals(Optional.of(Role.MEMBER), role("year:3", "A01"));
    assertEquals(Optional.of(Role.MEMBER), role("class:4c", "C01"));
    assertEquals(List.of("Ann Adams"), user("A01").parents().stream().map(TestPerson::displayName).toList(),
        "her parent link is back");
    assertEquals(Optional.empty(), role("class:3a", "A02"), "not in Class 3A: he had left it before that import");
    for (String g : List.of("class:3a", "class:4c", "year:4")) assertFalse(space(g).archived(), g + " is out of the archive");
    TestPerson nia = user("N01");
    assertTrue(nia.disabled(), "the account the import made is switched off, not deleted");
    assertEquals(Optional.empty(), role("class:3b", "N01"), "and out of the class it put her in");
    assertTrue(nia.personalSpace().isPresent(), "her personal space (and anything in it) is kept");
    assertEquals("UNDONE", status(wholeSchoolRun));
    assertTrue(admin.get("/admin/oakfield/import/history").contains("undone"), "the history says so");

    List<TestSchool.AuditEntry> log = school().auditLog();
    assertTrue(log.stream().anyMatch(e -> e.action().equals("IMPORT_UNDONE") && e.actor().contains("ict.leader")
        && e.detail().contains("import " + wholeSchoolRun)), "the undo is in the audit log: " + log);
    assertTrue(log.stream().anyMatch(e -> e.action().equals("IMPORT_APPLIED") && e.actor().contains("ict.leader")
        && e.detail().contains("whole school")), "and so is the apply: " + log);

    TestClient.Response again = admin.post("/admin/oakfield/import/" + wholeSchoolRun + "/undo", Map.of());
    assertEquals(409, again.status());
    assertTrue(again.contains("already been undone"), again.body());
  }

  @Test
  @Order(5)
  void undoIsRefusedWhileALaterImportStandsAndWorksOnceThatIsUndone() throws Exception {
    long first = importFile(HEADER + "X01,Xan,Xu,6,6X,,\n", "changes");
    long later = importFile(HEADER + "Y01,Yas,Yu,6,6Y,,\n", "changes");
    TestClient admin = admin();
    TestClient.Response page = admin.get("/admin/oakfield/import/" + first);
    assertTrue(page.contains("A later import has been applied since: undo import " + later + " (roll.csv) first"), page.body());
    assertFalse(page.contains("Undo this import</button>"), "no Undo button while it cannot work");

    TestClient.Response refused = admin.post("/admin/oakfield/import/" + first + "/undo", Map.of());
    assertEquals(409, refused.status());
    assertTrue(refused.contains("undo import " + later + " (roll.csv) first") && refused.contains("Nothing was changed"), refused.body());
    assertFalse(user("X01").disabled(), "nothing was undone");
    assertEquals("APPLIED", status(first));

    assertEquals(303, admin.post("/admin/oakfield/import/" + later + "/undo", Map.of()).status());
    assertEquals(303, admin.post("/admin/oakfield/import/" + first + "/undo", Map.of()).status());
    assertTrue(user("X01").disabled() && user("Y01").disabled(), "both undone, newest first");
  }
}
