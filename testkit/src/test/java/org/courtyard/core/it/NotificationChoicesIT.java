package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.core.it.fixtures.DuesTool;
import org.courtyard.core.notify.Delivery;
import org.courtyard.core.notify.DeliveryChoices;
import org.courtyard.core.notify.UnsubscribeLinks;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each person chooses per kind how notifications reach them; the school sets defaults per kind of
 * person and learners' quiet hours; a signed one-click link stops one kind of e-mail without signing in.
 */
class NotificationChoicesIT {
  static final PluginJar JAR = PluginJar.fixture("dues").extension(DuesTool.class).extension(DuesTool.BrokenAgendaTool.class)
      .with(DuesTool.DuesAgenda.class).with(DuesTool.Broken.class);

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(JAR);

  DeliveryChoices choices() { return courtyard.get(DeliveryChoices.class); }

  @Test
  void aPersonChoosesPerKindAndEveryKind() {
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response page = ben.get("/account/notifications");
    assertTrue(page.contains("Dues: Work is due soon"), "the kinds the tools declared: " + page.body());
    assertEquals(303, ben.post("/account/notifications", Map.of("every", "SITE", "kind-dues.due-soon", "NONE")).status());
    long id = courtyard.userId("ben");
    assertEquals(Delivery.NONE, choices().delivery(id, null, UserKind.LEARNER, "dues.due-soon"));
    assertEquals(Delivery.SITE, choices().delivery(id, null, UserKind.LEARNER, "forum.reply"), "every other kind");
    assertTrue(ben.get("/account/notifications").contains("id=\"k0-NONE\" name=\"kind-dues.due-soon\" value=\"NONE\" checked"), "shown as chosen");
    TestClient.Response welsh = courtyard.signIn("ben").header("Accept-Language", "cy").get("/account/notifications");
    assertTrue(welsh.contains("Sut mae hysbysiadau&#x27;n eich cyrraedd") && welsh.contains("Ar y wefan yn unig"), welsh.body());
  }

  @Test
  void theSchoolSetsDefaultsPerKindOfPersonAndQuietHours() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response bad = admin.post("/admin/oakfield/notifications", Map.of("default-PARENT", "DIGEST", "quietFrom", "21:00", "quietTo", ""));
    assertEquals(422, bad.status(), "both times or neither");
    long mrKhan = courtyard.userId("mr.khan");
    long school = courtyard.get(org.courtyard.core.identity.UserStore.class).byId(mrKhan).orElseThrow().schoolId();
    assertEquals(Delivery.EMAIL, choices().delivery(mrKhan, school, UserKind.PARENT, "dues.due-soon"), "nothing changed: parents by e-mail at once, built in");
    assertEquals(303, admin.post("/admin/oakfield/notifications", Map.of("default-PARENT", "DIGEST", "default-LEARNER", "SITE", "default-STAFF", "DIGEST",
        "default-GUEST", "SITE", "quietFrom", "21:00", "quietTo", "07:00")).status());
    assertEquals(Delivery.DIGEST, choices().delivery(mrKhan, school, UserKind.PARENT, "dues.due-soon"));
    var quiet = choices().quietHours(school).orElseThrow();
    assertTrue(quiet.covers(java.time.LocalTime.of(23, 30)) && quiet.covers(java.time.LocalTime.of(6, 0)) && !quiet.covers(java.time.LocalTime.of(12, 0)),
        "quiet hours across midnight");
    assertTrue(admin.get("/admin/oakfield/notifications").contains("value=\"21:00\""));
  }

  @Test
  void aSignedLinkStopsOneKindOfEmailWithoutSigningIn() {
    long amira = courtyard.userId("amira");
    String path = courtyard.get(UnsubscribeLinks.class).path(amira, "dues.due-soon");
    TestClient mailProgram = courtyard.anonymous();
    TestClient.Response ask = mailProgram.get(path);
    assertEquals(200, ask.status(), ask.body());
    assertTrue(ask.contains("Work is due soon"), ask.body());
    TestClient.Response done = mailProgram.postRaw(path, Map.of("List-Unsubscribe", "One-Click"));
    assertEquals(200, done.status(), "one click, no form token: " + done.body());
    assertEquals(Delivery.SITE, choices().delivery(amira, null, UserKind.LEARNER, "dues.due-soon"), "still on the site, no more e-mail");
    assertEquals(404, mailProgram.get(path.substring(0, path.length() - 2) + "xx").status(), "a made-up link tells nothing");
    assertEquals(404, mailProgram.get(courtyard.get(UnsubscribeLinks.class).path(amira, "dues.due-soon").replace("/" + amira + "/", "/" + courtyard.userId("ben") + "/")).status(),
        "another person's link cannot be made from one's own");
  }
}
