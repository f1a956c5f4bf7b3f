package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
