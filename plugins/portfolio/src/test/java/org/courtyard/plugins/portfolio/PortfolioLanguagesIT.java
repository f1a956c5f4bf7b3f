package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio in the reader's language: its own words come from its messages (English and Welsh
 * complete; a parent's pages also in Polish, Urdu and Arabic), what people wrote stays as written.
 */
class PortfolioLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String AMIRA = "/s/~amira/portfolio";

  @Test
  void everyWordIsInItsMessagesInEveryLanguageItShips() {
    BundleCheck.assertComplete("portfolio", "cy", "pl", "ur", "ar");
    BundleCheck.assertParentsPages("portfolio", "pl", "ur", "ar");
  }

  @Test
  void aWelshLearnerReadsHerPortfolioInWelshAndHerWorkAsSheWroteIt() {
    TestClient amira = courtyard.signIn("amira").header("Accept-Language", "cy");
    String c = PortfolioIT.collection(amira, AMIRA, "My rock pool", "PARENTS", true);
    assertEquals(303, amira.post(c + "/text", Map.of("title", "Crabs", "body", "I found three crabs under a stone.")).status());
    TestClient.Response index = amira.get(AMIRA);
    assertTrue(index.contains("<html lang=\"cy\""), index.body());
    assertTrue(index.contains("Fy mhortffolio") && index.contains("Gwneud casgliad") && index.contains("Fy athrawon a fy rhieni"), index.body());
    assertFalse(index.contains("Make a collection"), "no English left on the page");
    TestClient.Response page = amira.get(c);
    assertTrue(page.contains("Pwy sy&#x27;n ei weld: Fy athrawon a fy rhieni") || page.contains("Pwy sy'n ei weld: Fy athrawon a fy rhieni"), page.body());
    assertTrue(page.contains("Ychwanegu gwaith") && page.contains("Recordio fy llais"), "the forms and the recorder's words in Welsh");
    assertTrue(page.contains("My rock pool") && page.contains("I found three crabs under a stone."), "her work stays as she wrote it");
    TestClient.Response empty = amira.post(c + "/text", Map.of("form", "text", "title", "Nothing", "body", ""));
    assertEquals(422, empty.status());
    assertTrue(empty.contains("Ysgrifennwch rywbeth"), empty.body());
  }

  @Test
  void aParentReadsTheirChildsWorkAndCommentsInPolishUrduOrArabic() {
    TestClient amira = courtyard.signIn("amira");
    String c = PortfolioIT.collection(amira, AMIRA, "For my family", "PARENTS", true);
    assertEquals(303, amira.post(c + "/text", Map.of("title", "My poem", "body", "The sea is blue and wide.")).status());
    assertEquals(303, courtyard.signIn("mrs.patel").post(c + "/comments", Map.of("body", "A lovely poem, Amira.")).status());
    Map<String, String[]> expected = Map.of(
        "pl", new String[] {"Portfolio: Amira", "Komentarze", "Dodaj komentarz", "Widoczne dla: Moi nauczyciele i moi rodzice"},
        "ur", new String[] {"کا پورٹ فولیو", "تبصرے", "تبصرہ لکھیں", "کون دیکھ سکتا ہے: میرے اساتذہ اور میرے والدین"},
        "ar", new String[] {"ملف أعمال", "التعليقات", "أضف تعليقًا", "يراها: معلّميّ ووالديّ"});
    for (var e : expected.entrySet()) {
      TestClient parent = courtyard.signIn("mr.khan").header("Accept-Language", e.getKey());
      TestClient.Response page = parent.get(c);
      assertEquals(200, page.status());
      assertTrue(page.contains("<html lang=\"" + e.getKey() + "\""), e.getKey() + ": " + page.body());
      for (String words : e.getValue()) assertTrue(page.contains(words), e.getKey() + " lacks " + words + ": " + page.body());
      assertTrue(page.contains("The sea is blue and wide.") && page.contains("A lovely poem, Amira.") && page.contains("For my family"),
          "the work and the comment stay as written");
      assertFalse(page.contains("Add a comment"), e.getKey() + ": no English left");
      TestClient.Response index = parent.get(AMIRA);
      assertTrue(index.contains(e.getValue()[0]), e.getKey() + ": " + index.body());
    }
    assertTrue(courtyard.signIn("mr.khan").header("Accept-Language", "ar").get(c).contains("dir=\"rtl\""), "Arabic reads right to left");
  }

  /** Gwen chose Welsh, Harry did not: each is told of a parent's comment on their work in their own language. */
  @Test
  void eachOwnerIsToldOfACommentInTheirOwnLanguage() {
    TestSchool school = courtyard.school();
    TestPerson welsh = school.addLearner("Gwen Portfolio");
    TestPerson english = school.addLearner("Harry Portfolio");
    TestClient gwen = welsh.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    TestClient harry = english.signIn();
    TestClient.Response on = gwen.post("/s/~" + welsh.username() + "/manage/tools", Map.of("tool", "portfolio", "action", "add")); // each keeps a portfolio in their own space
    assertEquals(303, on.status(), on.body());
    assertEquals(303, harry.post("/s/~" + english.username() + "/manage/tools", Map.of("tool", "portfolio", "action", "add")).status());
    String gwens = PortfolioIT.collection(gwen, "/s/~" + welsh.username() + "/portfolio", "Sports day", "PARENTS", true);
    String harrys = PortfolioIT.collection(harry, "/s/~" + english.username() + "/portfolio", "Sports day", "PARENTS", true);
    assertEquals(303, school.addParentOf(welsh, "Rhian Parent").signIn().post(gwens + "/comments", Map.of("body", "Da iawn!")).status());
    assertEquals(303, school.addParentOf(english, "Sam Parent").signIn().post(harrys + "/comments", Map.of("body", "Well run!")).status());

    TestClient.Response inWelsh = gwen.get("/notifications");
    assertTrue(inWelsh.contains("Mae Rhian Parent wedi rhoi sylw ar “Sports day”") && !inWelsh.contains("commented on"), inWelsh.body());
    TestClient.Response inEnglish = harry.get("/notifications");
    assertTrue(inEnglish.contains("Sam Parent commented on “Sports day”") && !inEnglish.contains("rhoi sylw"), inEnglish.body());
  }

  /** A piece of work or a comment says what language it is in; the page marks it so a screen reader reads it in the right voice. */
  @Test
  void polishWorkAndAnArabicCommentAreMarkedWithTheirLanguage() {
    TestClient amira = courtyard.signIn("amira");
    String c = PortfolioIT.collection(amira, AMIRA, "Poems", "PARENTS", true);
    TestClient.Response form = amira.get(c);
    assertTrue(form.contains("<label for=\"pt-lang\">Language of this text</label><select id=\"pt-lang\" name=\"lang\"><option value=\"\" selected>"), form.body());
    assertEquals(303, amira.post(c + "/text", Map.of("title", "Wiersz o jesieni", "body", "<p>Liście spadają z drzew.</p>", "lang", "pl")).status());
    assertEquals(303, amira.post(c + "/text", Map.of("title", "Autumn", "body", "<p>Leaves fall from the trees.</p>")).status());
    assertEquals(303, courtyard.signIn("mr.khan").post(c + "/comments", Map.of("body", "أحسنتِ يا أميرة", "lang", "ar")).status());
    assertEquals(303, courtyard.signIn("mrs.patel").post(c + "/comments", Map.of("body", "Lovely work")).status());

    TestClient.Response page = courtyard.signIn("mr.khan").get(c);
    assertTrue(Pattern.compile("<h2 id=\"pa-\\d+\" lang=\"pl\" dir=\"ltr\">Wiersz o jesieni</h2>").matcher(page.body()).find(), page.body());
    assertTrue(page.contains("<div lang=\"pl\" dir=\"ltr\"><p>Liście spadają z drzew.</p></div>"), page.body());
    assertTrue(Pattern.compile("<h2 id=\"pa-\\d+\">Autumn</h2>").matcher(page.body()).find() && page.contains("<div><p>Leaves fall from the trees.</p></div>"),
        "work with no language chosen has no lang of its own");
    assertTrue(page.contains("<span lang=\"ar\" dir=\"rtl\">أحسنتِ يا أميرة</span>"), "Arabic right to left: " + page.body());
    assertTrue(page.contains("<span>Lovely work</span>"), page.body());
    assertTrue(page.contains("<h1>Poems</h1>"), "the collection itself has none yet");

    // The collection's own language is kept and can be changed where its title is.
    assertEquals(303, amira.post(c + "/settings", Map.of("form", "settings", "title", "Wiersze", "visibility", "PARENTS", "comments", "on", "lang", "pl")).status());
    TestClient.Response after = amira.get(c);
    assertTrue(after.contains("<h1 lang=\"pl\" dir=\"ltr\">Wiersze</h1>") && after.contains("<option value=\"pl\" lang=\"pl\" selected>"), after.body());
    assertTrue(amira.get(AMIRA).contains("lang=\"pl\" dir=\"ltr\">Wiersze</a>"), "and on the list of collections");
  }

  @Test
  void leap2aCarriesTheLanguageOfEachPieceOfWork(@TempDir Path dir) throws java.io.IOException {
    TestClient chloe = courtyard.signIn("chloe");
    String base = "/s/~chloe/portfolio";
    TestClient.Response made = chloe.post(base + "/collections", Map.of("title", "Poezja", "visibility", "TEACHERS", "lang", "pl"));
    assertEquals(303, made.status(), made.body());
    String c = made.location();
    assertEquals(303, chloe.post(c + "/text", Map.of("title", "Mój wiersz", "body", "<p>Dzień dobry</p>", "lang", "pl")).status());
    assertEquals(303, chloe.post(c + "/text", Map.of("title", "شعر", "body", "<p>صباح الخير</p>", "lang", "ar")).status());
    assertEquals(303, chloe.post(c + "/text", Map.of("title", "Plain", "body", "<p>No language</p>")).status());
    Path leap = dir.resolve("chloe.zip");
    assertEquals(200, chloe.download(base + "/export-leap2a.zip", leap).status());
    String feed = new String(PortfolioIT.unzip(leap).get("leap2a.xml"), StandardCharsets.UTF_8);
    assertTrue(feed.contains("<title xml:lang=\"pl\">Mój wiersz</title>") && feed.contains("<content type=\"html\" xml:lang=\"pl\">"), feed);
    assertTrue(feed.contains("<title xml:lang=\"pl\">Poezja</title>") && feed.contains("<title>Plain</title>"), feed);

    TestClient ben = courtyard.signIn("ben");
    assertEquals(303, ben.postFile("/s/~ben/portfolio/import", Map.of(), "package", "chloe.zip", "application/zip", Files.readAllBytes(leap)).status());
    Matcher m = Pattern.compile("/s/~ben/portfolio/c/(\\d+)\" lang=\"pl\" dir=\"ltr\">Poezja<").matcher(ben.get("/s/~ben/portfolio").body());
    assertTrue(m.find(), "the collection came across in Polish");
    String page = ben.get("/s/~ben/portfolio/c/" + m.group(1)).body();
    assertTrue(page.contains("<div lang=\"pl\" dir=\"ltr\"><p>Dzień dobry</p></div>"), page);
    assertTrue(page.contains("<div lang=\"ar\" dir=\"rtl\"><p>صباح الخير</p></div>"), page);
    assertTrue(page.contains("<div><p>No language</p></div>"), page);
  }

  /** The page holds the words, with an apostrophe as written or as Handlebars escapes it. */
  private static void shows(TestClient.Response page, String words) {
    assertTrue(page.contains(words) || page.contains(words.replace("'", "&#x27;")), "'" + words + "' in " + page.body());
  }

  /**
   * Mrs Patel reads Welsh and brings work into Amira's portfolio: the safe XML and zip readers' refusals
   * (the plugin API's words) are in Welsh, and nothing is imported.
   */
  @Test
  void aWelshTeacherImportingAPackageWithADoctypeIsToldWhyInWelsh() throws java.io.IOException {
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    String feedHead = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:leap2=\"http://terms.leapspecs.org/\">";
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + feedHead + "<entry><id>a</id><title>&x;</title></entry></feed>";
    byte[] doctype = PortfolioIT.zip(Map.of("leap2a.xml", xxe.getBytes(StandardCharsets.UTF_8)));

    TestClient.Response refused = teacher.postFile(AMIRA + "/import", Map.of(), "package", "drwg.zip", "application/zip", doctype);
    assertEquals(422, refused.status(), refused.body());
    shows(refused, "leap2a.xml: Mae'r ffeil yn datgan DOCTYPE, ac nid yw hynny'n cael ei ganiatáu (gall guddio endidau allanol neu fom endidau).");
    shows(refused, "Does dim wedi'i fewnforio.");
    assertFalse(refused.contains("declares a DOCTYPE") || refused.contains("root:"), refused.body());

    byte[] outside = PortfolioIT.zip(Map.of("../leap2a.xml", xxe.getBytes(StandardCharsets.UTF_8)));
    TestClient.Response unopened = teacher.postFile(AMIRA + "/import", Map.of(), "package", "drwg.zip", "application/zip", outside);
    assertEquals(422, unopened.status(), unopened.body());
    shows(unopened, "Doedd dim modd agor y pecyn: Mae'r ffeil zip yn cynnwys llwybr y tu allan i'w ffolder (../leap2a.xml), felly cafodd ei gwrthod.");

    TestClient.Response inEnglish = courtyard.signIn("mrs.patel").postFile(AMIRA + "/import", Map.of(), "package", "bad.zip", "application/zip", doctype);
    assertEquals(422, inEnglish.status(), inEnglish.body());
    assertTrue(inEnglish.contains("leap2a.xml: The file declares a DOCTYPE, which is not allowed"), inEnglish.body());
  }

  @Test
  void aWelshLearnersDownloadNamesHerPortfolioRecordsInWelsh() {
    TestSchool school = courtyard.school();
    TestPerson learner = school.addLearner("Gwen Data");
    TestClient gwen = learner.signIn();
    assertEquals(303, gwen.post("/language", Map.of("language", "cy", "back", "/")).status());
    assertEquals(303, gwen.post("/s/~" + learner.username() + "/manage/tools", Map.of("tool", "portfolio", "action", "add")).status());
    String c = PortfolioIT.collection(gwen, "/s/~" + learner.username() + "/portfolio", "Fy ngwaith", "PARENTS", true);
    assertEquals(303, gwen.post(c + "/text", Map.of("title", "Cerdd", "body", "<p>Mae'r môr yn las</p>", "lang", "pl")).status());

    Map<String, byte[]> download = courtyard.subjectAccess(learner.username());
    String json = new String(download.get("data.json"), StandardCharsets.UTF_8);
    for (String words : new String[] {"Casgliad portffolio", "Gwaith portffolio", "Ysgrifennu neu nodyn", "Fy athrawon a fy rhieni", "ysgrifennu", "Iaith"}) {
      assertTrue(json.contains(words), words + " in data.json: " + json);
    }
    assertTrue(json.contains("\"pl\""), "the work's language is in the download");
    assertFalse(json.contains("Portfolio collection") || json.contains("Who can see it"), "no English kinds or fields: " + json);
  }
}
