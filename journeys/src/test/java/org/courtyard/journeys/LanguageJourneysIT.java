package org.courtyard.journeys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.testkit.CourtyardExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Welsh-reading learner and an Arabic-reading parent, in a real browser: each chooses their language
 * on the sign-in page before signing in, and every page after says it (lang, and dir for Arabic) and
 * passes the audit (axe, and no sideways scrolling at 320 px) laid out in that direction. A server of
 * their own, so their language choices touch no other journey.
 */
class LanguageJourneysIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = JourneysIT.withShippedPlugins(CourtyardExtension.withDemoSchool());

  static Browser browser() { return new Browser(courtyard.baseUri(), JourneysIT.OUT); }

  static Browser chooseThenSignIn(Browser b, String language, String username, String password) {
    b.go("/login").select("Language", language).press("Change");
    b.fill("username", username).fill("password", password).submitWith("password");
    assertFalse(b.path().equals("/login"), "signed in as " + username + ": " + b.text());
    return b;
  }

  @Test
  void aWelshLearnerReadsHerClassAndWritesANoteInWelsh() throws Exception {
    try (Browser chloe = browser()) {
      chooseThenSignIn(chloe, "Cymraeg", "chloe", "learner-demo-pass");
      for (String page : new String[] {"/", "/s/5-oak", "/s/5-oak/hello", "/notifications", "/account"}) {
        chloe.go(page);
        assertTrue(chloe.html().contains("lang=\"cy\""), page + " says it is in Welsh");
      }
      assertTrue(chloe.text().contains("Hafan") && chloe.text().contains("Fy nghyfrif"), "the frame in Welsh: " + chloe.text());
      chloe.go("/s/5-oak/hello/new").fill("text", "Bore da, Dosbarth 5").submitWith("text");
      assertTrue(chloe.text().contains("Bore da, Dosbarth 5") && chloe.text().contains("Nodiadau helo"), chloe.text());
      chloe.screenshot("welsh-learner-note");
      JourneysIT.assertAccessible(chloe);
    }
  }

  @Test
  void anArabicReadingParentSeesHisChildsClassRightToLeft() throws Exception {
    try (Browser parent = browser()) {
      chooseThenSignIn(parent, "العربية", "mr.khan", "parent-demo-pass");
      for (String page : new String[] {"/", "/s/2-willow", "/s/2-willow/homework", "/s/2-willow/results", "/notifications", "/account"}) {
        parent.go(page);
        assertTrue(parent.html().contains("lang=\"ar\"") && parent.html().contains("dir=\"rtl\""), page + " says Arabic, right to left");
      }
      assertTrue(parent.text().contains("الإشعارات"), "the frame in Arabic: " + parent.text());
      parent.screenshot("arabic-parent");
      JourneysIT.assertAccessible(parent);
    }
  }
}
