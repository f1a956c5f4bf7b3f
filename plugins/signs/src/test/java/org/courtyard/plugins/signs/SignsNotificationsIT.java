package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gallery tells people what they expect, each by a kind they choose how to receive: a learner's
 * video waiting for those who may approve it, and the learner whether it was approved or turned down
 * (with the reason). Never the one who did it.
 */
class SignsNotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";

  static Browser as(String username) {
    return Browser.signIn(courtyard.baseUri(), username, courtyard.school().person(username).password());
  }

  static String upload(Browser who, String word, long seed) {
    who.get(WILLOW + "/new");
    Browser.Response r = who.multipart(WILLOW + "/new", SignsIT.fields(word, "classroom"), "video", word + ".mp4", SignsIT.mp4(40_000, seed), false);
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String notices(String who) {
    return as(who).get("/notifications").body();
  }

  @Test
  void aLearnersVideoIsToldToThoseWhoApproveAndTheDecisionToTheLearner() {
    Browser teacher = as("mrs.patel");
    teacher.get(WILLOW + "/uploaders");
    assertEquals(303, teacher.post(WILLOW + "/uploaders", Map.of("learner", Long.toString(courtyard.userId("amira")))).status());

    String wave = upload(as("amira"), "Wave", 11);
    assertTrue(notices("mrs.patel").contains("Amira Khan added the sign “Wave” for you to approve"), notices("mrs.patel"));
    assertFalse(notices("amira").contains("for you to approve"), "not the learner who added it");
    assertFalse(notices("ben").contains("Wave"), "nor a learner who cannot approve");

    assertEquals(303, teacher.post(wave + "/approve", Map.of()).status());
    assertTrue(notices("amira").contains("Your sign “Wave” is approved and in the gallery"), notices("amira"));
    assertFalse(notices("mrs.patel").contains("Your sign"), "not the teacher who approved it");

    String moon = upload(as("amira"), "Moon", 12);
    teacher.get(WILLOW + "/pending");
    assertEquals(303, teacher.post(moon + "/reject", Map.of("reason", "Please film it where the light is brighter")).status());
    assertTrue(notices("amira").contains("Your sign “Moon” was not added: Please film it where the light is brighter"), notices("amira"));

    upload(teacher, "Sunshine", 13);
    assertFalse(notices("mrs.patel").contains("Sunshine") || notices("amira").contains("Sunshine"), "a teacher's own sign is in the gallery at once: nobody to tell");
  }

  @Test
  void eachKindIsOnThePersonsChoiceOfHowItReachesThemInEnglishAndWelsh() {
    Browser.Response page = as("mrs.patel").get("/account/notifications");
    assertTrue(page.contains("Signs: A learner&#x27;s video waits for you to approve it") && page.contains("Signs: Your video was approved")
        && page.contains("Signs: Your video was turned down"), page.body());
    Browser.Response welsh = as("amira").get("/account/notifications", "Accept-Language", "cy");
    assertTrue(welsh.contains("Arwyddion: Fideo gan ddisgybl sy&#x27;n aros i chi ei gymeradwyo")
        && welsh.contains("Arwyddion: Mae eich fideo wedi&#x27;i gymeradwyo") && welsh.contains("Arwyddion: Ni chafodd eich fideo ei dderbyn"), welsh.body());
  }
}
