package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wiki in Welsh; what people wrote stays as they wrote it. */
class WikiLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  /** Welsh with an apostrophe comes escaped as HTML writes it. */
  static boolean says(TestClient.Response page, String words) {
    return page.contains(words) || page.contains(words.replace("'", "&#x27;"));
  }

  static void save(TestClient who, String page, String base, String text) {
    TestClient.Response r = who.post(page, Map.of("base", base, "text", text, "title", ""));
    assertEquals(303, r.status(), r.body());
  }

  @Test
  void everyWordIsInItsMessagesInWelsh() {
    BundleCheck.assertComplete("wiki", "cy");
    BundleCheck.assertParentsPages("wiki", "pl", "ur", "ar");
  }

  @Test
  void aWelshReaderReadsEditsAndComparesInWelshAndThePagesStayAsWritten() {
    TestClient amira = courtyard.signIn("amira");
    String page = "/s/2-willow/wiki/p/volcanoes";
    save(amira, page, "0", "# Volcanoes\nVolcanoes erupt hot lava.");
    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");

    TestClient.Response read = ben.get(page);
    assertTrue(read.contains("<html lang=\"cy\""), read.body());
    assertTrue(read.contains("Pob tudalen") && read.contains("Hanes") && says(read, "Golygu'r dudalen hon") && read.contains("Newidiwyd ddiwethaf gan Amira Khan"), read.body());
    assertFalse(read.contains("Edit this page") || read.contains("Last changed by"), "none of the wiki's English left");
    assertTrue(read.contains("<h2>Volcanoes</h2>") && read.contains("Volcanoes erupt hot lava."), "the page as Amira wrote it");

    TestClient.Response edit = ben.get(page + "/edit");
    assertTrue(edit.contains("Golygu: Volcanoes") && edit.contains("Cadw") && edit.contains("Pennawd"), edit.body());
    Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(edit.body());
    assertTrue(base.find());
    TestClient.Response saved = ben.post(page, Map.of("base", base.group(1), "text", "# Volcanoes\nVolcanoes erupt hot lava.\nEtna is in Sicily.", "title", ""));
    assertEquals(303, saved.status(), saved.body());
    assertTrue(says(ben.get(page), "Wedi'i chadw."), "the flash in Welsh");

    TestClient.Response history = ben.get(page + "/history");
    assertTrue(history.contains("Hanes Volcanoes") && history.contains("Dangos y newidiadau") && history.contains("(cyfredol)"), history.body());
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(history.body());
    while (m.find()) ids.add(m.group(1));
    assertTrue(history.contains("aria-label=\"Cymharu o fersiwn " + ids.get(0) + "\""), history.body());

    TestClient.Response none = ben.get(page + "/diff");
    assertEquals(422, none.status());
    assertTrue(none.contains("Dewiswch ddau fersiwn i"), "the refusal in Welsh: " + none.body());

    assertEquals(303, ben.post(page + "/restore", Map.of("revision", ids.get(0))).status());
    TestClient.Response restored = ben.get(page + "/history");
    assertTrue(restored.contains("wedi adfer fersiwn " + ids.get(0)), "a restore's note in Welsh: " + restored.body());
    assertTrue(courtyard.signIn("amira").get(page + "/history").contains("restored revision " + ids.get(0)), "and in English for an English reader");

    TestClient.Response missing = ben.get("/s/2-willow/wiki/p/rivers");
    assertEquals(404, missing.status());
    assertTrue(says(missing, "Dydy'r dudalen hon ddim yn bodoli eto."), missing.body());
  }

  /** What people did in the wiki, on the ICT leader's usage page: each summary and kind of action in the reader's language. */
  @Test
  void theIctLeaderReadsWhatHappenedInTheWikiInTheirLanguage() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of Wiki Usage");
    TestPerson learner = school.addLearner("Learner in Wiki Usage");
    TestSpace space = school.addClass("Wiki Usage").addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "wiki", "action", "add")).status());
    String page = space.url() + "/wiki/p/usage-rivers";
    TestClient l = learner.signIn();
    save(l, page, "0", "Rivers flow.");
    save(l, page, base(l, page), "Rivers flow to the sea.");
    Matcher first = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(t.get(page + "/history").body());
    assertTrue(first.find());
    String oldest = first.group(1);
    while (first.find()) oldest = first.group(1);
    assertEquals(303, t.post(page + "/restore", Map.of("revision", oldest)).status());

    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertEquals(200, welsh.status());
    assertTrue(welsh.contains("golygodd “Usage rivers”") && welsh.contains("adferodd fersiwn gynharach o “Usage rivers”"), welsh.body());
    assertTrue(welsh.contains("Tudalennau a olygwyd") && welsh.contains("Fersiynau cynharach a adferwyd"), welsh.body());
    assertFalse(welsh.contains("edited “Usage rivers”") || welsh.contains("Pages edited"), "none of it in English");

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    assertTrue(english.contains("edited “Usage rivers”") && english.contains("restored an earlier “Usage rivers”"), english.body());
    assertTrue(english.contains("Pages edited") && english.contains("Earlier versions restored"), english.body());
    assertFalse(english.contains("golygodd") || english.contains("Tudalennau a olygwyd"), "none of it in Welsh");
  }

  /** Mr Evans chose Welsh, Ms Hall did not: the day's news of learners' own wikis reaches each in their own language. */
  @Test
  void eachTeacherHearsOfChangedOwnWikisInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson owner = school.addTeacher("Ms Hall");
    TestPerson welsh = school.addTeacher("Mr Evans");
    TestPerson learner = school.addLearner("Siôn Wiki");
    TestSpace space = school.addClass("Wiki notices").addMember(owner, Role.OWNER).addMember(welsh, Role.TEACHER).addMember(learner, Role.MEMBER);
    TestClient hall = owner.signIn();
    assertEquals(303, hall.post(space.url() + "/manage/tools", Map.of("tool", "wiki", "action", "add")).status());
    assertEquals(303, hall.post(space.url() + "/manage/settings", Map.of("tool", "wiki", "wiki.mode", "individual")).status());
    assertEquals(303, welsh.signIn().post("/language", Map.of("language", "cy", "back", "/")).status());
    save(learner.signIn(), space.url() + "/wiki/p/home", "0", "Fy nyddiadur");

    courtyard.advanceClock(Duration.ofDays(1));
    courtyard.runDueJobs();

    // a day later: signed in afresh
    TestClient.Response inWelsh = welsh.signIn().get("/notifications");
    assertTrue(inWelsh.contains("Wiki notices: newidiodd y disgyblion hyn eu wici eu hunain: Siôn Wiki") && !inWelsh.contains("Own wikis changed"), inWelsh.body());
    TestClient.Response inEnglish = owner.signIn().get("/notifications");
    assertTrue(inEnglish.contains("Own wikis changed in Wiki notices: Siôn Wiki") && !inEnglish.contains("newidiodd"), inEnglish.body());
  }

  /** The edit form's current base, so the next save follows the last. */
  static String base(TestClient who, String page) {
    Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(who.get(page + "/edit").body());
    assertTrue(base.find());
    return base.group(1);
  }

  static void saveIn(TestClient who, String page, String text, String lang) {
    TestClient.Response r = who.post(page, Map.of("base", base(who, page), "text", text, "title", "", "lang", lang));
    assertEquals(303, r.status(), r.body());
  }

  @Test
  void anArabicPageIsMarkedRightToLeftAndKeepsItsLanguageUntilAnEditChangesIt() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of Wiki Arabic");
    TestPerson learner = school.addLearner("Layla Wiki");
    TestSpace space = school.addClass("Wiki Arabic").addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    assertEquals(303, teacher.signIn().post(space.url() + "/manage/tools", Map.of("tool", "wiki", "action", "add")).status());
    TestClient layla = learner.signIn();
    String page = space.url() + "/wiki/p/my-poem";

    TestClient.Response form = layla.get(page + "/edit");
    assertTrue(form.contains("<label for=\"wl\">Language of this text</label>") && form.contains("<option value=\"\" selected>"), form.body());
    saveIn(layla, page, "قصيدتي عن البحر", "ar");
    TestClient.Response read = teacher.signIn().get(page);
    assertTrue(read.contains("<article class=\"wiki-body\" lang=\"ar\" dir=\"rtl\">"), "the page's text is marked Arabic, right to left: " + read.body());
    assertTrue(read.contains("<span lang=\"ar\" dir=\"rtl\">My poem</span>"), "and its title");
    assertTrue(teacher.signIn().get(space.url() + "/wiki/pages").contains("lang=\"ar\" dir=\"rtl\">My poem</a>"), "and in the list of pages");

    TestClient.Response again = layla.get(page + "/edit");
    assertTrue(again.contains("<option value=\"ar\" lang=\"ar\" selected>"), "the next edit starts in the page's language: " + again.body());
    saveIn(layla, page, "قصيدتي عن البحر والسماء", "ar");
    assertTrue(layla.get(page).contains("<article class=\"wiki-body\" lang=\"ar\" dir=\"rtl\">"), "kept across revisions");

    saveIn(layla, page, "My poem about the sea, in English now", "");
    TestClient.Response english = layla.get(page);
    assertTrue(english.contains("<article class=\"wiki-body\">") && !english.contains("dir=\"rtl\""), "no language chosen: none of its own: " + english.body());

    Matcher first = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(layla.get(page + "/history").body());
    String oldest = null;
    while (first.find()) oldest = first.group(1);
    assertEquals(303, layla.post(page + "/restore", Map.of("revision", oldest)).status());
    assertTrue(layla.get(page).contains("<article class=\"wiki-body\" lang=\"ar\" dir=\"rtl\">"), "an earlier text comes back with its language");
  }

  @Test
  void aWelshLearnersDownloadNamesTheirWikiRecordsInWelsh() {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of Wiki Download");
    TestPerson learner = school.addLearner("Nia Wiki");
    TestSpace space = school.addClass("Wiki Download").addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    assertEquals(303, teacher.signIn().post(space.url() + "/manage/tools", Map.of("tool", "wiki", "action", "add")).status());
    TestClient nia = learner.signIn();
    assertEquals(303, nia.post("/language", Map.of("language", "cy", "back", "/")).status());
    saveIn(nia, space.url() + "/wiki/p/afonydd", "Mae Afon Taf yn llifo i Gaerdydd", "cy");

    Map<String, byte[]> download = courtyard.subjectAccess(learner.username());
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Newid i", "Tudalen", "Math o newid", "Golygiad", "Iaith", "Mae Afon Taf yn llifo i Gaerdydd"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
    }
    assertFalse(json.contains("Wiki change") || json.contains("Kind of change"), "no English record names: " + json);
    assertTrue(new String(download.get("index.html"), StandardCharsets.UTF_8).contains("Math o newid"));
  }

  /** The wiki ships Polish, Urdu and Arabic for what a parent reads in a download. */
  @Test
  void aDownloadsWordsAreInEveryLanguage() throws IOException {
    Properties english = bundle("");
    for (String language : new String[] {"cy", "pl", "ur", "ar"}) {
      Properties other = bundle("_" + language);
      for (String key : english.stringPropertyNames()) {
        if (key.startsWith("wiki.data.") || key.equals("wiki.history.restoredNote") || key.equals("wiki.history.collidedNote")) {
          assertTrue(other.containsKey(key) && !other.getProperty(key).isBlank(), language + " has " + key);
        }
      }
    }
  }

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/wiki" + suffix + ".properties"))) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
