package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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

/** The sign gallery in the reader's language: its own words from its messages, the signs' words as they were typed. */
class SignsLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";

  @Test
  void everyWordIsInItsMessagesInEnglishAndWelsh() {
    BundleCheck.assertComplete("signs", "cy");
  }

  @Test
  void aWelshReaderSeesTheGalleryInWelshAndTheSignsAsTyped() {
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    teacher.get(WILLOW + "/new");
    Map<String, String> fields = SignsIT.fields("Rainbow", "colours");
    fields.put("notes", "Arc the open hand over the head");
    TestClient.Response added = teacher.postFile(WILLOW + "/new", fields, "video", "rainbow.mp4", "video/mp4", SignsIT.mp4(30_000, 41));
    assertEquals(303, added.status(), added.body());
    String sign = added.location();
    assertEquals(303, teacher.post(WILLOW + "/week", Map.of("sign", sign.substring(sign.lastIndexOf('/') + 1))).status());

    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");
    TestClient.Response gallery = ben.get(WILLOW);
    assertTrue(gallery.contains("<html lang=\"cy\""), gallery.body());
    assertTrue(gallery.contains("<h1>Arwyddion</h1>") && gallery.contains("Chwilio am air") && gallery.contains("Arwydd yr wythnos:"), gallery.body());
    assertTrue(gallery.contains(">Rainbow<") && gallery.contains("colours"), "the sign's word and category stay as typed");
    assertFalse(gallery.contains("Find a word"), "no English left");
    assertTrue(ben.get(WILLOW + "?q=rain&category=colours").contains("Yn dangos arwyddion sy&#x27;n cyfateb i “rain” y categori “colours”."),
        "the filters in one Welsh sentence");
    assertTrue(courtyard.signIn("ben").get(WILLOW + "?q=rain").contains("<p>Showing signs matching “rain”. <a"), "and in English as before");
    TestClient.Response page = ben.get(sign);
    assertTrue(page.contains("Cymhorthion dysgu") && page.contains("Chwarae eto") && page.contains("<dt>Categori</dt>"), page.body());
    assertTrue(page.contains("Arc the open hand over the head") && page.contains("Ms Deaf Instructor"), "notes and signer as written");
    assertTrue(page.contains("aria-label=\"Arwydd ar gyfer “Rainbow”\""), "the video's label in Welsh around the typed word");
    assertTrue(ben.get("/s/2-willow").contains("pob arwydd"), "the space page's box in Welsh");

    Map<String, String> edit = SignsIT.fields("", "colours");
    edit.put("form", "edit");
    teacher.get(sign);
    TestClient.Response refused = teacher.post(sign + "/edit", edit);
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("Teipiwch y gair neu") && refused.contains("Does dim wedi newid."), refused.body());

    TestClient.Response practice = courtyard.signIn("chloe").header("Accept-Language", "cy").get(WILLOW.replace("2-willow", "5-oak") + "/practice");
    assertTrue(practice.contains("<h1>Ymarfer</h1>"), practice.body());
  }

  /** Mr Evans chose Welsh, Ms Hall did not: each is asked to approve a learner's sign in their own language. */
  @Test
  void eachTeacherIsAskedToApproveInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson owner = school.addTeacher("Ms Hall");
    TestPerson welsh = school.addTeacher("Mr Evans");
    TestPerson learner = school.addLearner("Siôn Signs");
    TestSpace space = school.addClass("Signs notices").addMember(owner, Role.OWNER).addMember(welsh, Role.TEACHER).addMember(learner, Role.MEMBER);
    String gallery = space.url() + "/signs";
    TestClient hall = owner.signIn();
    assertEquals(303, hall.post(space.url() + "/manage/tools", Map.of("tool", "signs", "action", "add")).status());
    hall.get(gallery + "/uploaders");
    assertEquals(303, hall.post(gallery + "/uploaders", Map.of("learner", Long.toString(learner.id()))).status());
    TestClient evans = welsh.signIn();
    assertEquals(303, evans.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient sion = learner.signIn();
    sion.get(gallery + "/new");
    TestClient.Response added = sion.postFile(gallery + "/new", SignsIT.fields("Daffodil", "flowers"), "video", "daffodil.mp4", "video/mp4", SignsIT.mp4(30_000, 7));
    assertEquals(303, added.status(), added.body());

    TestClient.Response inWelsh = evans.get("/notifications");
    assertTrue(inWelsh.contains("Mae Siôn Signs wedi ychwanegu&#x27;r arwydd “Daffodil” i chi ei gymeradwyo") && !inWelsh.contains("for you to approve"), inWelsh.body());
    TestClient.Response inEnglish = hall.get("/notifications");
    assertTrue(inEnglish.contains("Siôn Signs added the sign “Daffodil” for you to approve") && !inEnglish.contains("gymeradwyo"), inEnglish.body());
  }
}
