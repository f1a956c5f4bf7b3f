package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.roster.ImportService;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneRosterImportIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private TestClient.Response upload(TestClient admin, byte[] zip) {
    return admin.postFile("/admin/oakfield/import", Map.of("format", "oneroster"), "file", "oneroster.zip", "application/zip", zip);
  }

  private void apply(TestClient admin, TestClient.Response preview) throws Exception {
    Matcher m = Pattern.compile("/import/(\\d+)/apply").matcher(preview.body());
    assertTrue(m.find(), preview.body());
    long run = Long.parseLong(m.group(1));
    admin.post("/admin/oakfield/import/" + run + "/apply", Map.of());
    courtyard.get(ImportService.class).job(run).orElseThrow().get(60, TimeUnit.SECONDS);
  }

  private User user(String ext) {
    long id = courtyard.get(Db.class).queryOne("SELECT id FROM users WHERE external_id = ?", rs -> rs.getLong(1), ext).orElseThrow(() -> new AssertionError(ext));
    return courtyard.get(UserStore.class).byId(id).orElseThrow();
  }

  private long space(String ext) {
    return courtyard.get(Db.class).queryOne("SELECT id FROM spaces WHERE external_id = ?", rs -> rs.getLong(1), ext).orElseThrow(() -> new AssertionError(ext));
  }

  @Test
  @Order(1)
  void aBulkExportCreatesUsersClassesEnrolmentsAndGuardianLinks() throws Exception {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response preview = upload(admin, OneRosterFiles.zip(OneRosterFiles.bulk11()));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.contains("wizard"), "unknown role rejected: " + preview.body());
    assertTrue(preview.contains("users.csv line 7"));
    assertTrue(preview.contains("The person nobody is not in the file"));
    apply(admin, preview);
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    assertEquals(Role.TEACHER, spaces.membership(space("class:c7"), user("t1").id()).orElseThrow().role());
    assertEquals(Role.MEMBER, spaces.membership(space("class:c7"), user("s1").id()).orElseThrow().role());
    assertEquals(space("year:7"), spaces.byId(space("class:c7")).orElseThrow().parentId(), "class inside its year group");
    assertTrue(spaces.membership(space("year:7"), user("s2").id()).isPresent(), "students join their grade's year group");
    assertEquals(2, courtyard.get(UserStore.class).childrenOf(user("g1").id()).size());
  }

  @Test
  @Order(2)
  void theSameBulkAgainChangesNothing() {
    assertTrue(upload(courtyard.signIn("ict.leader"), OneRosterFiles.zip(OneRosterFiles.bulk11())).contains("applying would change nothing"));
  }

  @Test
  @Order(3)
  void aDeltaChangesOnlyWhatItLists() throws Exception {
    TestClient admin = courtyard.signIn("ict.leader");
    apply(admin, upload(admin, OneRosterFiles.zip(OneRosterFiles.delta11())));
    assertEquals("Noah Wilson", user("s4").displayName());
    assertEquals("Ella Jones-Smith", user("s3").displayName());
    assertTrue(user("s2").disabled(), "tobedeleted: a leaver");
    assertTrue(courtyard.get(SpaceStore.class).membership(space("class:c7"), user("s2").id()).isEmpty());
    assertFalse(user("s1").disabled(), "not in the delta: untouched");
    assertTrue(courtyard.get(SpaceStore.class).membership(space("class:c7"), user("s1").id()).isPresent());
    assertTrue(courtyard.get(SpaceStore.class).membership(space("class:c7"), user("s4").id()).isPresent());
  }

  @Test
  @Order(4)
  void version12IsReadToo() throws Exception {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response preview = upload(admin, OneRosterFiles.zip(OneRosterFiles.bulk12()));
    assertTrue(preview.contains("Ben Ng"), "preferredGivenName: " + preview.body());
  }

  @Test
  @Order(5)
  void badExportsAreRefusedWithNothingChanged() {
    long users = courtyard.get(UserStore.class).count();
    TestClient admin = courtyard.signIn("ict.leader");
    Map<String, String> slip = new LinkedHashMap<>(OneRosterFiles.bulk11());
    slip.put("../../evil.csv", "x");
    TestClient.Response r1 = upload(admin, OneRosterFiles.zip(slip));
    assertEquals(422, r1.status());
    assertTrue(r1.contains("outside its folder"), r1.body());
    Map<String, String> noManifest = new LinkedHashMap<>(OneRosterFiles.bulk11());
    noManifest.remove("manifest.csv");
    assertTrue(upload(admin, OneRosterFiles.zip(noManifest)).contains("no manifest.csv"));
    Map<String, String> v3 = new LinkedHashMap<>(OneRosterFiles.bulk11());
    v3.put("manifest.csv", OneRosterFiles.manifest("3.0", "bulk"));
    assertTrue(upload(admin, OneRosterFiles.zip(v3)).contains("reads OneRoster 1.1 and 1.2"));
    Map<String, String> missing = new LinkedHashMap<>(OneRosterFiles.bulk11());
    missing.remove("users.csv");
    assertTrue(upload(admin, OneRosterFiles.zip(missing)).contains("but the file is missing"));
    assertTrue(upload(admin, "not a zip".getBytes()).contains("is not a zip"));
    assertEquals(users, courtyard.get(UserStore.class).count());
  }
}
