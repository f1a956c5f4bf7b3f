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
    assertTrue(unknown.contains("There is no account"));
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
  void aMemberAllowedToManageCannotHandOutAStrongerRole() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    teacher.post("/s/coding-club/manage/add-member", Map.of("username", "ben", "role", "MEMBER"));
    assertEquals(303, teacher.post("/s/coding-club/manage/permissions", Map.of("cap:space.manage", "MEMBER")).status());
    try {
      TestClient chloe = courtyard.signIn("chloe");
      assertEquals(200, chloe.get("/s/coding-club/manage").status(), "members may manage here now");
      TestClient.Response r = chloe.post("/s/coding-club/manage/add-member", Map.of("username", "amira", "role", "OWNER"));
      assertEquals(422, r.status());
      assertTrue(r.contains("stronger than your own"));
      assertEquals(303, chloe.post("/s/coding-club/manage/add-member", Map.of("username", "amira", "role", "MEMBER")).status());
    } finally {
      teacher.post("/s/coding-club/manage/permissions", Map.of("cap:space.manage", ""));
    }
  }

  @Test
  void aForgedManageFormChangesNothing() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(403, teacher.postRaw("/s/coding-club/manage/archive", Map.of()).status());
    assertFalse(courtyard.signIn("chloe").get("/s/coding-club").contains("This space is archived"));
  }
}
