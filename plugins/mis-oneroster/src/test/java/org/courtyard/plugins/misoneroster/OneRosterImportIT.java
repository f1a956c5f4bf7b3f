package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OneRoster zips through the real upload route into the demo school: a 1.1 bulk export, the same
 * again, a 1.1 delta, a 1.2 bulk export, and files that must be refused with nothing changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneRosterImportIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final Pattern RUN = Pattern.compile("/import/(\\d+)/apply");

  private TestClient admin() { return courtyard.signIn("ict.leader"); }

  /** Uploads a bulk export, said to be the whole school (as its manifest says). */
  private TestClient.Response upload(TestClient admin, byte[] zip) { return upload(admin, zip, "whole-school"); }

  private TestClient.Response upload(TestClient admin, byte[] zip, String mode) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "oneroster", "mode", mode), "file", "oneroster-export.zip", "application/zip", zip);
  }

  private TestClient.Response uploadAndApply(byte[] zip) throws Exception { return uploadAndApply(zip, "whole-school"); }

  /** Uploads through the real form, applies with the preview's button (yes to any leavers) and waits for the background job. */
  private TestClient.Response uploadAndApply(byte[] zip, String mode) throws Exception {
    TestClient admin = admin();
    TestClient.Response preview = upload(admin, zip, mode);
    assertEquals(200, preview.status(), preview.body());
    Matcher m = RUN.matcher(preview.body());
    assertTrue(m.find(), "an Apply button: " + preview.body());
    long run = Long.parseLong(m.group(1));
    assertEquals(303, admin.post("/admin/oakfield/import/" + run + "/apply", Map.of("confirm", "yes")).status());
    courtyard.school().awaitImport(run);
    TestClient.Response done = admin.get("/admin/oakfield/import/" + run);
    assertTrue(done.contains("Done."), done.body());
    return done;
  }

  private Optional<TestPerson> maybeUser(String externalId) { return courtyard.school().personWithExternalId(externalId); }

  private TestPerson user(String externalId) { return maybeUser(externalId).orElseThrow(() -> new AssertionError("no user " + externalId)); }

  private TestSpace space(String externalId) {
    return courtyard.school().spaceWithExternalId(externalId).orElseThrow(() -> new AssertionError("no space " + externalId));
  }

  private Role role(String classId, String userId) { return space(classId).roleOf(user(userId)).orElse(null); }

  private Set<String> childrenOf(String parentId) {
    return user(parentId).children().stream().map(TestPerson::externalId).collect(Collectors.toSet());
  }

  /** Everything an import could change about a person: name, kind, e-mail, on/off, memberships, children. */
  private String snapshot(String externalId) {
    TestPerson u = user(externalId);
    String memberships = u.memberships().entrySet().stream()
        .map(m -> m.getKey().id() + ":" + m.getValue()).sorted().collect(Collectors.joining(","));
    return u.displayName() + "|" + u.kind() + "|" + u.email() + "|" + u.disabled() + "|" + memberships + "|" + childrenOf(externalId);
  }

  private long count(String table) { return courtyard.database().count("SELECT COUNT(*) FROM " + table); }

  @Test
  @Order(1)
  void aBulkPreviewShowsRejectedRowsByFileAndLineAndChangesNothing() throws Exception {
    long users = count("users");
    long spaces = count("spaces");
    TestClient.Response preview = upload(admin(), OneRosterZips.zip("v1.1-bulk"));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("users.csv line 10"), "the unknown role names its file and line: " + preview.body());
    assertTrue(preview.contains("the role &#x27;caretaker&#x27;") || preview.contains("the role 'caretaker'"), preview.body());
    assertTrue(preview.contains("enrollments.csv line 12") && preview.contains("stu-9999 is not in users.csv"), preview.body());
    assertTrue(preview.contains("enrollments.csv line 13") && preview.contains("cls-gone is not in classes.csv"), preview.body());
    assertEquals(users, count("users"), "a preview creates nobody");
    assertEquals(spaces, count("spaces"), "a preview creates no spaces");
  }

  @Test
  @Order(2)
  void aBulkExportCreatesPeopleClassesYearGroupsEnrollmentsAndGuardianLinks() throws Exception {
    uploadAndApply(OneRosterZips.zip("v1.1-bulk"));
    Optional<TestSpace> school = Optional.of(courtyard.school().asSpace());

    TestPerson chloe = user("stu-1003");
    assertEquals("Chloé O'Connor", chloe.displayName(), "UTF-8 names and apostrophes survive");
    assertEquals(UserKind.LEARNER, chloe.kind());
    assertEquals(UserKind.STAFF, user("tch-3001").kind());
    assertEquals("r.adeyemi@oakfield.example", user("tch-3001").email());
    assertEquals(UserKind.PARENT, user("gdn-2001").kind(), "role guardian");
    assertEquals(UserKind.PARENT, user("gdn-2002").kind(), "role parent");
    assertTrue(maybeUser("usr-9001").isEmpty(), "an unknown role is rejected, not guessed");

    TestSpace maths = space("cls-5m");
    assertEquals(SpaceKind.CLASS, maths.kind());
    assertEquals("5M Maths", maths.name());
    TestSpace grade5 = space("grade:05");
    assertEquals(SpaceKind.YEAR_GROUP, grade5.kind());
    assertEquals("Grade 5", grade5.name());
    assertEquals(school, grade5.parent(), "year groups sit in the school");
    assertEquals(Optional.of(grade5), maths.parent(), "a class with one grade sits in its year group");
    assertEquals(Optional.of(grade5), space("cls-5e").parent(), "no grades on the class: the course's grade is used");
    assertEquals(school, space("cls-choir").parent(), "a mixed-grade class sits in the school");

    assertEquals(Role.MEMBER, role("cls-5m", "stu-1001"));
    assertEquals(Role.MEMBER, role("cls-choir", "stu-1004"));
    assertEquals(Role.TEACHER, role("cls-5m", "tch-3001"), "teachers teach their classes");
    assertEquals(Role.TEACHER, role("cls-choir", "tch-3001"));
    assertEquals(Role.TEACHER, role("cls-5e", "tch-3002"));
    assertNull(role("cls-5e", "tch-3001"), "only the classes they are enrolled in");
    assertNull(role("cls-5e", "stu-1003"));
    assertEquals(Role.MEMBER, role("grade:05", "stu-1003"), "students join their grade's year group");
    assertEquals(Role.MEMBER, role("grade:04", "stu-1004"));

    assertEquals(Set.of("stu-1001", "stu-1002"), childrenOf("gdn-2001"), "agentSourcedIds on the guardian and on the student, one account");
    assertEquals(Set.of("stu-1004"), childrenOf("gdn-2002"), "agentSourcedIds on the student only");
  }

  @Test
  @Order(3)
  void theSameBulkExportAgainChangesNothing() throws Exception {
    String before = snapshot("stu-1001") + snapshot("tch-3001") + snapshot("gdn-2001");
    long users = count("users");
    long memberships = count("memberships");
    TestClient.Response preview = upload(admin(), OneRosterZips.zip("v1.1-bulk"));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("applying would change nothing"), preview.body());
    assertTrue(preview.contains("0 to add, 0 to update, 0 leavers, 0 returning, 0 to remove"), preview.body());
    assertEquals(before, snapshot("stu-1001") + snapshot("tch-3001") + snapshot("gdn-2001"));
    assertEquals(users, count("users"));
    assertEquals(memberships, count("memberships"));
  }

  @Test
  @Order(4)
  void aDeltaChangesOnlyWhatItLists() throws Exception {
    List<String> untouched = List.of("stu-1001", "stu-1002", "tch-3001", "tch-3002", "gdn-2002");
    Map<String, String> before = untouched.stream().collect(Collectors.toMap(id -> id, this::snapshot));
    long classes = count("spaces WHERE archived = FALSE AND kind IN ('CLASS', 'YEAR_GROUP')");
    String marta = snapshot("gdn-2001");

    TestClient.Response preview = upload(admin(), OneRosterZips.zip("v1.1-delta"), "changes");
    assertEquals(200, preview.status(), preview.body());
    // 4 to add: Eli, his class, his year group and his guardian link; Chloé's new name; Dev leaves.
    assertTrue(preview.contains("4 to add, 1 to update, 1 leavers, 0 returning"), "one new student, one new name, one leaver: " + preview.body());
    uploadAndApply(OneRosterZips.zip("v1.1-delta"), "changes");

    TestPerson eli = user("stu-1005");
    assertEquals("Eli Nowak", eli.displayName());
    assertEquals(Role.MEMBER, role("cls-5m", "stu-1005"), "the delta's enrollment in a class from an earlier import");
    assertEquals(Role.MEMBER, role("grade:05", "stu-1005"));
    assertTrue(childrenOf("gdn-2001").contains("stu-1005"), "linked to a guardian from an earlier import");
    assertEquals("Chloé O'Connor-Reid", user("stu-1003").displayName(), "the changed name");
    assertEquals(Role.MEMBER, role("cls-5m", "stu-1003"), "a changed student keeps classes the delta does not mention");
    TestPerson dev = user("stu-1004");
    assertTrue(dev.disabled(), "status=tobedeleted: the account is switched off");
    assertNull(role("cls-choir", "stu-1004"), "and taken out of the class");

    for (String id : untouched) assertEquals(before.get(id), snapshot(id), id + " is not in the delta, so nothing about them changes");
    assertEquals(classes, count("spaces WHERE archived = FALSE AND kind IN ('CLASS', 'YEAR_GROUP')"), "no class is archived by a delta that lists no classes");
    assertFalse(user("stu-1001").disabled() || user("stu-1002").disabled(), "students missing from a delta have not left");
    assertTrue(snapshot("gdn-2001").startsWith(marta.substring(0, marta.indexOf('['))), "the guardian's own record is untouched");
  }

  @Test
  @Order(5)
  void aVersion12BulkExportIsReadWithRolesCsvAndPreferredNames() throws Exception {
    uploadAndApply(OneRosterZips.zip("v1.2-bulk"));
    assertEquals("Ben Kowalski", user("stu-1002").displayName(), "preferredGivenName (1.2) over givenName Benedykt");
    assertEquals(UserKind.STAFF, user("tch-3001").kind(), "the role comes from roles.csv (primary teacher)");
    assertEquals(UserKind.PARENT, user("gdn-2001").kind());
    assertEquals(UserKind.LEARNER, user("stu-1005").kind());
    TestSpace science = space("cls-5s");
    assertEquals("5S Science", science.name());
    assertEquals(Optional.of(space("grade:05")), science.parent());
    assertEquals(Role.TEACHER, role("cls-5s", "tch-3002"));
    assertEquals(Role.MEMBER, role("cls-5s", "stu-1003"));
    assertEquals(Set.of("stu-1001", "stu-1002", "stu-1005"), childrenOf("gdn-2001"));
    assertTrue(user("stu-1004").disabled(), "still gone");

    TestClient.Response again = upload(admin(), OneRosterZips.zip("v1.2-bulk"));
    assertTrue(again.contains("applying would change nothing"), again.body());
  }

  @Test
  @Order(6)
  void aZipWithAPathOutsideItsFolderIsRefusedAndNothingChanges() throws Exception {
    long users = count("users");
    String ava = snapshot("stu-1001");
    Map<String, byte[]> files = OneRosterZips.files("v1.1-bulk");
    byte[] evil = OneRosterZips.zip(OneRosterZips.with(files, "../../users.csv",
        "sourcedId,role,givenName,familyName\nstu-6666,student,Zip,Slip\n".getBytes(StandardCharsets.UTF_8)));
    TestClient.Response refused = upload(admin(), evil);
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("path outside its folder"), refused.body());
    assertTrue(refused.contains("Nothing was changed"), refused.body());
    assertEquals(users, count("users"));
    assertEquals(ava, snapshot("stu-1001"));
    assertTrue(admin().get("/admin/oakfield/import/history").contains("refused"), "refusals are in the history");
  }

  @Test
  @Order(7)
  void zipsThatAreNotAUsableExportAreRefusedWithAClearMessage() throws Exception {
    long users = count("users");
    long spaces = count("spaces");
    TestClient admin = admin();
    Map<String, byte[]> bulk = OneRosterZips.files("v1.1-bulk");

    TestClient.Response noManifest = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "manifest.csv", null)));
    assertEquals(422, noManifest.status());
    assertTrue(noManifest.contains("has no manifest.csv"), noManifest.body());

    String manifest = new String(bulk.get("manifest.csv"), StandardCharsets.UTF_8);
    TestClient.Response v10 = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "manifest.csv",
        manifest.replace("oneroster.version,1.1", "oneroster.version,1.0").getBytes(StandardCharsets.UTF_8))));
    assertEquals(422, v10.status());
    assertTrue(v10.contains("The export is OneRoster 1.0") && v10.contains("reads OneRoster 1.1 and 1.2"), v10.body());

    TestClient.Response noUsers = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "users.csv", null)));
    assertEquals(422, noUsers.status());
    assertTrue(noUsers.contains("lists users.csv as bulk, but the export has no users.csv"), noUsers.body());

    String users11 = new String(bulk.get("users.csv"), StandardCharsets.UTF_8);
    TestClient.Response noColumn = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "users.csv",
        users11.replaceFirst("familyName", "surname").getBytes(StandardCharsets.UTF_8))));
    assertEquals(422, noColumn.status());
    assertTrue(noColumn.contains("users.csv has no column familyName"), noColumn.body());

    TestClient.Response latin1 = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "users.csv", users11.getBytes(StandardCharsets.ISO_8859_1))));
    assertEquals(422, latin1.status());
    assertTrue(latin1.contains("users.csv is not UTF-8"), latin1.body());

    TestClient.Response notZip = admin.postFile("/admin/oakfield/import", Map.of("format", "oneroster", "mode", "whole-school"), "file", "users.csv", "text/csv", bulk.get("users.csv"));
    assertEquals(422, notZip.status());
    assertTrue(notZip.contains("is not a zip"), notZip.body());

    TestClient.Response mixed = upload(admin, OneRosterZips.zip(OneRosterZips.with(bulk, "manifest.csv",
        manifest.replace("file.enrollments,bulk", "file.enrollments,delta").getBytes(StandardCharsets.UTF_8))));
    assertEquals(422, mixed.status());
    assertTrue(mixed.contains("mixes bulk and delta"), mixed.body());

    assertEquals(users, count("users"), "nothing was created");
    assertEquals(spaces, count("spaces"));
  }

  @Test
  @Order(8)
  void aUserOrClassTheSchoolCannotKeepIsRejectedWithItsLineAndTheRestImports() throws Exception {
    Map<String, byte[]> delta = OneRosterZips.files("v1.1-delta");
    String manifest = new String(delta.get("manifest.csv"), StandardCharsets.UTF_8).replace("file.classes,absent", "file.classes,delta");
    String header = new String(delta.get("users.csv"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    String users = header + "\n"
        + "stu-9001,active,,true,org-oak,student,a.long,,"  + "A".repeat(300) + ",Long,,9001,,,,,05,\n"
        + "stu-9002,active,,true,org-oak,student,b.long,,Bea,Long,,9002," + "b".repeat(300) + "@school.example,,,,05,\n"
        + "stu-9003,active,,true,org-oak,student,dan.fine,,Dan,Fine,,9003,,,,,05,\n";
    String classes = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
        + "cls-long,active,," + "T".repeat(300) + ",05,crs-5-maths,,scheduled,,org-oak,,,,\n";
    String enrollments = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
        + "enr-91,active,,cls-long,org-oak,stu-9003,student,false,,\n";
    Map<String, byte[]> files = OneRosterZips.with(OneRosterZips.with(OneRosterZips.with(OneRosterZips.with(delta,
        "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8)), "users.csv", users.getBytes(StandardCharsets.UTF_8)),
        "classes.csv", classes.getBytes(StandardCharsets.UTF_8)), "enrollments.csv", enrollments.getBytes(StandardCharsets.UTF_8));
    TestClient.Response preview = upload(admin(), OneRosterZips.zip(files));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("users.csv line 2") && preview.contains("The name is longer than 200 characters. The user was not imported."), preview.body());
    assertTrue(preview.contains("The e-mail address is longer than 254 characters. The user was not imported."), preview.body());
    assertTrue(preview.contains("The class name is longer than 200 characters. The class was not imported."), preview.body());
    assertTrue(preview.contains("The class cls-long was not imported (see classes.csv), so stu-9003 was not enrolled."), preview.body());
    uploadAndApply(OneRosterZips.zip(files));
    assertEquals("Dan Fine", user("stu-9003").displayName(), "the rest of the file is imported");
    assertTrue(maybeUser("stu-9001").isEmpty());
    assertTrue(maybeUser("stu-9002").isEmpty());
  }
}
