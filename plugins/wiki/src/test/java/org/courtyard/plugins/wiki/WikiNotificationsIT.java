package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one who wrote a page hears, by a kind they choose how to receive, when someone else changes it; never of their own changes. */
class WikiNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final Pattern BASE = Pattern.compile("name=\"base\" value=\"(\\d+)\"");

  static void save(String who, String page, String text) {
    TestClient client = courtyard.signIn(who);
    Matcher m = BASE.matcher(client.get(page + "/edit").body());
    assertTrue(m.find());
    TestClient.Response r = client.post(page, Map.of("base", m.group(1), "text", text, "title", ""));
    assertEquals(303, r.status(), r.body());
  }

  static String notices(String who) {
    return courtyard.signIn(who).get("/notifications").body();
  }

  static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void thePagesWriterIsToldWhenSomeoneElseChangesIt() {
    String page = "/s/2-willow/wiki/p/seashore";
    save("amira", page, "Crabs live in rock pools.");
    assertFalse(notices("amira").contains("Seashore"), "nothing for writing one's own page");

    save("ben", page, "Crabs and starfish live in rock pools.");
    assertTrue(notices("amira").contains("Ben Okafor changed “Seashore”, a page you wrote"), notices("amira"));
    assertFalse(notices("ben").contains("Seashore"), "not the one who changed it");

    save("amira", page, "Crabs, starfish and limpets live in rock pools.");
    assertEquals(1, count(notices("amira"), "changed “Seashore”"), "not told of her own change");

    save("mrs.patel", page, "Crabs, starfish and limpets live in rock pools. Well done!");
    assertTrue(notices("amira").contains("Priya Patel changed “Seashore”, a page you wrote"));
    assertFalse(notices("mrs.patel").contains("Seashore"));
    assertFalse(notices("ben").contains("Seashore"), "only the one who wrote the page, not everyone who changed it");
  }

  @Test
  void eachKindIsOnThePersonsChoiceOfHowItReachesThemInEnglishAndWelsh() {
    TestClient.Response page = courtyard.signIn("mrs.patel").get("/account/notifications");
    assertTrue(page.contains("Wiki: Someone changed a page you wrote") && page.contains("Wiki: Each afternoon: learners who changed their own wikis"), page.body());
    TestClient.Response welsh = courtyard.signIn("amira").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Wici: Rhywun yn newid tudalen a ysgrifennoch chi")
        && welsh.contains("Wici: Bob prynhawn: disgyblion a newidiodd eu wici eu hunain"), welsh.body());
  }
}
