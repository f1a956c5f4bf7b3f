package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.core.it.fixtures.ThrowingTool;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginHostIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs").resource("static/echo.css"))
      .plugin(PluginJar.fixture("broken").extension(ThrowingTool.class))
      .plugin(PluginJar.fixture("future").extension(EchoTool.class).requires(">=3.0.0"))
      .plugin(PluginJar.fixture("badtemplate").extension(org.courtyard.core.it.fixtures.LifecycleTool.class)
          .with(org.courtyard.core.it.fixtures.LifecycleTool.NoteRoutes.class).resource("templates/notes.hbs").resource("templates/unclosed.hbs"));

  private PluginStatus status(String id) {
    return courtyard.get(PluginHost.class).statuses().stream().filter(s -> s.pluginId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aToolServesItsPagesInsideTheLayoutWithItsMenuEntry() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response page = amira.get("/s/2-willow/echo");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contains("Hello Amira Khan in Class 2 Willow"));
    assertTrue(page.contains("Oakfield Primary School"), "inside the school's layout");
    assertTrue(page.contains("Send one"), "the tool's menu entry");
    TestClient.Response sent = amira.post("/s/2-willow/echo/send", Map.of("text", "hi"));
    assertEquals(303, sent.status());
    assertEquals("/s/2-willow/echo", sent.location());
    assertTrue(amira.get("/s/2-willow/echo").contains("Echo: hi"), "flash message on the next page");
  }

  @Test
  void aToolsStaticFilesAreServedFromItsJarWithSafeTypes() {
    TestClient.Response css = courtyard.anonymous().get("/assets/echo/echo.css");
    assertEquals(200, css.status());
    assertTrue(css.contains("#123456"));
    assertTrue(css.header("Content-Type").startsWith("text/css"));
    assertEquals(404, courtyard.anonymous().get("/assets/echo/missing.css").status());
    assertEquals(404, courtyard.anonymous().get("/assets/echo/plugin.properties").status(), "only known asset types are served");
  }

  @Test
  void theCoreChecksTheCapabilityBeforeTheToolRuns() {
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(200, parent.get("/s/2-willow/echo").status(), "parents view their child's class");
    assertEquals(403, parent.post("/s/2-willow/echo/send", Map.of("text", "x")).status(), "but may not send");
    assertFalse(parent.get("/s/2-willow/echo").contains("<form method=\"post\" action=\"/s/2-willow/echo/send\""), "and see no form");
  }

  @Test
  void anOpenCapabilityLetsVisitorsInAndTheOwnerCanWithholdIt() {
    TestClient visitor = courtyard.anonymous();
    TestClient.Response feed = visitor.get("/s/5-oak/echo/feed");
    assertEquals(200, feed.status());
    assertEquals("feed of Class 5 Oak for a visitor", feed.body());
    assertEquals(303, visitor.get("/s/5-oak/echo").status(), "other routes still need sign-in");
    assertEquals(401, visitor.get("/s/~chloe/echo/feed").status(), "personal spaces are never open");
    var permissions = courtyard.get(org.courtyard.core.permissions.PermissionService.class);
    long oak = courtyard.get(org.courtyard.core.spaces.SpaceStore.class).bySlug("5-oak").orElseThrow().id();
    permissions.setOverride(oak, "echo.feed", "MEMBER");
    try {
      assertEquals(401, visitor.get("/s/5-oak/echo/feed").status());
      assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/echo/feed").status());
    } finally {
      permissions.setOverride(oak, "echo.feed", "");
    }
  }

  @Test
  void aJarDroppedInWhileRunningIsFoundWithoutARestart() {
    PluginJar.fixture("late").extension(org.courtyard.core.it.fixtures.LateTool.class).writeTo(courtyard.pluginsDir());
    assertEquals(java.util.List.of("late"), courtyard.get(PluginHost.class).loadNew());
    assertEquals(PluginStatus.State.RUNNING, status("late").state());
    assertEquals(java.util.List.of(), courtyard.get(PluginHost.class).loadNew(), "nothing new the second time");
  }

  @Test
  void aToolNotAddedToASpaceIs404There() {
    assertEquals(404, courtyard.signIn("mrs.patel").get("/s/year-2/echo").status());
  }

  @Test
  void aPluginThatThrowsAtStartIsMarkedFailedAndTheRestKeepsServing() {
    PluginStatus broken = status("broken");
    assertEquals(PluginStatus.State.FAILED, broken.state());
    assertTrue(broken.failure().english().contains("cannot find its configuration"), broken.failure().english());
    assertEquals(PluginStatus.State.RUNNING, status("echo").state());
    assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/echo").status());
  }

  @Test
  void aPluginNeedingAnotherApiVersionIsRefusedWithTheReason() {
    PluginStatus future = status("future");
    assertEquals(PluginStatus.State.FAILED, future.state());
    assertTrue(future.failure().english().contains(">=3.0.0"), future.failure().english());
  }

  @Test
  void aTemplateThatDoesNotCompileFailsThePluginAtStartNamingTheFile() {
    PluginStatus bad = status("badtemplate");
    assertEquals(PluginStatus.State.FAILED, bad.state());
    assertTrue(bad.failure().english().contains("unclosed.hbs"), bad.failure().english());
    assertEquals(404, courtyard.signIn("ben").get("/s/2-willow/lifecycle").status(), "nothing of it runs");
  }

  @Test
  void listenersHearCoreEvents() {
    courtyard.signIn("mrs.patel");
    EchoTool.HEARD.clear();
    var spaces = courtyard.get(org.courtyard.core.spaces.SpaceStore.class);
    var users = courtyard.get(org.courtyard.core.identity.UserStore.class);
    long club = spaces.bySlug("coding-club").orElseThrow().id();
    long ben = users.byUsername("ben").orElseThrow().id();
    spaces.addMember(club, ben, org.courtyard.api.Role.MEMBER, false);
    // The listener lives in the plugin's class loader: read its list there.
    assertTrue(heardInPlugin().contains(club + ":" + ben), "the plugin's listener was called");
  }

  @SuppressWarnings("unchecked")
  private java.util.List<String> heardInPlugin() {
    var tool = courtyard.get(org.courtyard.core.plugins.ToolRegistry.class).tool("echo").orElseThrow();
    try {
      Class<?> c = tool.loader().loadClass(EchoTool.class.getName());
      return (java.util.List<String>) c.getField("HEARD").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void stoppingAPluginAtRuntimeRemovesItsRoutesAndMenuAndStartingBringsThemBack() {
    TestClient chloe = courtyard.signIn("chloe");
    assertEquals(200, chloe.get("/s/5-oak/echo").status());
    assertTrue(chloe.get("/s/5-oak").contains("Echo"));
    PluginHost host = courtyard.get(PluginHost.class);
    host.disable("echo");
    try {
      assertEquals(404, chloe.get("/s/5-oak/echo").status());
      assertFalse(chloe.get("/s/5-oak").contains("/s/5-oak/echo"), "no menu entry while disabled");
      assertTrue(heardInPluginIsolated(), "listeners are gone with the plugin");
    } finally {
      host.enable("echo");
    }
    assertEquals(200, chloe.get("/s/5-oak/echo").status());
    assertTrue(chloe.get("/s/5-oak").contains("/s/5-oak/echo"));
  }

  private boolean heardInPluginIsolated() {
    return courtyard.get(org.courtyard.core.events.EventHub.class).count("echo") == 0;
  }
}
