package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.courtyard.api.Role;
import org.courtyard.api.service.Relationships.CarerLevel;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.courtyard.testkit.TestSpace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The e-portfolio through real HTTP: who sees what, the staff-only section, comments, export and LEAP2A. */
class PortfolioIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 1, 2, 3};
  static final String AMIRA = "/s/~amira/portfolio";

  /** Ben's mother: a parent in the school, but not Amira's. */
  static TestPerson bensMum;

  @BeforeAll
  static void anotherParent() {
    TestSchool school = courtyard.school();
    bensMum = school.addParentOf(school.person("ben"), "Grace Okafor");
  }

  static String collection(TestClient owner, String base, String title, String visibility, boolean comments) {
    TestClient.Response r = owner.post(base + "/collections", comments ? Map.of("title", title, "visibility", visibility, "comments", "on")
        : Map.of("title", title, "visibility", visibility));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void eachVisibilityChoiceIsObeyedForTeacherParentClassmateAndAnotherParent() {
    TestClient amira = courtyard.signIn("amira");
    Map<String, String> pages = new TreeMap<>();
    for (String v : List.of("ME", "TEACHERS", "PARENTS", "CLASS", "SCHOOL")) pages.put(v, collection(amira, AMIRA, "Seen by " + v, v, false));
    Map<String, TestClient> viewers = Map.of("teacher", courtyard.signIn("mrs.patel"), "parent", courtyard.signIn("mr.khan"),
        "classmate", courtyard.signIn("ben"), "another parent", bensMum.signIn());
    Map<String, List<String>> expected = Map.of(
        "teacher", List.of("TEACHERS", "PARENTS", "CLASS", "SCHOOL"),
        "parent", List.of("PARENTS", "CLASS", "SCHOOL"),
        "classmate", List.of("CLASS", "SCHOOL"),
        "another parent", List.of("SCHOOL"));
    for (var viewer : viewers.entrySet()) {
      String index = viewer.getValue().get(AMIRA).body();
      for (var page : pages.entrySet()) {
        boolean should = expected.get(viewer.getKey()).contains(page.getKey());
        TestClient.Response r = viewer.getValue().get(page.getValue());
        assertEquals(should ? 200 : 404, r.status(), viewer.getKey() + " and a collection for " + page.getKey());
        assertEquals(should, index.contains("Seen by " + page.getKey() + "<"), viewer.getKey() + "'s list and " + page.getKey());
      }
    }
    for (String url : pages.values()) assertEquals(200, amira.get(url).status(), "Amira sees all her own");
  }

  @Test
  void aStaffOnlySectionIsForStaffAndParentsOnly() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response made = teacher.post(AMIRA + "/collections", Map.of("title", "Education plan", "visibility", "SCHOOL", "staff-only", "on"));
    assertEquals(303, made.status(), made.body());
    String plan = made.location();
    assertEquals(303, teacher.post(plan + "/text", Map.of("title", "Targets", "body", "Read two books a week; practise number bonds.")).status());
    assertTrue(courtyard.signIn("mr.khan").get(plan).contains("number bonds"), "her parent sees the plan");
    assertEquals(404, courtyard.signIn("amira").get(plan).status(), "the learner does not");
    assertEquals(404, courtyard.signIn("ben").get(plan).status(), "nor does a classmate, though it says school");
    assertEquals(404, bensMum.signIn().get(plan).status(), "nor another parent");
    assertEquals(403, courtyard.signIn("amira").post(AMIRA + "/collections", Map.of("title", "Mine", "visibility", "ME", "staff-only", "on")).status(),
        "a learner cannot make a staff-only section");
  }

  @Test
  void aStaffMemberWhoOwnsAClubCannotReadAPupilsEducationPlanByAddingHerToIt() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String plan = teacher.post(AMIRA + "/collections", Map.of("title", "Support plan", "visibility", "SCHOOL", "staff-only", "on")).location();
    assertEquals(303, teacher.post(plan + "/text", Map.of("title", "Needs", "body", "Speech and language support twice a week.")).status());
    TestSchool school = courtyard.school();
    TestPerson clubs = school.addTeacher("Carl Clubs");
    TestSpace football = school.addClub("Football club").addMember(clubs, Role.OWNER);
    TestClient clubOwner = clubs.signIn();
    assertEquals(303, clubOwner.post(football.url() + "/manage/add-member", Map.of("username", "amira", "role", "MEMBER")).status());
    assertEquals(404, clubOwner.get(plan).status(), "owning a club Amira joined does not make him her teacher");
    assertFalse(clubOwner.get(AMIRA).contains("Support plan"));
    assertTrue(teacher.get(plan).contains("Speech and language"), "her class teacher still reads it");
  }

  @Test
  void aViewOnlyCarerSeesWhatParentsSeeButDoesNotComment() {
    TestSchool school = courtyard.school();
    TestPerson gran = school.addCarerOf(school.person("amira"), "Nadia Khan", "Grandmother", CarerLevel.VIEW_ONLY);
    String c = collection(courtyard.signIn("amira"), AMIRA, "For my family", "PARENTS", true);
    TestClient granny = gran.signIn();
    TestClient.Response page = granny.get(c);
    assertEquals(200, page.status(), "a third carer sees what parents see");
    assertFalse(page.contains("name=\"body\""), "but has no comment box");
    assertEquals(403, granny.post(c + "/comments", Map.of("body", "Lovely!")).status());
    assertEquals(303, courtyard.signIn("mr.khan").post(c + "/comments", Map.of("body", "Well done")).status(), "a full parent comments");
  }

  @Test
  void teachersAndParentsCommentOnlyWhereCommentsAreAllowed() {
    TestClient amira = courtyard.signIn("amira");
    String open = collection(amira, AMIRA, "Comments welcome", "CLASS", true);
    String closed = collection(amira, AMIRA, "No comments please", "CLASS", false);
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(303, parent.post(open + "/comments", Map.of("body", "So proud of you!")).status());
    assertTrue(amira.get(open).contains("So proud of you!"));
    assertTrue(amira.get("/notifications").contains("commented on “Comments welcome”"));
    assertEquals(303, courtyard.signIn("mrs.patel").post(open + "/comments", Map.of("body", "Lovely work")).status());
    assertEquals(403, parent.post(closed + "/comments", Map.of("body", "Hello")).status(), "comments off");
    assertEquals(403, courtyard.signIn("ben").post(open + "/comments", Map.of("body", "lol")).status(), "classmates see but do not comment");
    assertFalse(amira.get(closed).contains("Hello"));
  }

  @Test
  void theExportZipOpensOfflineWithEveryLinkInside(@TempDir Path dir) throws IOException {
    TestClient amira = courtyard.signIn("amira");
    String c = collection(amira, AMIRA, "My art", "TEACHERS", false);
    assertEquals(303, amira.post(c + "/text", Map.of("title", "About my painting", "body", "<p>I used <b>blue</b>.</p><script>x()</script>")).status());
    assertEquals(303, amira.postFile(c + "/file", Map.of("title", "My painting"), "file", "painting.png", "image/png", PNG).status());
    assertEquals(303, amira.post(c + "/link", Map.of("title", "My blog post", "link", "/s/~amira/blog")).status());
    assertEquals(422, amira.post(c + "/link", Map.of("title", "Bad", "link", "javascript:alert(1)")).status(), "refused, with the form again");
    assertFalse(amira.get(c).contains("javascript:"), "only addresses of this site are kept");
    Path zip = dir.resolve("export.zip");
    assertEquals(200, amira.download(AMIRA + "/export.zip", zip).status());
    Map<String, byte[]> entries = unzip(zip);
    assertTrue(entries.containsKey("index.html"), entries.keySet().toString());
    int links = 0;
    for (var e : entries.entrySet()) {
      if (!e.getKey().endsWith(".html")) continue;
      String html = new String(e.getValue(), StandardCharsets.UTF_8);
      assertFalse(html.contains("<script"), "no scripts in the export");
      Matcher m = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(html);
      while (m.find()) {
        links++;
        assertTrue(entries.containsKey(m.group(1)), e.getKey() + " links to " + m.group(1) + ", which is not in the zip");
      }
    }
    assertTrue(links >= 4, "index → page → picture links were checked");
    byte[] picture = entries.entrySet().stream().filter(e -> e.getKey().endsWith("painting.png")).findFirst().orElseThrow().getValue();
    assertArrayEquals(PNG, picture);
  }

  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
    }
    return out;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void leap2aRoundTripsIntoAnotherPortfolio(@TempDir Path dir) throws IOException {
    TestClient chloe = courtyard.signIn("chloe");
    String base = "/s/~chloe/portfolio";
    String c = collection(chloe, base, "Science", "TEACHERS", true);
    assertEquals(303, chloe.post(c + "/text", Map.of("title", "My experiment", "body", "<p>Ice melts faster in <em>salt</em> water.</p>")).status());
    assertEquals(303, chloe.postFile(c + "/file", Map.of("title", "Photo of the ice"), "file", "ice.png", "image/png", PNG).status());
    assertEquals(303, chloe.post(c + "/link", Map.of("title", "Write-up", "link", "/s/5-oak/blog/posts/1", "note", "Longer version")).status());
    Path leap = dir.resolve("chloe.zip");
    assertEquals(200, chloe.download(base + "/export-leap2a.zip", leap).status());
    String feed = new String(unzip(leap).get("leap2a.xml"), StandardCharsets.UTF_8);
    assertTrue(feed.contains("leap2:selection") && feed.contains("leap2:has_part") && feed.contains("rel=\"enclosure\""), feed);

    // Chloe moves school: the new school (here, Ben's portfolio stands in) brings it in.
    TestClient ben = courtyard.signIn("ben");
    TestClient.Response r = ben.postFile("/s/~ben/portfolio/import", Map.of(), "package", "chloe.zip", "application/zip", Files.readAllBytes(leap));
    assertEquals(303, r.status(), r.body());
    Matcher m = Pattern.compile("/s/~ben/portfolio/c/(\\d+)\">Science<").matcher(ben.get("/s/~ben/portfolio").body());
    assertTrue(m.find(), "the collection came across");
    String page = ben.get("/s/~ben/portfolio/c/" + m.group(1)).body();
    assertTrue(page.contains("My experiment") && page.contains("Ice melts faster in <em>salt</em> water."), page);
    assertTrue(page.contains("href=\"/s/5-oak/blog/posts/1\"") && page.contains("Longer version"), "the reference came across");
    assertTrue(page.contains("Seen by: Only me"), "brought-in work starts private");
    Matcher file = Pattern.compile("/s/~ben/portfolio/files/(\\d+)").matcher(page);
    assertTrue(file.find());
    Path got = dir.resolve("got.png");
    ben.download(file.group(), got);
    assertArrayEquals(PNG, Files.readAllBytes(got), "the photo is byte for byte the same");
  }

  @Test
  void aBrokenLeap2aPackageImportsNothing() throws IOException {
    TestClient ben = courtyard.signIn("ben");
    String before = ben.get("/s/~ben/portfolio").body();
    int collections = count(before, "/s/~ben/portfolio/c/");
    String feedHead = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:leap2=\"http://terms.leapspecs.org/\">";
    String missingFile = feedHead + "<entry><id>s1</id><title>Art</title><rdf:type rdf:resource=\"leap2:selection\"/><link rel=\"leap2:has_part\" href=\"i1\"/></entry>"
        + "<entry><id>i1</id><title>Picture</title><rdf:type rdf:resource=\"leap2:resource\"/><link rel=\"enclosure\" href=\"files/gone.png\"/></entry></feed>";
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + feedHead + "<entry><id>a</id><title>&x;</title></entry></feed>";
    String outside = feedHead + "<entry><id>i1</id><title>Sneaky</title><link rel=\"enclosure\" href=\"../../etc/passwd\"/></entry></feed>";
    Map<String, String> cases = Map.of(
        "not XML", "this is not xml",
        "missing file", missingFile,
        "external entity", xxe,
        "a file outside the package", outside);
    for (var c : cases.entrySet()) {
      byte[] pkg = zip(Map.of("leap2a.xml", c.getValue().getBytes(StandardCharsets.UTF_8), "files/ok.png", PNG));
      TestClient.Response r = ben.postFile("/s/~ben/portfolio/import", Map.of(), "package", "bad.zip", "application/zip", pkg);
      assertEquals(422, r.status(), c.getKey() + ": " + r.body());
      assertTrue(r.contains("Nothing was imported"), c.getKey() + ": " + r.body());
      assertFalse(r.contains("root:"), "no file contents leak");
      String after = ben.get("/s/~ben/portfolio").body();
      assertEquals(collections, count(after, "/s/~ben/portfolio/c/"), c.getKey() + " imported nothing");
      assertFalse(after.contains("root:"), "no file contents leak");
    }
  }

  @Test
  void aLeap2aPackageOverThePortfoliosOwnLimitsImportsNothing() throws IOException {
    TestClient ben = courtyard.signIn("ben");
    int collections = count(ben.get("/s/~ben/portfolio").body(), "/s/~ben/portfolio/c/");
    String feedHead = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:leap2=\"http://terms.leapspecs.org/\">";
    String good = "<entry><id>g</id><title>Fine collection</title><rdf:type rdf:resource=\"leap2:selection\"/><link rel=\"leap2:has_part\" href=\"g1\"/></entry>"
        + "<entry><id>g1</id><title>Short story</title><content type=\"text\">Once upon a time</content><rdf:type rdf:resource=\"leap2:entry\"/></entry>";
    String longWriting = feedHead + good + "<entry><id>s1</id><title>Long</title><rdf:type rdf:resource=\"leap2:selection\"/><link rel=\"leap2:has_part\" href=\"i1\"/></entry>"
        + "<entry><id>i1</id><title>Endless essay</title><content type=\"text\">" + "a".repeat(50_001) + "</content><rdf:type rdf:resource=\"leap2:entry\"/></entry></feed>";
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < 2_001; i++) parts.append("<link rel=\"leap2:has_part\" href=\"i1\"/>");
    String oneEntryManyTimes = feedHead + good + "<entry><id>s1</id><title>Echo</title><rdf:type rdf:resource=\"leap2:selection\"/>" + parts + "</entry>"
        + "<entry><id>i1</id><title>Again</title><content type=\"text\">Again and again</content><rdf:type rdf:resource=\"leap2:entry\"/></entry></feed>";
    String bigFile = feedHead + good + "<entry><id>s1</id><title>Art</title><rdf:type rdf:resource=\"leap2:selection\"/><link rel=\"leap2:has_part\" href=\"i1\"/></entry>"
        + "<entry><id>i1</id><title>Huge picture</title><rdf:type rdf:resource=\"leap2:resource\"/><link rel=\"enclosure\" href=\"files/big.png\"/></entry></feed>";
    byte[] big = java.util.Arrays.copyOf(PNG, 50 * 1024 * 1024 + 1);
    Map<String, Map<String, byte[]>> cases = Map.of(
        "writing over 50,000 characters", Map.of("leap2a.xml", longWriting.getBytes(StandardCharsets.UTF_8)),
        "one piece of work named 2,001 times", Map.of("leap2a.xml", oneEntryManyTimes.getBytes(StandardCharsets.UTF_8)),
        "a file over 50 MB", Map.of("leap2a.xml", bigFile.getBytes(StandardCharsets.UTF_8), "files/big.png", big));
    Map<String, String> told = Map.of(
        "writing over 50,000 characters", "“Endless essay”: the writing is longer than 50,000 characters",
        "one piece of work named 2,001 times", "The package holds more than 2,000 pieces of work",
        "a file over 50 MB", "files/big.png is 50 MB; the largest file allowed here is 50 MB.");
    for (var c : cases.entrySet()) {
      TestClient.Response r = ben.postFile("/s/~ben/portfolio/import", Map.of(), "package", "big.zip", "application/zip", zip(c.getValue()));
      assertEquals(422, r.status(), c.getKey() + ": " + r.body());
      assertTrue(r.contains(told.get(c.getKey())) && r.contains("Nothing was imported"), c.getKey() + ": " + r.body());
      String after = ben.get("/s/~ben/portfolio").body();
      assertEquals(collections, count(after, "/s/~ben/portfolio/c/"), c.getKey() + ": not even the fine collection came in");
      assertFalse(after.contains("Fine collection"));
    }
  }

  static int count(String s, String what) {
    int n = 0;
    for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) n++;
    return n;
  }

  @Test
  void aRefusedFormComesBack422WithItsMessageAndWhatWasTypedAndNothingIsSaved() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response noTitle = amira.post(AMIRA + "/collections", Map.of("form", "create", "title", "", "description", "All about my rock pool",
        "visibility", "ME"));
    assertEquals(422, noTitle.status(), noTitle.body());
    assertTrue(noTitle.contains("Give the collection a title"), noTitle.body());
    assertTrue(noTitle.contains("All about my rock pool</textarea>"), "what was typed is kept");
    assertFalse(amira.get(AMIRA).contains("All about my rock pool"), "nothing was made");

    String c = collection(amira, AMIRA, "Forms check", "ME", false);
    TestClient.Response longTitle = amira.post(c + "/text", Map.of("form", "text", "title", "t".repeat(201), "body", "My typed story about crabs"));
    assertEquals(422, longTitle.status());
    assertTrue(longTitle.contains("Keep the title to 200 characters"), longTitle.body());
    assertTrue(longTitle.contains("My typed story about crabs</textarea>"), "the writing is kept");
    TestClient.Response notAFile = amira.postFile(c + "/file", Map.of("form", "file", "title", "My notes"), "file", "notes.png", "image/png",
        "just some text pretending".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, notAFile.status());
    assertTrue(notAFile.contains("notes.png is not a picture"), notAFile.body());
    assertTrue(notAFile.contains("value=\"My notes\""));
    TestClient.Response badLink = amira.post(c + "/link", Map.of("form", "link", "title", "Sneaky", "link", "javascript:alert(1)"));
    assertEquals(422, badLink.status());
    assertTrue(badLink.contains("starting /s/"));
    TestClient.Response page = amira.get(c);
    assertFalse(page.contains("crabs") || page.contains("My notes") || page.contains("Sneaky"), "nothing was added");
  }
}
