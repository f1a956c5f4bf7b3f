package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refused wiki forms come back (422) with the message and the text, saving nothing; and the teachers' daily digest of own wikis. */
class WikiFormsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  @Test
  void aTooLongNoteOrABrokenFormKeepsTheTextAndSavesNothing() {
    TestClient amira = courtyard.signIn("amira");
    String page = "/s/2-willow/wiki/p/weather";
    TestClient.Response r = amira.post(page, Map.of("base", "0", "title", "", "text", "It rained all week in Willow class", "note", "x".repeat(201)));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("What you changed: at most 200 characters."), r.body());
    assertTrue(r.contains("It rained all week in Willow class"), "the text is kept");
    assertEquals(404, amira.get(page).status(), "nothing was saved");

    TestClient.Response broken = amira.post(page, Map.of("base", "abc", "title", "", "text", "It snowed on Monday"));
    assertEquals(422, broken.status(), broken.body());
    assertTrue(broken.contains("The form was changed"), broken.body());
    assertTrue(broken.contains("It snowed on Monday"));
    assertEquals(404, amira.get(page).status(), "nothing was saved");
  }

  @Test
  void choosingNoRevisionIsExplainedOnTheHistoryPage() {
    TestClient chloe = courtyard.signIn("chloe");
    String page = "/s/5-oak/wiki/p/planets";
    WikiIT.save(chloe, page, "0", "Mercury\nVenus");
    WikiIT.save(chloe, page, WikiIT.base(chloe, page), "Mercury\nVenus\nEarth");
    TestClient.Response diff = chloe.get(page + "/diff?to=");
    assertEquals(422, diff.status(), diff.body());
    assertTrue(diff.contains("Choose two revisions to compare"), diff.body());
    assertTrue(diff.contains("History of"), "shown on the history page");
    TestClient.Response restore = chloe.post(page + "/restore", Map.of("revision", "latest"));
    assertEquals(422, restore.status(), restore.body());
    assertTrue(restore.contains("Revision to restore"), restore.body());
    assertTrue(chloe.get(page).contains("Earth"), "nothing was restored");
  }

  @Test
  void teachersHearEachDayWhichLearnersChangedTheirOwnWikis() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "wiki", "wiki.mode", "individual")).status());
    WikiIT.save(courtyard.signIn("chloe"), "/s/coding-club/wiki/p/home", "0", "My robot diary");
    assertFalse(teacher.get("/notifications").contains("Own wikis changed"));

    courtyard.advanceClock(Duration.ofDays(1));
    courtyard.runDueJobs();

    TestClient.Response notes = courtyard.signIn("mrs.patel").get("/notifications");
    assertTrue(notes.contains("Own wikis changed in Coding club: Chloe"), notes.body());
    assertFalse(courtyard.signIn("chloe").get("/notifications").contains("Own wikis changed"), "learners are not told");
  }
}
