package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.core.it.fixtures.LifecycleTool;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plugin API 2.0 as a tool uses it, through real HTTP and a real jar: one channel for refused input
 * (the form again, 422, nothing saved, nothing typed lost) while any other exception is a 500 with a
 * reference; the shared uploads check; typed settings and JSON replies; stop hooks; a scheduled job;
 * and the lifecycle events.
 */
class LifecycleIT {
  static final PluginJar JAR = PluginJar.fixture("lifecycle").extension(LifecycleTool.class)
      .with(LifecycleTool.NoteRoutes.class).with(LifecycleTool.Hooks.class).with(LifecycleTool.Tick.class).with(LifecycleTool.Notes.class)
      .with(LifecycleTool.Heard.class).with(LifecycleTool.Heard.Left.class).with(LifecycleTool.Heard.Deleted.class)
      .with(LifecycleTool.Heard.Archived.class).with(LifecycleTool.Heard.Removed.class).with(LifecycleTool.Heard.YearEnded.class)
      .resource("templates/notes.hbs");

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(JAR);

  static final byte[] ONE_PIXEL_PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  static Object field(String name) {
    try {
      ToolRegistry.ActiveTool tool = courtyard.get(ToolRegistry.class).tool("lifecycle").orElseThrow();
      return tool.loader().loadClass(LifecycleTool.class.getName()).getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> events() { return (List<String>) field("EVENTS"); }

  @Test
  void refusedInputShowsTheFormAgainWithTheMessageAndWhatWasTyped() {
    TestClient ben = courtyard.signIn("ben");
    String tooLong = "a note that is far longer than twenty characters";
    TestClient.Response r = ben.post("/s/2-willow/lifecycle/notes", Map.of("text", tooLong));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Note: at most 20 characters (this has " + tooLong.length() + ")."), r.body());
    assertTrue(r.contains(">" + tooLong + "</textarea>"), "what Ben typed is still in the box");
    assertTrue(r.contains("Oakfield Primary School"), "inside the school's layout");
    assertFalse(ben.get("/s/2-willow/lifecycle/mine.json").contains(tooLong), "nothing was saved");

    assertEquals(422, ben.post("/s/2-willow/lifecycle/notes", Map.of("text", "")).status());
    assertEquals(303, ben.post("/s/2-willow/lifecycle/notes", Map.of("text", "short note")).status());
    TestClient.Response json = ben.get("/s/2-willow/lifecycle/mine.json");
    assertEquals(200, json.status());
    assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
    assertTrue(json.contains("\"short note\""), json.body());
    assertTrue(json.contains("\"limit\":20"), "a typed setting reads as a number: " + json.body());
  }

  @Test
  void aNumberFormatExceptionIsAFaultWithAReferenceNotAMessageForTheReader() {
    TestClient.Response r = courtyard.signIn("ben").get("/s/2-willow/lifecycle/boom");
    assertEquals(500, r.status(), r.body());
    assertTrue(r.contains("reference"), r.body());
    assertFalse(r.contains("not a number"), "the exception's raw message is not shown: " + r.body());
  }

  @Test
  void uploadsAreCheckedByContentAndABadFileStoresNothing() {
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response refused = ben.postFile("/s/2-willow/lifecycle/pictures", Map.of(), "picture", "cat.png", "image/png",
        "this is text pretending".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("cat.png is not a picture (JPEG, PNG, GIF or WebP). Nothing was saved."), refused.body());
    TestClient.Response stored = ben.postFile("/s/2-willow/lifecycle/pictures", Map.of(), "picture", "dot.png", "application/octet-stream", ONE_PIXEL_PNG);
    assertEquals(200, stored.status(), stored.body());
    assertTrue(stored.contains("\"stored\":1"), stored.body());
  }

  @Test
  void labelledChoicesShowTheirWordsOnTheSettingsPage() {
    TestClient.Response page = courtyard.signIn("ict.leader").get("/admin/oakfield/plugins/lifecycle/settings");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contains("<option value=\"loud\">Loud and lively</option>"), page.body());
  }

  @Test
  void stopHooksRunWhenThePluginStopsAndStartHooksWhenItStartsAgain() throws Exception {
    int started = ((AtomicInteger) field("STARTED")).get();
    assertTrue(started >= 1, "started once at boot");
    ClassLoader old = courtyard.get(ToolRegistry.class).tool("lifecycle").orElseThrow().loader();
    AtomicInteger stopped = (AtomicInteger) old.loadClass(LifecycleTool.class.getName()).getField("STOPPED").get(null);
    int before = stopped.get();
    PluginHost host = courtyard.get(PluginHost.class);
    host.disable("lifecycle");
    try {
      assertEquals(before + 1, stopped.get(), "the stop hook ran");
      assertEquals(404, courtyard.signIn("ben").get("/s/2-willow/lifecycle/mine.json").status(), "and the routes went");
    } finally {
      assertTrue(host.enable("lifecycle"));
    }
    assertEquals(200, courtyard.signIn("ben").get("/s/2-willow/lifecycle/mine.json").status());
  }

  @Test
  void aJobRunsWhenDueOnceForEachDueTime() {
    AtomicInteger ticks = (AtomicInteger) field("TICKS");
    int before = ticks.get();
    courtyard.runDueJobs();
    assertEquals(before, ticks.get(), "not due yet: it runs an hour after it was scheduled");
    courtyard.advanceClock(java.time.Duration.ofMinutes(61));
    courtyard.runDueJobs();
    assertEquals(before + 1, ticks.get(), "due: it ran");
    courtyard.runDueJobs();
    assertEquals(before + 1, ticks.get(), "not again for the same due time");
    TestClient.Response page = courtyard.signIn("ict.leader").get("/admin/oakfield/privacy");
    assertTrue(page.contains("lifecycle:tick"), "the ICT leader sees the job and its last run: " + page.body());
  }

  @Test
  void toolsHearWhenASpaceIsArchivedOrTheyAreRemovedFromIt() {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    long oak = spaces.bySlug("5-oak").orElseThrow().id();
    TestClient patel = courtyard.signIn("mrs.patel");
    TestClient.Response removed = patel.post("/s/5-oak/manage/tools", Map.of("tool", "lifecycle", "action", "remove"));
    assertTrue(removed.status() < 400, removed.body());
    assertTrue(events().contains("removed:" + oak + ":lifecycle"), "told the tool was removed: " + events() + " " + removed.body());
    TestClient leader = courtyard.signIn("ict.leader");
    long club = spaces.bySlug("coding-club").orElseThrow().id();
    TestClient.Response archived = leader.post("/admin/oakfield/spaces/" + club + "/archive", Map.of());
    assertTrue(archived.status() < 400, archived.body());
    assertTrue(events().contains("archived:" + club), "told the space was archived: " + events());
  }

  @Test
  void endingTheSchoolYearTellsEveryToolAndIsAudited() {
    TestClient leader = courtyard.signIn("ict.leader");
    assertEquals(422, leader.post("/admin/oakfield/privacy/year-end", Map.of("year", "last year")).status());
    TestClient.Response ended = leader.post("/admin/oakfield/privacy/year-end", Map.of("year", "2025-26"));
    assertEquals(303, ended.status(), ended.body());
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    assertTrue(events().contains("year:" + school + ":2025-26"), events().toString());
    assertTrue(leader.get("/admin/oakfield/audit").contains("School year ended"));
    assertEquals(403, courtyard.signIn("mrs.patel").post("/admin/oakfield/privacy/year-end", Map.of("year", "2026-27")).status());
  }

  @Test
  void aLiveStreamSendsEventsAsThingsChangeAndClosesWhenTheToolStops() throws Exception {
    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, courtyard.anonymous().get("/s/2-willow/lifecycle/live").status(), "visitors are sent to sign in");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest open = java.net.http.HttpRequest.newBuilder(courtyard.baseUri().resolve("/s/2-willow/lifecycle/live"))
        .header("Cookie", "courtyard.session=" + ben.cookie("courtyard.session")).GET().build();
    java.net.http.HttpResponse<java.util.stream.Stream<String>> live = http.send(open, java.net.http.HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, live.statusCode());
    assertTrue(live.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    java.util.Iterator<String> lines = live.body().iterator();
    assertEquals("event: hello", nextEvent(lines));
    assertTrue(lines.next().startsWith("data: {\"watching\":"));
    assertEquals(303, ben.post("/s/2-willow/lifecycle/notes", Map.of("text", "live one")).status());
    assertEquals("event: note", nextEvent(lines));
    String data = lines.next();
    assertTrue(data.contains("\"text\":\"live one\""), data);
    PluginHost host = courtyard.get(PluginHost.class);
    host.disable("lifecycle");
    try {
      while (lines.hasNext()) lines.next(); // ends: the tool stopped, so the core closed the stream
    } finally {
      assertTrue(host.enable("lifecycle"));
    }
  }

  private static String nextEvent(java.util.Iterator<String> lines) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event: ")) return line;
    }
    throw new AssertionError("the stream ended before the next event");
  }
}
