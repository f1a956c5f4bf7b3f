package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestPerson;
import org.courtyard.testkit.TestSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
}
