package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WikiIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final Pattern BASE = Pattern.compile("name=\"base\" value=\"(\\d+)\"");

  static String base(TestClient who, String page) {
    Matcher m = BASE.matcher(who.get(page + "/edit").body());
    assertTrue(m.find());
    return m.group(1);
  }

  static void save(TestClient who, String page, String base, String text) {
    TestClient.Response r = who.post(page, Map.of("base", base, "text", text, "title", ""));
    assertEquals(303, r.status(), r.body());
  }

  static List<String> revisions(TestClient who, String page) {
    Matcher m = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(who.get(page + "/history").body());
    List<String> ids = new ArrayList<>();
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  @Test
  void writingAPageWithALinkAndScriptThatNeverRuns() {
    TestClient amira = courtyard.signIn("amira");
    String page = "/s/2-willow/wiki/p/space-story";
    save(amira, page, "0", "# Our space story\nWe flew to [[Mars]].\n<script>alert('x')</script><img src=x onerror=alert(1)>");
    TestClient.Response r = courtyard.signIn("ben").get(page);
    assertTrue(r.contains("<h2>Our space story</h2>"), r.body());
    assertTrue(r.contains("href=\"/s/2-willow/wiki/p/mars\"") && r.contains("Mars</a><sup>?</sup>"), "a link that will make the page: " + r.body());
    assertFalse(r.contains("<script>alert"), "no script reaches the page");
    assertFalse(r.contains("<img src=x"), "no raw HTML reaches the page");
    assertEquals(404, courtyard.signIn("ben").get("/s/2-willow/wiki/p/mars").status(), "a page to be written");
  }

  @Test
  void anEditConflictKeepsBothTexts() {
    TestClient amira = courtyard.signIn("amira");
    TestClient ben = courtyard.signIn("ben");
    String page = "/s/2-willow/wiki/p/never-ending-story";
    save(amira, page, "0", "Once upon a time");
    String amiraBase = base(amira, page);
    String benBase = base(ben, page);
    save(ben, page, benBase, "Once upon a time there was a dragon");
    TestClient.Response clash = amira.post(page, Map.of("base", amiraBase, "text", "Once upon a time there was a princess", "title", ""));
    assertEquals(409, clash.status());
    assertTrue(clash.contains("Ben Okafor saved this page while you were writing"), clash.body());
    assertTrue(clash.contains("there was a dragon"), "theirs is shown");
    assertTrue(clash.contains("there was a princess"), "hers is kept in the form");
    assertTrue(courtyard.signIn("mrs.patel").get(page + "/history").contains("collided edit"), "and in the history");
    assertTrue(amira.get(page).contains("dragon"));
  }

  @Test
  void historyShowsTheDiffAndAnOldRevisionCanBeRestored() {
    TestClient chloe = courtyard.signIn("chloe");
    String page = "/s/5-oak/wiki/p/rivers";
    save(chloe, page, "0", "The Thames\nThe Severn");
    save(chloe, page, base(chloe, page), "The Thames\nThe Trent");
    List<String> revs = revisions(chloe, page);
    assertEquals(1, revs.size(), "the older one can be restored: " + revs);
    String older = revs.get(0);
    TestClient.Response hist = chloe.get(page + "/history");
    Matcher current = Pattern.compile("(\\d+) \\(current\\)").matcher(hist.body());
    assertTrue(current.find());
    TestClient.Response diff = chloe.get(page + "/diff?from=" + older + "&to=" + current.group(1));
    assertTrue(diff.contains("<del class=\"removed\">− The Severn</del>"), diff.body());
    assertTrue(diff.contains("<ins class=\"added\">+ The Trent</ins>"));
    assertEquals(303, chloe.post(page + "/restore", Map.of("revision", older)).status());
    assertTrue(chloe.get(page).contains("The Severn"));
    assertTrue(chloe.get(page + "/history").contains("restored revision " + older), "the newer text stays in the history");
  }

  @Test
  void aLockedPageIsForTeachersOnlyAndParentsReadButDoNotEdit() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String page = "/s/2-willow/wiki/p/class-rules";
    save(teacher, page, "0", "Be kind");
    assertEquals(303, teacher.post(page + "/lock", Map.of()).status());
    TestClient amira = courtyard.signIn("amira");
    assertEquals(403, amira.get(page + "/edit").status());
    assertEquals(403, amira.post(page, Map.of("base", "0", "text", "No rules", "title", "")).status());
    assertEquals(403, amira.post(page + "/lock", Map.of()).status(), "learners cannot lock or unlock");
    TestClient parent = courtyard.signIn("mr.khan");
    assertTrue(parent.get(page).contains("Be kind"));
    assertEquals(403, parent.post(page, Map.of("base", "0", "text", "x", "title", "")).status());
  }

  @Test
  void inIndividualModeEachLearnerHasTheirOwnWikiAndTheTeacherReadsIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/coding-club/manage/settings", Map.of("tool", "wiki", "wiki.mode", "individual")).status());
    TestClient chloe = courtyard.signIn("chloe");
    save(chloe, "/s/coding-club/wiki/p/home", "0", "Chloe's secret project");
    TestSchool school = courtyard.school();
    long chloeId = school.person("chloe").id();
    assertTrue(teacher.get("/s/coding-club/wiki/p/home?w=" + chloeId).contains("secret project"));
    assertFalse(teacher.get("/s/coding-club/wiki/p/home").contains("secret project"), "the teacher's own wiki is separate");
    school.space("coding-club").addMember(school.person("ben"), Role.MEMBER);
    TestClient ben = courtyard.signIn("ben");
    assertFalse(ben.get("/s/coding-club/wiki/p/home?w=" + chloeId).contains("secret project"), "another learner cannot read it");
    assertTrue(teacher.get("/s/coding-club/wiki/pages?w=" + chloeId).contains("Home"));
  }
}
