package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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
    BundleCheck.assertParentsPages("signs", "pl", "ur", "ar");
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

  /** A class of its own with the gallery, whose learner may add signs. */
  record Room(TestPerson teacher, TestPerson learner, String gallery) {}

  static Room gallery(String name) {
    TestSchool school = courtyard.school();
    TestPerson teacher = school.addTeacher("Teacher of " + name);
    TestPerson learner = school.addLearner("Learner in " + name);
    TestSpace space = school.addClass(name).addMember(teacher, Role.OWNER).addMember(learner, Role.MEMBER);
    TestClient t = teacher.signIn();
    assertEquals(303, t.post(space.url() + "/manage/tools", Map.of("tool", "signs", "action", "add")).status());
    t.get(space.url() + "/signs/uploaders");
    assertEquals(303, t.post(space.url() + "/signs/uploaders", Map.of("learner", Long.toString(learner.id()))).status());
    return new Room(teacher, learner, space.url() + "/signs");
  }

  static String add(TestClient who, String gallery, String word, String notes, String signer, String lang, long seed) {
    Map<String, String> fields = SignsIT.fields(word, "colours");
    fields.put("notes", notes);
    fields.put("signer", signer);
    fields.put("lang", lang);
    TestClient.Response added = who.postFile(gallery + "/new", fields, "video", "sign.mp4", "video/mp4", SignsIT.mp4(30_000, seed));
    assertEquals(303, added.status(), added.body());
    return added.location();
  }

  /** What teachers and learners did in the gallery, on the ICT leader's usage page: each summary and kind of action in the reader's language. */
  @Test
  void theIctLeaderReadsWhatHappenedInTheGalleryInTheirLanguage() {
    Room r = gallery("Signs Usage");
    TestClient learner = r.learner().signIn();
    learner.get(r.gallery() + "/new");
    String sun = add(learner, r.gallery(), "Usage sun", "", "Ms Deaf Instructor", "", 91);
    String moon = add(learner, r.gallery(), "Usage moon", "", "Ms Deaf Instructor", "", 92);
    TestClient teacher = r.teacher().signIn();
    teacher.get(r.gallery() + "/pending");
    assertEquals(303, teacher.post(sun + "/approve", Map.of()).status());
    assertEquals(303, teacher.post(moon + "/reject", Map.of("reason", "")).status());
    teacher.get(r.gallery() + "/new");
    String star = add(teacher, r.gallery(), "Usage star", "", "Ms Deaf Instructor", "", 93);
    assertEquals(303, teacher.post(r.gallery() + "/week", Map.of("sign", star.substring(star.lastIndexOf('/') + 1))).status());
    assertEquals(303, teacher.post(star + "/delete", Map.of()).status());

    TestClient.Response welsh = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/usage");
    assertEquals(200, welsh.status());
    for (String words : new String[] {"mae 1 disgybl yn gallu ychwanegu arwyddion", "ychwanegodd yr arwydd “Usage sun” (yn aros am gymeradwyaeth)",
        "cymeradwyodd yr arwydd “Usage sun”", "gwrthododd yr arwydd “Usage moon”", "ychwanegodd yr arwydd “Usage star”</td>",
        "dewisodd “Usage star” yn arwydd yr wythnos", "dileodd yr arwydd “Usage star”", "Arwyddion a ychwanegwyd", "Arwyddion a gymeradwywyd",
        "Arwyddion a wrthodwyd", "Arwyddion a ddilëwyd", "Arwyddion yr wythnos a ddewiswyd", "Newidiadau i bwy sy&#x27;n cael ychwanegu arwyddion"}) {
      assertTrue(welsh.contains(words), words + " in " + welsh.body());
    }
    assertFalse(welsh.contains("the sign “Usage") || welsh.contains("Signs added"), "none of it in English");

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/usage");
    for (String words : new String[] {"1 learner may add signs", "added the sign “Usage sun” (waiting for approval)", "approved the sign “Usage sun”",
        "turned down the sign “Usage moon”", "added the sign “Usage star”</td>", "chose “Usage star” as the sign of the week",
        "deleted the sign “Usage star”", "Signs added", "Signs approved", "Signs turned down", "Signs deleted", "Signs of the week chosen",
        "Changes to who may add signs"}) {
      assertTrue(english.contains(words), words + " in " + english.body());
    }
    assertFalse(english.contains("yr arwydd “Usage") || english.contains("Arwyddion a ychwanegwyd"), "none of it in Welsh");
  }

  @Test
  void aSignsWordsCanSayTheirLanguageAndAreMarkedWithIt() {
    Room r = gallery("Signs Welsh words");
    TestClient teacher = r.teacher().signIn();
    TestClient.Response form = teacher.get(r.gallery() + "/new");
    assertTrue(form.contains("<label for=\"ul\">Language of this text</label>") && form.contains("<option value=\"cy\" lang=\"cy\">Cymraeg</option>"), form.body());
    String enfys = add(teacher, r.gallery(), "Enfys", "Bwa gyda'r llaw agored", "Ms Deaf Instructor", "cy", 51);
    String plain = add(teacher, r.gallery(), "Sunshine", "Open hands up", "Ms Deaf Instructor", "", 52);

    TestClient.Response page = r.learner().signIn().get(enfys);
    assertTrue(page.contains("<span lang=\"cy\" dir=\"ltr\">Enfys</span>"), "the word is marked Welsh: " + page.body());
    assertTrue(page.contains("<div class=\"sign-notes\" lang=\"cy\" dir=\"ltr\">"), "and its notes");
    TestClient.Response list = r.learner().signIn().get(r.gallery());
    assertTrue(list.contains("<span class=\"sign-word\" lang=\"cy\" dir=\"ltr\">Enfys</span>"), "and in the gallery: " + list.body());
    assertTrue(list.contains("<span class=\"sign-word\">Sunshine</span>"), "no language chosen: none of its own");
    TestClient.Response sun = r.learner().signIn().get(plain);
    assertTrue(sun.contains("<div class=\"sign-notes\"><p>Open hands up</p>") || sun.contains("<div class=\"sign-notes\">"), sun.body());
    assertFalse(sun.contains("<span lang="), "no lang of its own on its word");

    TestClient.Response editForm = teacher.get(enfys);
    assertTrue(editForm.contains("<option value=\"cy\" lang=\"cy\" selected>"), "the edit form starts with the sign's language");
    Map<String, String> edit = SignsIT.fields("Enfys", "colours");
    edit.put("form", "edit");
    edit.put("lang", "ar");
    assertEquals(303, teacher.post(enfys + "/edit", edit).status());
    assertTrue(teacher.get(enfys).contains("<span lang=\"ar\" dir=\"rtl\">Enfys</span>"), "an edit may change it");
  }

  @Test
  void aWelshReaderSeesAnErasedSignersNameAsAFormerMemberInWelsh() {
    Room r = gallery("Signs former");
    TestClient teacher = r.teacher().signIn();
    String sign = add(teacher, r.gallery(), "Goodbye", "", r.learner().displayName(), "", 53);
    courtyard.erase(r.learner().username());

    TestClient.Response welsh = r.teacher().signIn().header("Accept-Language", "cy").get(sign);
    assertTrue(welsh.contains("<dd>cyn-aelod</dd>"), "the signer in Welsh: " + welsh.body());
    assertFalse(welsh.contains("a former member"));
    TestClient.Response english = r.teacher().signIn().get(sign);
    assertTrue(english.contains("<dd>a former member</dd>"), english.body());
    Map<String, String> edit = SignsIT.fields("Goodbye", "colours");
    edit.put("form", "edit");
    edit.put("signer", "cyn-aelod");
    assertEquals(303, r.teacher().signIn().header("Accept-Language", "cy").post(sign + "/edit", edit).status());
    assertTrue(r.teacher().signIn().get(sign).contains("<dd>a former member</dd>"), "saving the Welsh form unchanged keeps the marker, not Welsh words");
  }

  @Test
  void aWelshLearnersDownloadNamesTheirSignRecordsInWelsh() {
    Room r = gallery("Signs download");
    TestClient learner = r.learner().signIn();
    assertEquals(303, learner.post("/language", Map.of("language", "cy", "back", "/")).status());
    learner.get(r.gallery() + "/new");
    add(learner, r.gallery(), "Cath", "Chwisgers", "", "cy", 54);

    Map<String, byte[]> download = courtyard.subjectAccess(r.learner().username());
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Arwydd a ychwanegwyd", "Gair neu ymadrodd", "Iaith", "yn aros i athro ei gymeradwyo", "Yn cael ychwanegu arwyddion", "Oriel"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
    }
    assertFalse(json.contains("Sign added") || json.contains("Allowed to add signs"), "no English record names: " + json);
  }

  /** The gallery ships Polish, Urdu and Arabic for what a parent reads in a download. */
  @Test
  void aDownloadsWordsAreInEveryLanguage() throws IOException {
    Properties english = bundle("");
    for (String language : new String[] {"cy", "pl", "ur", "ar"}) {
      Properties other = bundle("_" + language);
      for (String key : english.stringPropertyNames()) {
        if (key.startsWith("signs.data.") || key.equals("signs.former.member")) {
          assertTrue(other.containsKey(key) && !other.getProperty(key).isBlank(), language + " has " + key);
        }
      }
    }
  }

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/signs" + suffix + ".properties"))) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
