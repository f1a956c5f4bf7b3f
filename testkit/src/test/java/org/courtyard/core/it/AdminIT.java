package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.core.it.fixtures.ThrowingTool;
import org.courtyard.core.services.ToolSettings;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ICT leader's pages, through real HTTP. */
class AdminIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs"))
      .plugin(PluginJar.fixture("broken").extension(ThrowingTool.class));

  private static final List<String> PAGES = List.of("/admin/oakfield", "/admin/oakfield/plugins", "/admin/oakfield/users",
      "/admin/oakfield/spaces", "/admin/oakfield/branding", "/admin/oakfield/usage", "/admin/oakfield/why", "/admin/oakfield/import",
      "/admin/oakfield/plugins/echo/settings");

  @Test
  void onlyTheSchoolAdminGetsIn() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient learner = courtyard.signIn("chloe");
    TestClient admin = courtyard.signIn("ict.leader");
    for (String page : PAGES) {
      assertEquals(403, teacher.get(page).status(), page);
      assertEquals(403, learner.get(page).status(), page);
      assertEquals(200, admin.get(page).status(), page);
    }
    assertEquals(403, teacher.post("/admin/oakfield/plugins/echo/school", Map.of("enabled", "false")).status());
    assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/echo").status(), "the refused POST changed nothing");
  }

  @Test
  void theCatalogueShowsRunningAndFailedPluginsWithTheReason() {
    TestClient.Response page = courtyard.signIn("ict.leader").get("/admin/oakfield/plugins");
    assertTrue(page.contains("id=\"plugin-echo\""));
    assertTrue(page.contains("state-running"), page.body());
    assertTrue(page.contains("state-failed"));
    assertTrue(page.contains("Failed to start: IllegalStateException: the broken tool cannot find its configuration"), page.body());
  }

  @Test
  void turningAToolOffForTheSchoolRemovesItsRoutesAndMenuAndOnBringsThemBack() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient chloe = courtyard.signIn("chloe");
    assertTrue(chloe.get("/s/5-oak").contains("/s/5-oak/echo"));
    assertEquals(303, admin.post("/admin/oakfield/plugins/echo/school", Map.of("enabled", "false")).status());
    try {
      assertEquals(404, chloe.get("/s/5-oak/echo").status());
      assertFalse(chloe.get("/s/5-oak").contains("/s/5-oak/echo"), "menu entry gone");
    } finally {
      admin.post("/admin/oakfield/plugins/echo/school", Map.of("enabled", "true"));
    }
    assertEquals(200, chloe.get("/s/5-oak/echo").status());
    assertTrue(chloe.get("/s/5-oak").contains("/s/5-oak/echo"));
  }

  @Test
  void aSiteAdminStopsAndStartsAPluginForTheWholeInstallation() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient chloe = courtyard.signIn("chloe");
    admin.get("/admin/oakfield/plugins");
    assertEquals(303, admin.post("/admin/oakfield/plugins/echo/installation", Map.of("action", "stop")).status());
    try {
      assertEquals(404, chloe.get("/s/5-oak/echo").status());
      assertTrue(admin.get("/admin/oakfield/plugins").contains("state-disabled"));
    } finally {
      admin.post("/admin/oakfield/plugins/echo/installation", Map.of("action", "start"));
    }
    assertEquals(200, chloe.get("/s/5-oak/echo").status());
  }

  @Test
  void settingsAreValidatedAndABadValueSavesNothing() {
    TestClient admin = courtyard.signIn("ict.leader");
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    TestClient.Response bad = admin.post("/admin/oakfield/plugins/echo/settings", Map.of("max-length", "lots", "shout", "true"));
    assertEquals(422, bad.status());
    assertTrue(bad.contains("enter a whole number"), bad.body());
    assertTrue(courtyard.get(ToolSettings.class).stored(school, "echo", "shout").isEmpty(), "nothing saved, not even the good field");
    assertEquals(303, admin.post("/admin/oakfield/plugins/echo/settings", Map.of("max-length", "50", "shout", "true")).status());
    assertEquals("50", courtyard.get(ToolSettings.class).stored(school, "echo", "max-length").orElseThrow());
    TestClient chloe = courtyard.signIn("chloe");
    chloe.post("/s/5-oak/echo/send", Map.of("text", "quiet"));
    assertTrue(chloe.get("/s/5-oak/echo").contains("Echo: QUIET"), "the tool reads the school's setting");
    admin.post("/admin/oakfield/plugins/echo/settings", Map.of("max-length", "100", "shout", "false"));
  }

  @Test
  void aNewAccountCanSignInAndALockedOneCanBeUnlocked() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response created = admin.post("/admin/oakfield/users",
        Map.of("name", "Dora Day", "username", "dora", "kind", "STAFF", "email", "", "password", "dora-pass-123", "avatar", "owl"));
    assertEquals(303, created.status(), created.body());
    courtyard.signIn("dora", "dora-pass-123");
    TestClient.Response dup = admin.post("/admin/oakfield/users",
        Map.of("name", "Dora Two", "username", "dora", "kind", "STAFF", "email", "", "password", "dora-pass-123", "avatar", "owl"));
    assertEquals(422, dup.status());
    assertTrue(dup.contains("is taken"));

    TestClient browser = courtyard.anonymous();
    for (int i = 0; i < 5; i++) browser.post("/login", Map.of("username", "dora", "password", "wrong-password-" + i));
    assertEquals(401, browser.post("/login", Map.of("username", "dora", "password", "dora-pass-123")).status(), "past five wrong tries, the next waits");
    long dora = courtyard.get(UserStore.class).byUsername("dora").orElseThrow().id();
    assertTrue(admin.get("/admin/oakfield/users/" + dora).contains("Let them sign in again now"));
    assertEquals(303, admin.post("/admin/oakfield/users/" + dora + "/unlock", Map.of()).status());
    assertEquals(303, browser.post("/login", Map.of("username", "dora", "password", "dora-pass-123")).status(), "the ICT leader cleared the wait");
  }

  @Test
  void linkingAParentGivesThemTheirChildsClass() {
    TestClient admin = courtyard.signIn("ict.leader");
    admin.post("/admin/oakfield/users", Map.of("name", "Paula Smith", "username", "paula", "kind", "PARENT", "email", "", "password", "paula-pass-123", "avatar", "owl"));
    TestClient paula = courtyard.signIn("paula", "paula-pass-123");
    assertEquals(403, paula.get("/s/5-oak").status());
    long id = courtyard.get(UserStore.class).byUsername("paula").orElseThrow().id();
    assertEquals(303, admin.post("/admin/oakfield/users/" + id + "/link", Map.of("username", "chloe")).status());
    assertEquals(200, paula.get("/s/5-oak").status());
    assertEquals(200, paula.get("/s/~chloe").status());
    TestClient.Response wrong = admin.post("/admin/oakfield/users/" + id + "/link", Map.of("username", "nobody-here"));
    assertEquals(422, wrong.status());
  }

  @Test
  void spacesAreCreatedAndArchivedAndArchivedSpacesRefuseChanges() {
    TestClient admin = courtyard.signIn("ict.leader");
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    assertEquals(303, admin.post("/admin/oakfield/spaces", Map.of("name", "Film club", "slug", "film-club", "kind", "CLUB",
        "parent", Long.toString(school), "description", "Fridays")).status());
    assertEquals(422, admin.post("/admin/oakfield/spaces", Map.of("name", "Film club again", "slug", "film-club", "kind", "CLUB",
        "parent", Long.toString(school), "description", "")).status(), "web addresses are unique");
    long oak = courtyard.get(SpaceStore.class).bySlug("5-oak").orElseThrow().id();
    assertEquals(303, admin.post("/admin/oakfield/spaces/" + oak + "/archive", Map.of()).status());
    try {
      TestClient chloe = courtyard.signIn("chloe");
      assertTrue(chloe.get("/s/5-oak").contains("archived"));
      assertEquals(200, chloe.get("/s/5-oak/echo").status(), "still readable");
      assertEquals(403, chloe.post("/s/5-oak/echo/send", Map.of("text", "x")).status(), "but read-only");
    } finally {
      admin.post("/admin/oakfield/spaces/" + oak + "/unarchive", Map.of());
    }
  }

  @Test
  void brandingChangesTheThemeAndANonImageLogoIsRefused() {
    TestClient admin = courtyard.signIn("ict.leader");
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    assertEquals(303, admin.post("/admin/oakfield/branding", Map.of("name", "Oakfield Primary School", "primary", "#123abc", "accent", "#ffaa00")).status());
    assertTrue(admin.get("/theme/" + school + ".css").contains("#123abc"));
    assertEquals(422, admin.post("/admin/oakfield/branding", Map.of("name", "Oakfield Primary School", "primary", "red;}body{", "accent", "#ffaa00")).status());
    assertTrue(admin.get("/theme/" + school + ".css").contains("#123abc"), "a bad colour changes nothing");

    byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    assertEquals(303, admin.postFile("/admin/oakfield/branding/logo", Map.of(), "logo", "logo.png", "image/png", png).status());
    TestClient.Response logo = admin.get("/theme/" + school + "/logo");
    assertEquals("image/png", logo.header("Content-Type"));
    TestClient.Response fake = admin.postFile("/admin/oakfield/branding/logo", Map.of(), "logo", "logo.png", "image/png",
        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, fake.status());
    assertTrue(fake.contains("is not a PNG"));
    assertEquals("image/png", admin.get("/theme/" + school + "/logo").header("Content-Type"), "the old logo is kept");
  }

  @Test
  void whyExplainsADecision() {
    TestClient.Response r = courtyard.signIn("ict.leader").get("/admin/oakfield/why?user=chloe&capability=space.view&space=staff-room");
    assertTrue(r.contains("cannot use space.view in Staff room"), r.body());
    assertTrue(r.contains("Has no role in Staff room"));
  }

  @Test
  void aSchoolOwnerWhoIsNotASiteAdminCannotTakeOverTheSiteAdminsAccount() {
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    TestClient admin = courtyard.signIn("ict.leader");
    admin.post("/admin/oakfield/users", Map.of("name", "Head Teacher", "username", "head", "kind", "STAFF", "email", "", "password", "head-pass-123", "avatar", "owl"));
    long head = courtyard.get(UserStore.class).byUsername("head").orElseThrow().id();
    courtyard.get(SpaceStore.class).addMember(school, head, org.courtyard.api.Role.OWNER, true);
    TestClient headTeacher = courtyard.signIn("head", "head-pass-123");
    long ict = courtyard.get(UserStore.class).byUsername("ict.leader").orElseThrow().id();
    assertEquals(403, headTeacher.post("/admin/oakfield/users/" + ict + "/password", Map.of("password", "taken-over-now")).status());
    courtyard.signIn("ict.leader");
    TestClient.Response audit = admin.get("/admin/oakfield/audit?action=ACCOUNT_CREATED");
    assertTrue(audit.contains("Account created") && audit.contains("(head)"), "admin changes are in the audit log");
  }

  @Test
  void aForgedAdminFormChangesNothing() {
    TestClient admin = courtyard.signIn("ict.leader");
    assertEquals(403, admin.postRaw("/admin/oakfield/plugins/echo/school", Map.of("enabled", "false")).status());
    assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/echo").status());
  }
}
