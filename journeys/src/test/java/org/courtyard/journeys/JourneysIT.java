package org.courtyard.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What people do, in a real browser, against a real server with every plugin the distribution
 * ships. Each page on the way is audited (see {@link Browser#audit}); the last page of each journey
 * is kept as a screenshot in {@code journeys/target/journeys/}.
 */
class JourneysIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = withShippedPlugins(CourtyardExtension.withDemoSchool());

  static final Path OUT = Path.of(System.getProperty("journeys.out", "target/journeys"));

  static CourtyardExtension withShippedPlugins(CourtyardExtension c) {
    for (PluginJar jar : Distribution.plugins()) c.plugin(jar);
    return c;
  }

  static Browser browser() { return new Browser(courtyard.baseUri(), OUT); }

  static Browser signIn(Browser b, String username, String password) {
    b.go("/login").fill("username", username).fill("password", password).press("Sign in");
    assertFalse(b.text().contains("did not match"), "signed in as " + username);
    return b;
  }

  static void assertAccessible(Browser b) {
    assertTrue(b.problems().isEmpty(), "Pages " + b.audited() + " have accessibility problems:\n" + String.join("\n", b.problems()));
  }

  @Test
  void theAuditCatchesAPageThatFailsWcag() {
    try (Browser b = browser()) {
      String bad = "<!doctype html><html><head><title>Bad</title></head><body><main><button></button>"
          + "<p style=\"width:900px\">Too wide</p><img src=\"x.png\"></main></body></html>";
      b.goToAddress("data:text/html;charset=utf-8," + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20"));
      String found = String.join("\n", b.problems());
      assertTrue(found.contains("button-name"), "a button with no name is critical: " + found);
      assertTrue(found.contains("image-alt"), "a picture with no text is critical: " + found);
      assertTrue(found.contains("scrolls sideways"), "and a page wider than a phone is caught: " + found);
    }
  }

  @Test
  void theIctLeaderSwitchesAToolOnAndAddsItToAClass() throws Exception {
    assertEquals(303, courtyard.signIn("mrs.patel").post("/s/5-oak/manage/tools", Map.of("tool", "wiki", "action", "remove")).status());
    assertEquals(303, courtyard.signIn("ict.leader").post("/admin/oakfield/plugins/wiki/school", Map.of("enabled", "false")).status());
    assertEquals(404, courtyard.signIn("chloe").get("/s/5-oak/wiki").status(), "the wiki is off to begin with");
    try (Browser b = browser()) {
      signIn(b, "ict.leader", "ict-demo-pass");
      b.go("/admin/oakfield/plugins").pressIn("/plugins/wiki/school", "Turn on for the school");
      assertTrue(b.html().matches("(?s).*/plugins/wiki/school\"[^>]*>\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"enabled\" value=\"false\".*"),
          "the wiki is now on for the school (its button turns it off)");
      b.go("/s/5-oak/manage").pressInFormWith("tool", "wiki", "Add");
      b.go("/s/5-oak");
      assertTrue(b.html().contains("href=\"/s/5-oak/wiki\""), "the class page offers the wiki");
      b.follow("/s/5-oak/wiki");
      assertTrue(b.path().startsWith("/s/5-oak/wiki"), b.path());
      b.screenshot("1-ict-leader-adds-the-wiki-to-5-oak");
      assertAccessible(b);
    }
  }

  @Test
  void aYoungLearnerSignsInWithPicturesAndPostsAndHerTeacherApprovesIt() throws Exception {
    courtyard.signIn("mrs.patel").post("/s/2-willow/manage/settings", Map.of("tool", "forum", "forum.moderation", "before"));
    String code = courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode();
    try (Browser amira = browser()) {
      // The keyboard alone: Tab to her name, then to each of her pictures, pressing Enter.
      amira.go("/picture/" + code).tabTo("Amira").tabTo("cat").tabTo("sun").tabTo("tree").tabTo("fish");
      assertTrue(amira.text().contains("Amira Khan"), "signed in by pictures: " + amira.text());
      amira.go("/s/2-willow/forum").follow("/forum/f/");
      amira.fill("dt", "My cat").fill("db", "My cat is called Tiger and she is orange.").press("Post");
      assertTrue(amira.text().contains("A teacher will check it before others see it."), amira.text());
      assertAccessible(amira);
    }
    try (Browser teacher = browser()) {
      signIn(teacher, "mrs.patel", "teacher-demo-pass");
      teacher.go("/s/2-willow/forum/moderation");
      assertTrue(teacher.text().contains("My cat is called Tiger"), teacher.text());
      teacher.press("Approve");
      assertTrue(teacher.text().contains("Approved: everyone can see it now."), teacher.text());
      teacher.screenshot("2-teacher-approves-amiras-post");
      assertAccessible(teacher);
    }
    TestClient ben = courtyard.signIn("ben");
    Matcher forum = Pattern.compile("/s/2-willow/forum/f/\\d+").matcher(ben.get("/s/2-willow/forum").body());
    assertTrue(forum.find());
    assertTrue(ben.get(forum.group()).contains("My cat"), "classmates see it once approved");
  }

  @Test
  void aParentSeesTheirChildsWorkAndNothingOfAnotherChilds() throws Exception {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response set = teacher.post("/s/2-willow/homework/tasks", Map.of("title", "Draw a castle", "instructions", "With a moat",
        "due", LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16)));
    String task = set.location();
    courtyard.signIn("amira").post(task + "/hand-in", Map.of("body", "My castle has a moat and a drawbridge.", "link", ""));
    courtyard.signIn("ben").post(task + "/hand-in", Map.of("body", "Ben's secret castle story.", "link", ""));
    Matcher subs = Pattern.compile("(/s/2-willow/homework/t/\\d+/s/\\d+)\">[^<]*</a></td>\\s*<td>([^<]*)").matcher(teacher.get(task).body());
    String bens = null;
    for (Matcher m = Pattern.compile("/s/2-willow/homework/t/\\d+/s/\\d+").matcher(teacher.get(task).body()); m.find(); ) {
      String sub = m.group();
      String page = teacher.get(sub).body();
      boolean isBen = page.contains("Ben&#x27;s secret") || page.contains("Ben's secret") || page.contains("Ben&#39;s secret");
      if (isBen) bens = sub;
      teacher.post(sub + "/mark", Map.of("mark", isBen ? "Satisfactory" : "Outstanding", "feedback", isBen ? "Ben: add more detail" : "Lovely moat", "action", "return"));
    }
    assertTrue(bens != null, "found Ben's hand-in");
    try (Browser parent = browser()) {
      signIn(parent, "mr.khan", "parent-demo-pass");
      parent.go("/s/2-willow/homework");
      assertTrue(parent.text().contains("Draw a castle") && parent.text().contains("Outstanding"), parent.text());
      parent.follow(task);
      assertTrue(parent.text().contains("Lovely moat"), "the parent sees the teacher's comment on Amira's work");
      assertFalse(parent.text().contains("Ben"), "and nothing of Ben's: " + parent.text());
      parent.screenshot("3-parent-sees-amiras-homework");
      parent.go(bens);
      assertTrue(parent.text().contains("someone else's work"), "Ben's work is refused: " + parent.text());
      parent.go("/s/2-willow/results");
      assertFalse(parent.text().contains("Ben Okafor"), "the markbook shows only Amira: " + parent.text());
      assertAccessible(parent);
    }
  }

  @Test
  void aLearnerTakesAQuizAndHandsInHomework() throws Exception {
    courtyard.signIn("mrs.patel").post("/s/5-oak/homework/tasks", Map.of("title", "My weekend", "instructions", "Write three sentences.",
        "due", LocalDateTime.now().plusDays(3).withSecond(0).withNano(0).toString().substring(0, 16)));
    try (Browser chloe = browser()) {
      signIn(chloe, "chloe", "learner-demo-pass");
      chloe.go("/s/5-oak/quiz").press("Animal quiz").press("Start the quiz");
      chloe.choose("A cow").choose("True").choose("An owl").choose("A bee")
          .select("Puppy", "Dog").select("Kitten", "Cat").select("Calf", "Cow")
          .type("Gap 1", "tadpole").type("Gap 2", "lamb");
      chloe.press("Hand in");
      assertTrue(chloe.text().contains("Mark: 5 / 5"), chloe.text());
      chloe.screenshot("4a-learner-quiz-marked");
      chloe.go("/s/5-oak/homework").press("My weekend");
      chloe.fill("hb", "On Saturday I went swimming. On Sunday I read a book. Then I had pizza.").press("Hand in");
      assertTrue(chloe.text().contains("Handed in. Well done!"), chloe.text());
      chloe.screenshot("4b-learner-hands-in-homework");
      chloe.go("/s/5-oak/blog/new").fill("bt", "Swimming").fill("bb", "<p>I swam <b>two lengths</b> today!</p><script>alert(1)</script>").press("Publish now");
      assertTrue(chloe.path().matches("/s/5-oak/blog/posts/\\d+") && chloe.text().contains("I swam two lengths today!"), chloe.text());
      assertFalse(chloe.html().contains("<script>alert(1)"), "what she typed is cleaned");
      chloe.screenshot("4c-learner-writes-in-the-class-blog");
      assertAccessible(chloe);
    }
  }

  @Test
  void aLearnerUploadsASignVideoAndHerTeacherApprovesIt() throws Exception {
    long chloe = courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername("chloe").orElseThrow().id();
    assertEquals(303, courtyard.signIn("mrs.patel").post("/s/5-oak/signs/uploaders", Map.of("learner", String.valueOf(chloe))).status());
    // An MP4 container's first bytes, then 5 MB standing in for the frames: the page's script sends it in chunks.
    byte[] video = new byte[5 * 1024 * 1024];
    new java.util.Random(7).nextBytes(video);
    byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1'};
    System.arraycopy(head, 0, video, 0, head.length);
    Path file = Files.createTempFile("thank-you", ".mp4");
    Files.write(file, video);
    try (Browser learner = browser()) {
      signIn(learner, "chloe", "learner-demo-pass");
      learner.go("/s/5-oak/signs/new").fill("uw", "Thank you").fill("uc", "Classroom").attach("uv", file).press("Upload");
      learner.waitForPath("/s/5-oak/signs/v/\\d+");
      assertTrue(learner.text().contains("Thank you"), learner.text());
      assertAccessible(learner);
    }
    assertFalse(courtyard.signIn("ben").get("/s/5-oak/signs").body().contains("Thank you"), "not visible to others before approval");
    try (Browser teacher = browser()) {
      signIn(teacher, "mrs.patel", "teacher-demo-pass");
      teacher.go("/s/5-oak/signs/pending");
      assertTrue(teacher.text().contains("Thank you"), teacher.text());
      teacher.press("Approve");
      assertTrue(teacher.text().contains("Approved: everyone can see “Thank you” now."), teacher.text());
      teacher.screenshot("6-teacher-approves-a-sign-video");
      assertAccessible(teacher);
    }
  }

  @Test
  void aLearnerShowsHerPortfolioToHerTeacherWhoComments() throws Exception {
    try (Browser chloe = browser()) {
      signIn(chloe, "chloe", "learner-demo-pass");
      chloe.go("/s/~chloe/portfolio").fill("pc-title", "My best work").selectValue("pc-who", "PARENTS").press("Make it");
      chloe.fill("pt-title", "My poem").fill("pt-body", "The sea is wide, the sea is blue.").press("Add writing");
      assertTrue(chloe.text().contains("The sea is wide"), chloe.text());
      assertAccessible(chloe);
    }
    try (Browser teacher = browser()) {
      signIn(teacher, "mrs.patel", "teacher-demo-pass");
      teacher.go("/s/~chloe/portfolio").press("My best work");
      teacher.fill("pcm", "What a lovely poem, Chloe.").press("Comment");
      assertTrue(teacher.text().contains("What a lovely poem, Chloe."), teacher.text());
      teacher.screenshot("7-teacher-comments-on-a-portfolio");
      assertAccessible(teacher);
    }
    assertFalse(courtyard.signIn("amira").get("/s/~chloe/portfolio").body().contains("My best work"), "a learner in another class does not see it");
  }

  @Test
  void theIctLeaderPreviewsAndAppliesAnMisImport() throws Exception {
    Path roll = Files.createTempFile("roll", ".csv");
    Files.writeString(roll, String.join("\n", "ID,Given Name,Family Name,Preferred name,Year,Class,Parent Email,Parent name",
        "J001,Olivia,Green,,3,3G,jo.green@home.example,Jo Green", "J002,Leo,Green,,3,3G,jo.green@home.example,Jo Green",
        "J003,Ava,Hill,,4,4H,,", ""), StandardCharsets.UTF_8);
    try (Browser ict = browser()) {
      signIn(ict, "ict.leader", "ict-demo-pass");
      ict.go("/admin/oakfield/import").selectValue("format", "csv").choose("These classes only").attach("file", roll).press("Check the file");
      assertTrue(ict.text().contains("Olivia") && ict.text().contains("Ava"), "the preview lists the new learners: " + ict.text());
      ict.press("Apply these changes");
      ict.waitForText("Print first sign-in letters");
      ict.screenshot("5-ict-leader-applied-an-import");
      assertAccessible(ict);
    }
    assertTrue(courtyard.signIn("ict.leader").get("/admin/oakfield/users").contains("Olivia Green"), "the import made the accounts");
  }

  @Test
  void aTeacherUnlocksAPausedChildAndGivesHimNewPicturesWhichTheIctLeaderSeesInTheAuditLog() throws Exception {
    String code = courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode();
    try (Browser tablet = browser()) {
      // Mrs Patel sets up Class 2 Willow's tablet from the class's Manage page, then signs out and hands it over.
      signIn(tablet, "mrs.patel", "teacher-demo-pass");
      tablet.press("Class 2 Willow").press("Manage this space").press("Set up this device for picture sign-in");
      assertTrue(tablet.text().contains("This device is set up for Class 2 Willow's picture sign-in.") && tablet.text().contains("1 set up."), tablet.text());
      tablet.follow("/picture/" + code).press("Sign out");
      // Ben gets his pictures (dog, star, moon, cake) wrong five times: his sign-in pauses.
      tablet.go("/picture/" + code).tabTo("Ben");
      for (int i = 0; i < 5; i++) {
        tablet.pressButtonWith("pick", "dog").pressButtonWith("pick", "star").pressButtonWith("pick", "moon").pressButtonWith("pick", "sun");
        assertTrue(tablet.text().contains("Those pictures are not right."), "try " + (i + 1) + ": " + tablet.text());
        tablet.auditing(false); // the same pages again: audited once is enough, and the journey stays quick
      }
      tablet.pressButtonWith("pick", "dog").pressButtonWith("pick", "star").pressButtonWith("pick", "moon").pressButtonWith("pick", "cake");
      assertTrue(tablet.path().startsWith("/picture/") && tablet.text().contains("Those pictures are not right."),
          "even his own pictures wait while he is paused: " + tablet.text());
      tablet.auditing(true);
      List<String> pictures;
      try (Browser teacher = browser()) {
        // On her laptop, Mrs Patel finds Ben paused in My pupils, unlocks him and has four new pictures chosen at random.
        signIn(teacher, "mrs.patel", "teacher-demo-pass").press("My pupils");
        assertTrue(teacher.text().contains("paused after wrong tries: 1"), teacher.text());
        assertTrue(teacher.text().matches("(?s).*Ben Okafor ben Paused after wrong tries.*"), teacher.text());
        teacher.press("Ben Okafor").press("Unlock now");
        assertTrue(teacher.text().contains("Ben can sign in again now."), teacher.text());
        teacher.choose("Choose four for me at random (safest; you will see which)").press("Set pictures");
        Matcher told = Pattern.compile("New pictures for Ben: (\\w+), (\\w+), (\\w+), (\\w+)\\.").matcher(teacher.text());
        assertTrue(told.find(), teacher.text());
        pictures = List.of(told.group(1), told.group(2), told.group(3), told.group(4));
        teacher.screenshot("8a-teacher-gives-ben-new-pictures");
        assertAccessible(teacher);
      }
      // Back on the tablet, Ben signs in with his new pictures, by keyboard alone.
      // (The class page and the first three picks are pages audited above in the same states; where he lands is audited.)
      tablet.auditing(false).go("/picture/" + code).tabTo("Ben");
      for (String picture : pictures.subList(0, 3)) tablet.tabTo(picture);
      tablet.auditing(true).tabTo(pictures.get(3));
      assertEquals("/s/2-willow", tablet.path(), tablet.text());
      assertTrue(tablet.text().contains("Hello Ben!") && tablet.text().contains("Ben Okafor"), tablet.text());
      assertAccessible(tablet);
    }
    try (Browser ict = browser()) {
      // The ICT leader finds it all in the audit log, with who did it.
      signIn(ict, "ict.leader", "ict-demo-pass").press("School admin").press("Audit log");
      ict.fill("a-person", "Ben Okafor").press("Show");
      String log = ict.text();
      assertTrue(log.matches("(?s).*\\n[^\\n]* Unlocked Priya Patel \\(mrs\\.patel\\) Ben Okafor \\(ben\\)[^\\n]*\\n.*"), "the unlock, by Mrs Patel: " + log);
      assertTrue(log.matches("(?s).*\\n[^\\n]* Picture password set by someone else Priya Patel \\(mrs\\.patel\\) Ben Okafor \\(ben\\)[^\\n]*\\n.*"), "the new pictures, by Mrs Patel: " + log);
      assertTrue(log.contains("wrong pictures on Class 2 Willow") && log.contains("picture sign-in paused"), "and the tries that paused him: " + log);
      ict.screenshot("8b-ict-leader-reads-the-audit-log");
      assertAccessible(ict);
    }
  }
}
