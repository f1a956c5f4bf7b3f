package org.courtyard.plugins.quiz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** IMS QTI 2.1 export and import through real HTTP. */
class QtiIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
  static final byte[] MP3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 1, 2, 3, 4, 5, 6};

  /** Entries of a zip by name. */
  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
    }
    return out;
  }

  /** Item XML by title, with the ids (which differ between banks) taken out. */
  static Map<String, String> itemsByTitle(Map<String, byte[]> zip) {
    Map<String, String> out = new TreeMap<>();
    for (var e : zip.entrySet()) {
      if (!e.getKey().endsWith(".xml") || e.getKey().equals("imsmanifest.xml")) continue;
      String xml = new String(e.getValue(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("title=\"([^\"]*)\"").matcher(xml);
      assertTrue(m.find());
      out.put(m.group(1), xml.replaceAll("\\bq\\d+", "qN"));
    }
    return out;
  }

  static int bankSize(TestClient teacher, String space) {
    Matcher m = Pattern.compile("/quiz/bank/q/\\d+\"").matcher(teacher.get("/s/" + space + "/quiz/bank").body());
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  @Test
  void everyTypeRoundTripsThroughQti(@TempDir Path dir) throws IOException {
    TestClient teacher = courtyard.signIn("mrs.patel");
    QuizIT.oneOfEachType(teacher, "coding-club", " (qti)");
    QuizIT.question(teacher, "coding-club", "gaps", "Two lines (qti)", "prompt", "Fill in.\nBoth lines.", "gaps", "Roses are [red].\nViolets are [blue|purple].",
        "case-sensitive", "on", "points", "2.5");
    TestClient.Response withMedia = teacher.postFile("/s/coding-club/quiz/bank/new/true-false", Map.of("title", "Picture (qti)", "prompt", "This is a picture of the Sun.",
        "truth", "false"), "image", "sun.png", "image/png", PNG);
    assertEquals(303, withMedia.status(), withMedia.body());
    long pictured = QuizIT.question(teacher, "coding-club", "single", "Listen (qti)", "prompt", "Which word did you hear?", "choice.0", "Cat", "choice.1", "Hat", "correct", "1");
    assertEquals(303, teacher.postFile("/s/coding-club/quiz/bank/q/" + pictured, Map.of("title", "Listen (qti)", "prompt", "Which word did you hear?",
        "choice.0", "Cat", "choice.1", "Hat", "correct", "1"), "audio", "word.mp3", "audio/mpeg", MP3).status());

    Path first = dir.resolve("club.zip");
    assertEquals(200, teacher.download("/s/coding-club/quiz/bank/export", first).status());
    Map<String, byte[]> exported = unzip(first);
    assertTrue(exported.containsKey("imsmanifest.xml"));
    Map<String, String> before = itemsByTitle(exported);
    assertEquals(12, before.size(), before.keySet().toString());
    assertTrue(before.get("Mammals (qti)").contains("cardinality=\"multiple\""));
    assertTrue(before.get("Animals (qti)").contains("<matchInteraction"));
    assertTrue(before.get("Count (qti)").contains("<orderInteraction"));
    assertTrue(before.get("Pi (qti)").contains("toleranceMode=\"absolute\" tolerance=\"0.01 0.01\""));

    TestClient.Response imported = teacher.postFile("/s/5-oak/quiz/bank/import", Map.of("category", "From the club"), "package", "club.zip", "application/zip",
        Files.readAllBytes(first));
    assertEquals(303, imported.status(), imported.body());
    assertTrue(teacher.get("/s/5-oak/quiz/bank").contains("From the club"));

    Path second = dir.resolve("oak.zip");
    Matcher category = Pattern.compile("From the club \\(12 questions\\) · <a href=\"([^\"]+)\"").matcher(teacher.get("/s/5-oak/quiz/bank").body());
    assertTrue(category.find(), "the imported questions are in their own category");
    assertEquals(200, teacher.download(category.group(1), second).status());
    Map<String, byte[]> again = unzip(second);
    assertEquals(before, itemsByTitle(again), "every question comes back exactly as it went out");
    byte[] png = again.entrySet().stream().filter(e -> e.getKey().endsWith(".png")).findFirst().orElseThrow().getValue();
    assertArrayEquals(PNG, png, "the picture travels with its question");
    byte[] mp3 = again.entrySet().stream().filter(e -> e.getKey().endsWith(".mp3")).findFirst().orElseThrow().getValue();
    assertArrayEquals(MP3, mp3, "and the recording");

    // The imported questions work: a quiz of the imported gap question marks as the original did.
    Matcher m = Pattern.compile("/s/5-oak/quiz/bank/q/(\\d+)\">Two lines \\(qti\\)<").matcher(teacher.get("/s/5-oak/quiz/bank").body());
    assertTrue(m.find());
    String quiz = QuizIT.quiz(teacher, "5-oak", "Imported", java.util.List.of(Long.parseLong(m.group(1))));
    TestClient chloe = courtyard.signIn("chloe");
    String a = QuizIT.start(chloe, quiz);
    assertEquals(303, chloe.postPairs(a + "/submit", "q0.0", "red", "q0.1", "Purple").status());
    assertTrue(chloe.get(a).contains("1.25 / 2.5"), "case matters for this question: Purple is wrong, red is right");
  }

  @Test
  void anItemFromAnotherPlatformImports() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    String item = """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choice" title="Unattended Luggage" adaptive="false" timeDependent="false">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
            <correctResponse><value>ChoiceA</value></correctResponse>
          </responseDeclaration>
          <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
          <itemBody>
            <p>Look at the text in the picture.</p>
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
              <prompt>What does it say?</prompt>
              <simpleChoice identifier="ChoiceA">You must stay with your luggage at all times.</simpleChoice>
              <simpleChoice identifier="ChoiceB">Do not let someone else look after your luggage.</simpleChoice>
              <simpleChoice identifier="ChoiceC">Remember your luggage when you leave.</simpleChoice>
            </choiceInteraction>
          </itemBody>
          <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
        </assessmentItem>
        """.strip();
    TestClient.Response r = teacher.postFile("/s/2-willow/quiz/bank/import", Map.of("category", "Imported"), "package", "choice.xml", "text/xml",
        item.getBytes(StandardCharsets.UTF_8));
    assertEquals(303, r.status(), r.body());
    Matcher m = Pattern.compile("/s/2-willow/quiz/bank/q/(\\d+)\">Unattended Luggage<").matcher(teacher.get("/s/2-willow/quiz/bank").body());
    assertTrue(m.find(), "the item is in the bank");
    String form = teacher.get("/s/2-willow/quiz/bank/q/" + m.group(1)).body();
    assertTrue(form.contains("Look at the text in the picture.\nWhat does it say?"), form);
    assertTrue(form.contains("value=\"0\" checked"), "the first choice is the right one");
  }

  static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void aPackageWithABrokenItemIsRefusedWholeItemByItem() throws IOException {
    TestClient teacher = courtyard.signIn("mrs.patel");
    int before = bankSize(teacher, "5-oak");
    String good = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="good" title="A good item">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>true</value></correctResponse></responseDeclaration>
          <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>Water is wet.</prompt>
            <simpleChoice identifier="true">True</simpleChoice><simpleChoice identifier="false">False</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>""";
    String hotspot = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="spot" title="Where is it">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
          <itemBody><hotspotInteraction responseIdentifier="RESPONSE" maxChoices="1"><object type="image/png" data="map.png"/></hotspotInteraction></itemBody>
        </assessmentItem>""";
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE assessmentItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="&secret;">
          <itemBody><extendedTextInteraction responseIdentifier="RESPONSE"/></itemBody>
        </assessmentItem>""".strip();
    String noAnswer = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="n" title="No answer">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
          <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>Pick</prompt>
            <simpleChoice identifier="A">A</simpleChoice><simpleChoice identifier="B">B</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>""";
    String manifest = """
        <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><resources>
          <resource identifier="a" type="imsqti_item_xmlv2p1" href="good.xml"/>
          <resource identifier="b" type="imsqti_item_xmlv2p1" href="hotspot.xml"/>
          <resource identifier="c" type="imsqti_item_xmlv2p1" href="xxe.xml"/>
          <resource identifier="d" type="imsqti_item_xmlv2p1" href="noanswer.xml"/>
          <resource identifier="e" type="imsqti_item_xmlv2p1" href="missing.xml"/>
        </resources></manifest>""";
    byte[] pkg = zip(Map.of("imsmanifest.xml", manifest, "good.xml", good, "hotspot.xml", hotspot, "xxe.xml", xxe, "noanswer.xml", noAnswer));
    TestClient.Response r = teacher.postFile("/s/5-oak/quiz/bank/import", Map.of("category", "Broken"), "package", "broken.zip", "application/zip", pkg);
    assertEquals(422, r.status());
    assertTrue(r.contains("Nothing was imported"), r.body());
    assertTrue(r.contains("hotspot.xml: uses hotspotInteraction"), r.body());
    assertTrue(r.contains("xxe.xml: The file declares a DOCTYPE"), r.body());
    assertTrue(r.contains("noanswer.xml: does not say which choice is right"), r.body());
    assertTrue(r.contains("missing.xml is listed but not in the package"), r.body());
    assertFalse(r.contains("good.xml:"), "the good item has nothing to fix");
    assertFalse(r.contains("root:"), "nothing from the file system leaks into the page");
    assertEquals(before, bankSize(teacher, "5-oak"), "not even the good item was imported");
    assertFalse(teacher.get("/s/5-oak/quiz/bank").contains("A good item"));

    TestClient.Response notZip = teacher.postFile("/s/5-oak/quiz/bank/import", Map.of(), "package", "notes.xml", "text/xml", "this is not xml".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, notZip.status());
    assertTrue(notZip.contains("not well-formed XML"), notZip.body());
    assertEquals(before, bankSize(teacher, "5-oak"));
  }

  /** An item with as many options as it likes, in the QTI way: the importer must not make what the editor cannot. */
  static String orderItem(String id, int items) {
    StringBuilder choices = new StringBuilder();
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < items; i++) {
      choices.append("<simpleChoice identifier=\"c").append(i).append("\">Step ").append(i).append("</simpleChoice>");
      order.append("<value>c").append(i).append("</value>");
    }
    return "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"" + id + "\" title=\"Order " + id + "\">"
        + "<responseDeclaration identifier=\"RESPONSE\" cardinality=\"ordered\" baseType=\"identifier\"><correctResponse>" + order + "</correctResponse></responseDeclaration>"
        + "<itemBody><orderInteraction responseIdentifier=\"RESPONSE\"><prompt>Put them in order.</prompt>" + choices + "</orderInteraction></itemBody></assessmentItem>";
  }

  @Test
  void anImportIsHeldToTheEditorsLimitsAndRefusedWhole() throws IOException {
    TestClient teacher = courtyard.signIn("mrs.patel");
    int before = bankSize(teacher, "coding-club");
    String longChoice = """
        <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="long" title="Long choice">
          <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
          <itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1"><prompt>Pick</prompt>
            <simpleChoice identifier="A">%s</simpleChoice><simpleChoice identifier="B">B</simpleChoice></choiceInteraction></itemBody>
        </assessmentItem>""".formatted("x".repeat(1001));
    StringBuilder gapBody = new StringBuilder("<p>");
    StringBuilder gapDecls = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      gapBody.append("Word ").append(i).append(" <textEntryInteraction responseIdentifier=\"G").append(i).append("\"/> ");
      gapDecls.append("<responseDeclaration identifier=\"G").append(i).append("\" cardinality=\"single\" baseType=\"string\"><correctResponse><value>w")
          .append(i).append("</value></correctResponse></responseDeclaration>");
    }
    String gaps = "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"gaps\" title=\"Many gaps\">" + gapDecls
        + "<itemBody>" + gapBody + "</p></itemBody></assessmentItem>";
    String manifest = """
        <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><resources>
          <resource identifier="a" type="imsqti_item_xmlv2p1" href="fine.xml"/>
          <resource identifier="b" type="imsqti_item_xmlv2p1" href="order.xml"/>
          <resource identifier="c" type="imsqti_item_xmlv2p1" href="long.xml"/>
          <resource identifier="d" type="imsqti_item_xmlv2p1" href="gaps.xml"/>
        </resources></manifest>""";
    byte[] pkg = zip(Map.of("imsmanifest.xml", manifest, "fine.xml", orderItem("fine", 20), "order.xml", orderItem("big", 400), "long.xml", longChoice,
        "gaps.xml", gaps));
    TestClient.Response r = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of("category", "Too big"), "package", "big.zip", "application/zip", pkg);
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Nothing was imported"), r.body());
    assertTrue(r.contains("order.xml: is more than the question bank takes: Give at most 20 things to put in order (this question has 400)."), r.body());
    assertTrue(r.contains("long.xml: is more than the question bank takes: Keep each option under 1,000 characters."), r.body());
    assertTrue(r.contains("gaps.xml: is more than the question bank takes: Make at most 20 gaps (this text has 21)."), r.body());
    assertFalse(r.contains("fine.xml:"), "twenty things to order is what the editor allows");
    assertEquals(before, bankSize(teacher, "coding-club"), "not even the item within the limits was imported");

    // The editor holds a teacher to the same limits.
    StringBuilder accept = new StringBuilder();
    for (int i = 0; i < 21; i++) accept.append("answer ").append(i).append('\n');
    TestClient.Response typed = teacher.postPairs("/s/coding-club/quiz/bank/new/short-text", "prompt", "Name an answer.", "accept", accept.toString());
    assertEquals(422, typed.status(), typed.body());
    assertTrue(typed.contains("Give at most 20 accepted answers (this question has 21)."), typed.body());

    // More items than a package may hold: refused before any is read.
    Map<String, String> many = new TreeMap<>();
    for (int i = 0; i < 501; i++) many.put("item" + i + ".xml", orderItem("i" + i, 2));
    TestClient.Response tooMany = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "many.zip", "application/zip", zip(many));
    assertEquals(422, tooMany.status(), tooMany.body());
    assertTrue(tooMany.contains("The package holds 501 items; import at most 500 at a time"), tooMany.body());

    // One item file far bigger than any question: refused without building it.
    String huge = orderItem("huge", 2).replace("Put them in order.", "x".repeat(3 * 1024 * 1024));
    TestClient.Response hugeFile = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "huge.xml", "text/xml", huge.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, hugeFile.status(), hugeFile.body());
    assertTrue(hugeFile.contains("the file: is bigger than 2 MB"), hugeFile.body());

    // Small, but nothing except tags nested 100,000 deep: refused by the parser, not a server error.
    String deep = orderItem("deep", 2).replace("<prompt>Put them in order.</prompt>", "<prompt>" + "<span>".repeat(100_000) + "</span>".repeat(100_000) + "</prompt>");
    TestClient.Response deepFile = teacher.postFile("/s/coding-club/quiz/bank/import", Map.of(), "package", "deep.xml", "text/xml", deep.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, deepFile.status(), deepFile.body());
    assertTrue(deepFile.contains("the file: The file nests its elements more than 500 deep"), deepFile.body());
    assertEquals(before, bankSize(teacher, "coding-club"));
  }
}
