package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Choosing a language: the browser's Accept-Language is the first guess, the chooser at the foot of
 * every page (before sign-in too) overrides it, and a signed-in person's choice follows them to
 * another device. Every page says its language and direction.
 */
class LanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void theBrowsersLanguageIsTheFirstGuessAndRightToLeftLanguagesSaySo() {
    TestClient welsh = courtyard.anonymous().header("Accept-Language", "cy-GB,cy;q=0.9,en;q=0.5");
    TestClient.Response page = welsh.getFollowing("/login");
    assertTrue(page.contains("<html lang=\"cy\" dir=\"ltr\">"), page.body());
    assertTrue(page.contains("Neidio i&#x27;r cynnwys") || page.contains("Neidio i'r cynnwys"), "the skip link in Welsh");
    TestClient.Response arabic = courtyard.anonymous().header("Accept-Language", "ar-SA,ar;q=0.9").getFollowing("/login");
    assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
    TestClient.Response klingon = courtyard.anonymous().header("Accept-Language", "tlh, fr;q=0.8").getFollowing("/login");
    assertTrue(klingon.contains("<html lang=\"en\" dir=\"ltr\">"), "a language not offered falls back to the school's default");
  }

  @Test
  void theChooserWorksBeforeSignInAndOnlyGoesBackToThisSite() {
    TestClient visitor = courtyard.anonymous();
    visitor.getFollowing("/login");
    TestClient.Response chosen = visitor.post("/language", Map.of("language", "pl", "back", "/login"));
    assertEquals(303, chosen.status());
    assertEquals("/login", chosen.location());
    assertTrue(visitor.getFollowing("/login").contains("<html lang=\"pl\""), "the cookie keeps the choice");
    assertEquals("/", visitor.post("/language", Map.of("language", "cy", "back", "//evil.example/")).location(), "never another site");
    TestClient.Response bad = visitor.post("/language", Map.of("language", "xx", "back", "/login"));
    assertEquals(400, bad.status());
    assertTrue(visitor.getFollowing("/login").contains("<html lang=\"cy\""), "a refused choice changes nothing");
  }

  @Test
  void aNotificationIsWrittenInEachRecipientsOwnLanguage() {
    TestClient khan = courtyard.signIn("mr.khan");
    assertEquals(303, khan.post("/language", Map.of("language", "cy", "back", "/")).status());
    org.courtyard.core.i18n.MessageBundle bundle = org.courtyard.core.i18n.MessageBundle.of("trips", Map.of(
        "en", Map.of("trips.letter", "A letter about the {place} trip"), "cy", Map.of("trips.letter", "Llythyr am y daith i {place}")));
    org.courtyard.api.service.Notifications tool = courtyard.get(org.courtyard.core.notify.NotificationStore.class).forTool("trips", bundle);
    org.courtyard.api.i18n.Message letter = org.courtyard.api.i18n.Message.of("trips.letter");
    tool.notify(courtyard.userId("mr.khan"), letter, "/", "place", "Caerdydd");
    tool.notify(courtyard.userId("mrs.patel"), letter, "/", "place", "Caerdydd");
    assertTrue(courtyard.signIn("mr.khan").get("/notifications").contains("Llythyr am y daith i Caerdydd"), "in his Welsh");
    assertTrue(courtyard.signIn("mrs.patel").get("/notifications").contains("A letter about the Caerdydd trip"), "in the school's English");
    assertEquals(303, khan.post("/language", Map.of("language", "en", "back", "/")).status());
  }

  @Test
  void aParentsChoiceFollowsThemToAnotherDeviceAndChangesNothingElse() {
    TestClient phone = courtyard.signIn("mr.khan");
    String englishHome = phone.get("/").body();
    assertEquals(303, phone.post("/language", Map.of("language", "ar", "back", "/")).status());
    TestClient laptop = courtyard.signIn("mr.khan");
    TestClient.Response home = laptop.get("/");
    assertTrue(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "the choice is on his account, not only this browser");
    assertTrue(home.contains("الإشعارات"), "the frame in Arabic");
    assertTrue(home.contains("Amira"), "his child's name is as written");
    assertFalse(englishHome.contains("dir=\"rtl\""));
    assertEquals(303, laptop.post("/language", Map.of("language", "en", "back", "/")).status());
  }
}
