package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HomeworkIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String set(String title, LocalDateTime due) {
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/2-willow/homework/tasks",
        Map.of("title", title, "instructions", "<p>Draw it</p><script>alert(1)</script>", "due", due.withSecond(0).withNano(0).toString().substring(0, 16)));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String submissionLink(TestClient who, String task) {
    Matcher m = Pattern.compile("(/s/2-willow/homework/t/\\d+/s/\\d+)").matcher(who.get(task).body());
    assertTrue(m.find());
    return m.group(1);
  }

  @Test
  void aLateHandInIsMarkedReturnedAndSeenByLearnerAndParent() {
    String task = set("Draw a castle", LocalDateTime.now().minusDays(1));
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response page = amira.get(task);
    assertFalse(page.contains("<script>alert"), "instructions are sanitised");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "My castle has a moat", "link", "")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertTrue(teacher.get(task).contains("handed in late"), teacher.get(task).body());
    assertTrue(teacher.get(task).contains("not handed in (overdue)"), "Ben has not");
    assertTrue(teacher.get("/s/2-willow/homework/missing").contains("Ben Okafor"));
    String sub = submissionLink(teacher, task);
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Lovely moat", "action", "save")).status());
    assertFalse(amira.get(sub).contains("Lovely moat"), "not returned yet: the learner does not see it");
    assertEquals(303, teacher.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "Lovely moat", "action", "return")).status());
    assertTrue(amira.get(sub).contains("Lovely moat"));
    assertTrue(amira.get("/notifications").contains("is marked"));
    TestClient parent = courtyard.signIn("mr.khan");
    assertTrue(parent.get(task).contains("Outstanding"), "the parent sees their child's mark");
    assertTrue(parent.get(sub).contains("Lovely moat"));
    assertTrue(parent.get("/notifications").contains("“Draw a castle” is marked"), "the parent is told too");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "changed", "link", "")).status());
    assertTrue(amira.get(sub).contains("My castle has a moat"), "returned work cannot be changed");
  }

  @Test
  void aFileHandedInComesBackByteForByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String task = set("Draw a map", LocalDateTime.now().plusDays(1));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 4, 5, 6};
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response r = amira.postFile(task + "/hand-in", Map.of("body", "", "link", ""), "file", "map.png", "image/png", png);
    assertEquals(303, r.status(), r.body());
    Matcher file = Pattern.compile("(/s/2-willow/homework/files/\\d+)").matcher(amira.get(submissionLink(amira, task)).body());
    assertTrue(file.find(), "the hand-in lists its file");
    java.nio.file.Path got = dir.resolve("map.png");
    amira.download(file.group(1), got);
    org.junit.jupiter.api.Assertions.assertArrayEquals(png, java.nio.file.Files.readAllBytes(got));
  }

  @Test
  void aLearnerIsRefusedAnotherLearnersWorkAndTheMarkingPages() {
    String task = set("Spellings", LocalDateTime.now().plusDays(2));
    TestClient amira = courtyard.signIn("amira");
    amira.post(task + "/hand-in", Map.of("body", "cat hat mat", "link", ""));
    String sub = submissionLink(courtyard.signIn("mrs.patel"), task);
    TestClient ben = courtyard.signIn("ben");
    assertEquals(403, ben.get(sub).status(), "another learner's work");
    assertEquals(403, ben.post(sub + "/mark", Map.of("mark", "Outstanding", "feedback", "", "action", "return")).status());
    assertEquals(403, ben.get("/s/2-willow/homework/missing").status());
    assertEquals(403, ben.post("/s/2-willow/homework/tasks", Map.of("title", "x", "due", "2030-01-01T10:00")).status());
    assertEquals(403, courtyard.signIn("mr.khan").post(task + "/hand-in", Map.of("body", "parent doing it", "link", "")).status());
  }

  @Test
  void anExtensionMovesOneLearnersDueTimeAndOnTimeWorkIsNotLate() {
    String task = set("Times tables", LocalDateTime.now().minusHours(1));
    TestClient teacher = courtyard.signIn("mrs.patel");
    long ben = courtyard.userId("ben");
    assertEquals(303, teacher.post(task + "/extend", Map.of("user", Long.toString(ben), "due",
        LocalDateTime.now().plusDays(1).withSecond(0).withNano(0).toString().substring(0, 16))).status());
    courtyard.signIn("ben").post(task + "/hand-in", Map.of("body", "7 x 8 = 56", "link", ""));
    TestClient.Response page = teacher.get(task);
    assertTrue(page.contains(">handed in<"), page.body());
    assertFalse(page.contains("Ben Okafor</td><td>") && page.contains("handed in late"), "Ben is not late");
  }

  @Test
  void aMarkOffTheSchoolsScaleIsRefused() {
    String task = set("Poem", LocalDateTime.now().plusDays(1));
    courtyard.signIn("amira").post(task + "/hand-in", Map.of("body", "Roses", "link", ""));
    TestClient teacher = courtyard.signIn("mrs.patel");
    String sub = submissionLink(teacher, task);
    TestClient.Response r = teacher.post(sub + "/mark", Map.of("mark", "A+++", "feedback", "Rhymes nicely", "action", "return"));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Mark: choose a mark from the school&#x27;s scale. Nothing was saved.") || r.contains("Mark: choose a mark from the school's scale."), r.body());
    assertTrue(r.contains(">Rhymes nicely</textarea>"), "the comment typed is kept");
    assertFalse(courtyard.signIn("amira").get(sub).contains("A+++"));
    assertFalse(teacher.get(task).contains("Rhymes nicely"), "nothing was saved");
  }

  // ---- Forms: refused input comes back 422 with the message and what was typed; nothing saved ----

  @Test
  void aTaskWithoutATitleOrDueTimeComesBackWithWhatWasTyped() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    long ben = courtyard.userId("ben");
    TestClient.Response r = teacher.postPairs("/s/2-willow/homework/tasks", "title", "", "instructions", "Measure the playground",
        "due", "next tuesday", "learner", Long.toString(ben));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Title: give the task a title."), r.body());
    assertTrue(r.contains("Due: choose the date and time it is due."), r.body());
    assertTrue(r.contains(">Measure the playground</textarea>"), "the instructions typed are kept");
    assertTrue(r.contains("value=\"" + ben + "\" checked"), "the learner ticked is still ticked");
    assertFalse(teacher.get("/s/2-willow/homework").contains("Measure the playground"), "no task was set");

    TestClient.Response stranger = teacher.postPairs("/s/2-willow/homework/tasks", "title", "Ruler work", "instructions", "",
        "due", "2030-01-01T10:00", "learner", "999999");
    assertEquals(422, stranger.status());
    assertTrue(stranger.contains("For: choose learners from this class."), stranger.body());
    assertTrue(stranger.contains("value=\"Ruler work\""), stranger.body());
    assertFalse(teacher.get("/s/2-willow/homework").contains("Ruler work"));
  }

  @Test
  void aBadLinkOrAFileThatIsNotWorkIsRefusedAndTheWritingKept() {
    String task = set("Rivers", LocalDateTime.now().plusDays(1));
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response link = amira.post(task + "/hand-in", Map.of("body", "The Thames is long", "link", "javascript:alert(1)"));
    assertEquals(422, link.status(), link.body());
    assertTrue(link.contains("Link: a link starts with https://"), link.body());
    assertTrue(link.contains(">The Thames is long</textarea>"), "what Amira wrote is still in the box");
    TestClient.Response file = amira.postFile(task + "/hand-in", Map.of("body", "See my map", "link", ""), "file", "map.png", "image/png",
        "not really a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(422, file.status(), file.body());
    assertTrue(file.contains("map.png is not a picture"), file.body());
    assertTrue(file.contains(">See my map</textarea>"), file.body());
    TestClient.Response empty = amira.post(task + "/hand-in", Map.of("body", "", "link", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Write something, add a link or attach a file first."), empty.body());
    assertTrue(courtyard.signIn("mrs.patel").get(task).contains("Amira Khan</td>"), "Amira is listed");
    assertFalse(courtyard.signIn("mrs.patel").get(task).contains(task + "/s/"), "nothing was handed in");
  }

  @Test
  void anExtensionForSomeoneOrSomeTimeThatIsNotThereIsRefused() {
    String task = set("Fractions", LocalDateTime.now().plusDays(1));
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response who = teacher.post(task + "/extend", Map.of("user", "nobody", "due", "2030-01-01T10:00"));
    assertEquals(422, who.status(), who.body());
    assertTrue(who.contains("Learner: &#x27;nobody&#x27; is not a whole number.") || who.contains("Learner: 'nobody' is not a whole number."), who.body());
    TestClient.Response when = teacher.post(task + "/extend", Map.of("user", Long.toString(courtyard.userId("ben")), "due", "soon"));
    assertEquals(422, when.status());
    assertTrue(when.contains("New due time: choose the date and time. Nothing was changed."), when.body());
  }

  // ---- The deadline job ----

  static LocalDateTime serverNowInSchool() {
    return LocalDateTime.ofInstant(courtyard.now(), java.time.ZoneId.of("Europe/London"));
  }

  @Test
  void atItsDueTimeATaskThatClosesStopsTakingWorkAndTheTeacherIsTold() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String due = serverNowInSchool().plusMinutes(10).withSecond(0).withNano(0).toString().substring(0, 16);
    TestClient.Response set = teacher.post("/s/2-willow/homework/tasks", Map.of("title", "Bird diary", "instructions", "", "due", due, "closes", "yes"));
    assertEquals(303, set.status(), set.body());
    String task = set.location();
    assertEquals(303, courtyard.signIn("amira").post(task + "/hand-in", Map.of("body", "Saw a robin", "link", "")).status());
    courtyard.runDueJobs();
    assertFalse(teacher.get("/notifications").contains("“Bird diary” is due"), "not due yet");

    courtyard.advanceClock(java.time.Duration.ofMinutes(15));
    courtyard.runDueJobs();
    TestClient.Response told = teacher.get("/notifications");
    assertTrue(told.contains("“Bird diary” is due: 1 of "), told.body());
    TestClient ben = courtyard.signIn("ben");
    assertTrue(ben.get("/notifications").contains("“Bird diary” has closed without your work"));
    assertFalse(courtyard.signIn("amira").get("/notifications").contains("“Bird diary” has closed"), "Amira handed in");
    TestClient.Response refused = ben.post(task + "/hand-in", Map.of("body", "Saw a blackbird", "link", ""));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("closed at its due time"), refused.body());
    assertTrue(refused.contains(">Saw a blackbird</textarea>"), "what Ben wrote is kept");
    assertTrue(teacher.get(task).contains("not handed in (closed)"));

    courtyard.advanceClock(java.time.Duration.ofMinutes(2));
    courtyard.runDueJobs();
    String again = teacher.get("/notifications").body();
    assertEquals(again.indexOf("“Bird diary” is due"), again.lastIndexOf("“Bird diary” is due"), "told once");

    String later = serverNowInSchool().plusDays(1).withSecond(0).withNano(0).toString().substring(0, 16);
    assertEquals(303, teacher.post(task + "/extend", Map.of("user", Long.toString(courtyard.userId("ben")), "due", later)).status());
    TestClient.Response handedIn = ben.post(task + "/hand-in", Map.of("body", "Saw a blackbird", "link", ""));
    assertEquals(303, handedIn.status(), "an extension lets Ben hand in after all: " + handedIn.body());
  }
}
