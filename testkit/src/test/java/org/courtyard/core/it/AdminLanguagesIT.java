package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administration pages in the reader's language, the school's choice of languages and its
 * default, and the school's own words for a message.
 */
class AdminLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  /** Handlebars writes an apostrophe as &#x27;; the tests read words, so either will do. */
  private static boolean says(TestClient.Response page, String words) {
    return page.contains(words) || page.contains(words.replace("'", "&#x27;")) || page.contains(words.replace("\"", "&quot;"));
  }

  private static TestClient welshAdmin() {
    return courtyard.signIn("ict.leader").header("Accept-Language", "cy");
  }

  @Test
  void anIctLeaderReadsTheAdminPagesInWelshWhilePeoplesNamesStayAsWritten() {
    TestClient admin = welshAdmin();
    Map<String, String> pages = Map.ofEntries(
        Map.entry("/admin/oakfield", "Ar yr olwg gyntaf"),
        Map.entry("/admin/oakfield/plugins", "Ategion"),
        Map.entry("/admin/oakfield/plugins/catalogue", "Catalog ategion"),
        Map.entry("/admin/oakfield/users", "Ychwanegu person"),
        Map.entry("/admin/oakfield/spaces", "Creu gofod"),
        Map.entry("/admin/oakfield/branding", "Enw, logo a lliwiau"),
        Map.entry("/admin/oakfield/usage", "Y 7 diwrnod diwethaf"),
        Map.entry("/admin/oakfield/why", "Pam y gallan nhw neu na allan nhw?"),
        Map.entry("/admin/oakfield/import", "Mewnforio'r gofrestr o'r MIS"),
        Map.entry("/admin/oakfield/import/history", "Hanes mewnforio"),
        Map.entry("/admin/oakfield/audit", "Log archwilio"),
        Map.entry("/admin/oakfield/privacy", "Tasgau wedi'u trefnu"),
        Map.entry("/admin/oakfield/languages", "Geiriau eich ysgol ei hun"));
    pages.forEach((path, welsh) -> {
      TestClient.Response page = admin.get(path);
      assertEquals(200, page.status(), path);
      assertTrue(page.contains("<html lang=\"cy\""), path);
      assertTrue(says(page, welsh), path + " in Welsh: " + page.body());
    });
    TestClient.Response people = admin.get("/admin/oakfield/users");
    assertTrue(people.contains("chloe") && people.contains("mrs.patel"), "usernames as written");
    assertFalse(people.contains("Add a person"), "no English left on the form");

    long chloe = courtyard.userId("chloe");
    TestClient.Response person = admin.get("/admin/oakfield/users/" + chloe);
    assertTrue(says(person, "Mewngofnodi â lluniau") && says(person, "Allgofnodi ym mhobman"), person.body());
    TestClient.Response data = admin.get("/admin/oakfield/users/" + chloe + "/data");
    assertTrue(says(data, "Mynediad at ddata'r unigolyn"), data.body());

    TestClient.Response refused = admin.post("/admin/oakfield/privacy/year-end", Map.of("year", "last year"));
    assertEquals(422, refused.status());
    assertTrue(says(refused, "Enwch y flwyddyn a ddaeth i ben fel 2025-26. Ni newidiwyd dim."), "a refusal in Welsh: " + refused.body());
    TestClient.Response saved = admin.post("/admin/oakfield/audit/settings", Map.of("days", "400"));
    assertEquals(303, saved.status());
    TestClient.Response audit = admin.get(saved.location());
    assertTrue(says(audit, "Mae'r log archwilio bellach yn cadw cofnodion am 400 diwrnod."), "the flash in Welsh: " + audit.body());

    TestClient.Response english = courtyard.signIn("ict.leader").get("/admin/oakfield/users");
    assertTrue(english.contains("Add a person") && english.contains("<html lang=\"en\""), "the same page in English for an English browser");
  }

  @Test
  void theSchoolChoosesItsLanguagesAndAVisitorAskingForNoneOfThemGetsTheDefault() {
    TestClient admin = courtyard.signIn("ict.leader");
    try {
      TestClient.Response form = admin.get("/admin/oakfield/languages");
      assertTrue(form.contains("Cymraeg") && form.contains("العربية"), "every shipped language, each in its own name");

      TestClient.Response refused = admin.postPairs("/admin/oakfield/languages", "offered", "pl", "default", "cy");
      assertEquals(422, refused.status());
      assertTrue(says(refused, "Cymraeg is not offered, so it cannot be the default. Nothing was changed."), refused.body());

      TestClient.Response saved = admin.postPairs("/admin/oakfield/languages", "offered", "cy", "offered", "pl", "default", "cy");
      assertEquals(303, saved.status());
      assertTrue(says(admin.get(saved.location()), "The school's languages are saved."));

      assertTrue(courtyard.anonymous().header("Accept-Language", "fr-FR,fr;q=0.9,de;q=0.5").getFollowing("/login").contains("<html lang=\"cy\""),
          "a browser asking for none of the school's languages gets its default");
      assertTrue(courtyard.anonymous().header("Accept-Language", "ar").getFollowing("/login").contains("<html lang=\"cy\""),
          "Arabic is no longer offered, so the default");
      assertTrue(courtyard.anonymous().header("Accept-Language", "pl").getFollowing("/login").contains("<html lang=\"pl\""), "Polish is offered");
      assertTrue(courtyard.anonymous().header("Accept-Language", "en-GB").getFollowing("/login").contains("<html lang=\"en\""), "English always is");

      TestClient.Response page = admin.get("/admin/oakfield/languages");
      assertTrue(page.contains("name=\"offered\" value=\"pl\" checked"), page.body());
      assertFalse(page.contains("name=\"offered\" value=\"ar\" checked"));
      assertTrue(page.contains("<option value=\"cy\" lang=\"cy\" selected>"), "the default is shown as chosen");
    } finally {
      assertEquals(303, admin.postPairs("/admin/oakfield/languages", "offered", "cy", "offered", "pl", "offered", "ur", "offered", "ar",
          "default", "en").status());
    }
  }

  @Test
  void theSchoolSetsAndClearsItsOwnWordsForAMessage() {
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response found = admin.get("/admin/oakfield/languages?find=Add+a+person");
    assertTrue(found.contains("admin.users.add"), "finding a message by its words gives its key: " + found.body());

    TestClient.Response broken = admin.post("/admin/oakfield/languages/overrides",
        Map.of("action", "set", "language", "cy", "key", "admin.users.add", "message", "Ychwanegu {oops"));
    assertEquals(422, broken.status());
    assertTrue(says(broken, "unmatched brace"), broken.body());
    assertTrue(broken.contains("value=\"Ychwanegu {oops\""), "what was typed is kept to correct");

    TestClient.Response set = admin.post("/admin/oakfield/languages/overrides",
        Map.of("action", "set", "language", "cy", "key", "admin.users.add", "message", "Ychwanegu disgybl neu aelod o staff"));
    assertEquals(303, set.status());
    TestClient.Response listed = admin.get(set.location());
    assertTrue(says(listed, "Your words for admin.users.add are saved."), listed.body());
    assertTrue(listed.contains("Ychwanegu disgybl neu aelod o staff") && listed.contains("Ychwanegu person"),
        "the school's words beside Courtyard's own");

    // The school's words are what everyone reading that language sees, on every page and in tools' pages too.
    assertEquals(303, admin.post("/admin/oakfield/languages/overrides",
        Map.of("action", "set", "language", "en", "key", "layout.results", "message", "Marks and progress")).status());
    assertTrue(courtyard.signIn("mrs.patel").get("/s/2-willow").contains(">Marks and progress<"), "the space menu uses the school's words");
    assertFalse(courtyard.signIn("mrs.patel").header("Accept-Language", "cy").get("/s/2-willow").contains("Marks and progress"),
        "only in the language it was set for");
    assertEquals(303, admin.post("/admin/oakfield/languages/overrides", Map.of("action", "clear", "language", "en", "key", "layout.results")).status());
    assertTrue(courtyard.signIn("mrs.patel").get("/s/2-willow").contains(">Results<"), "cleared: Courtyard's own words again");

    TestClient.Response cleared = admin.post("/admin/oakfield/languages/overrides", Map.of("action", "clear", "language", "cy", "key", "admin.users.add"));
    assertEquals(303, cleared.status());
    TestClient.Response after = admin.get(cleared.location());
    assertFalse(after.contains("Ychwanegu disgybl neu aelod o staff"), "the override is gone");
    assertTrue(says(after, "Your school uses Courtyard's own words everywhere."));

    assertEquals(403, courtyard.signIn("mrs.patel").post("/admin/oakfield/languages/overrides",
        Map.of("action", "set", "language", "cy", "key", "admin.users.add", "message", "x")).status(), "only the school's admin");
  }
}
