package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SpaceManageIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs"));

  @Test
  void learnersAndParentsCannotManageAClass() {
    assertEquals(403, courtyard.signIn("amira").get("/s/2-willow/manage").status());
    assertEquals(403, courtyard.signIn("mr.khan").get("/s/2-willow/manage").status());
    assertEquals(403, courtyard.signIn("amira").post("/s/2-willow/manage/tools", Map.of("tool", "echo", "action", "remove")).status());
    assertEquals(200, courtyard.signIn("amira").get("/s/2-willow/echo").status(), "the refused change did nothing");
    assertEquals(200, courtyard.signIn("mrs.patel").get("/s/2-willow/manage").status());
  }

  @Test
  void addingAMemberGivesAccessAndRemovingTakesItAway() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient ben = courtyard.signIn("ben");
    assertEquals(403, ben.get("/s/coding-club").status());
    assertEquals(303, teacher.post("/s/coding-club/manage/add-member", Map.of("username", "ben", "role", "MEMBER")).status());
    assertEquals(200, ben.get("/s/coding-club").status());
    assertTrue(ben.get("/s/coding-club/members").contains("Ben Okafor"));
    long benId = courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername("ben").orElseThrow().id();
    assertEquals(303, teacher.post("/s/coding-club/manage/remove-member", Map.of("user", Long.toString(benId))).status());
    assertEquals(403, ben.get("/s/coding-club").status());
    TestClient.Response unknown = teacher.post("/s/coding-club/manage/add-member", Map.of("username", "nobody-at-all", "role", "MEMBER"));
    assertEquals(422, unknown.status());
    assertTrue(unknown.contains("Nobody you can add here has the username"));
  }

  @Test
  void anOwnerCanWithholdAToolCapabilityInTheirSpace() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient chloe = courtyard.signIn("chloe");
    assertEquals(303, chloe.post("/s/5-oak/echo/send", Map.of("text", "hi")).status());
    assertEquals(303, teacher.post("/s/5-oak/manage/permissions", Map.of("cap:echo.send", "NONE")).status());
    try {
      assertEquals(403, chloe.post("/s/5-oak/echo/send", Map.of("text", "hi")).status());
      assertEquals(303, courtyard.signIn("amira").post("/s/2-willow/echo/send", Map.of("text", "hi")).status(), "only in that space");
    } finally {
      teacher.post("/s/5-oak/manage/permissions", Map.of("cap:echo.send", ""));
    }
    assertEquals(303, chloe.post("/s/5-oak/echo/send", Map.of("text", "hi")).status());
  }

  @Test
  void removingAToolFromASpaceHidesItThereAndAddingBringsItBack() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, teacher.post("/s/2-willow/manage/tools", Map.of("tool", "echo", "action", "remove")).status());
    assertEquals(404, amira.get("/s/2-willow/echo").status());
    assertFalse(amira.get("/s/2-willow").contains("/s/2-willow/echo"));
    assertEquals(303, teacher.post("/s/2-willow/manage/tools", Map.of("tool", "echo", "action", "add")).status());
    assertEquals(200, amira.get("/s/2-willow/echo").status());
  }

  @Test
  void perSpaceSettingsOverrideTheSchoolDefault() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/2-willow/manage/settings", Map.of("tool", "echo", "echo.shout", "true")).status());
    TestClient amira = courtyard.signIn("amira");
    amira.post("/s/2-willow/echo/send", Map.of("text", "loud"));
    assertTrue(amira.get("/s/2-willow/echo").contains("Echo: LOUD"));
    TestClient chloe = courtyard.signIn("chloe");
    chloe.post("/s/5-oak/echo/send", Map.of("text", "soft"));
    assertTrue(chloe.get("/s/5-oak/echo").contains("Echo: soft"), "other spaces keep the school's value");
  }

  @Test
  void archivingMakesTheSpaceReadOnlyAndTheOwnerCanOpenItAgain() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/archive", Map.of()).status());
    assertTrue(courtyard.signIn("chloe").get("/s/coding-club").contains("archived"));
    assertEquals(422, teacher.post("/s/coding-club/manage/add-member", Map.of("username", "ben", "role", "MEMBER")).status());
    assertEquals(303, teacher.post("/s/coding-club/manage/unarchive", Map.of()).status());
    assertFalse(courtyard.signIn("chloe").get("/s/coding-club").contains("This space is archived"));
  }

  @Test
  void someoneAllowedToManageCannotHandOutAStrongerRoleAndLearnersAddNobody() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    var school = courtyard.get(org.courtyard.core.spaces.SpaceStore.class).bySlug("oakfield").orElseThrow();
    if (courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername("mr.jones").isEmpty()) {
      courtyard.get(org.courtyard.core.identity.Accounts.class).create(new org.courtyard.core.identity.UserStore.NewUser(school.id(), "mr.jones",
          "Tom Jones", org.courtyard.api.UserKind.STAFF, null, "jones-demo-pass", null, false));
    }
    teacher.post("/s/coding-club/manage/add-member", Map.of("username", "mr.jones", "role", "TEACHER"));
    teacher.post("/s/coding-club/manage/add-member", Map.of("username", "ben", "role", "MEMBER"));
    assertEquals(303, teacher.post("/s/coding-club/manage/permissions", Map.of("cap:space.manage", "MEMBER")).status());
    try {
      TestClient jones = courtyard.signIn("mr.jones", "jones-demo-pass");
      TestClient.Response r = jones.post("/s/coding-club/manage/add-member", Map.of("username", "amira", "role", "OWNER"));
      assertEquals(422, r.status());
      assertTrue(r.contains("stronger than your own"));
      assertEquals(303, jones.post("/s/coding-club/manage/add-member", Map.of("username", "amira", "role", "MEMBER")).status());
      TestClient chloe = courtyard.signIn("chloe");
      assertEquals(200, chloe.get("/s/coding-club/manage").status(), "members may manage here now");
      TestClient.Response byLearner = chloe.post("/s/coding-club/manage/add-member", Map.of("username", "mr.khan", "role", "VIEWER"));
      assertEquals(422, byLearner.status(), "learners never add members, whatever the space allows");
      assertTrue(byLearner.contains("Learners cannot add people to spaces"), byLearner.body());
      assertFalse(teacher.get("/s/coding-club/members").contains("Imran Khan"));
    } finally {
      teacher.post("/s/coding-club/manage/permissions", Map.of("cap:space.manage", ""));
      var spaces = courtyard.get(org.courtyard.core.spaces.SpaceStore.class);
      long club = spaces.bySlug("coding-club").orElseThrow().id();
      for (String u : java.util.List.of("ben", "amira", "mr.jones")) {
        spaces.removeMember(club, courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername(u).orElseThrow().id());
      }
    }
  }

  @Test
  void aForgedManageFormChangesNothing() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(403, teacher.postRaw("/s/coding-club/manage/archive", Map.of()).status());
    assertFalse(courtyard.signIn("chloe").get("/s/coding-club").contains("This space is archived"));
  }
}
