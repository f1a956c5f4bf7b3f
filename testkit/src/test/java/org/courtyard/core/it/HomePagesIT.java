package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.core.it.fixtures.DuesTool;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Home pages by role, made from every tool's agenda through the core: a teacher sees what is waiting
 * across their classes, a learner what is due with time left, a parent each child's week (their own
 * children only), the ICT leader what needs attention; a tool whose agenda fails is left out.
 */
class HomePagesIT {
  static final PluginJar JAR = PluginJar.fixture("dues").extension(DuesTool.class).extension(DuesTool.BrokenAgendaTool.class)
      .with(DuesTool.DuesAgenda.class).with(DuesTool.Broken.class);

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(JAR);

  @Test
  void aTeacherSeesWhatIsWaitingAcrossHerClassesDespiteABrokenTool() {
    TestClient.Response home = courtyard.signIn("mrs.patel").get("/");
    assertEquals(200, home.status(), home.body());
    assertTrue(home.contains("Waiting for you"), home.body());
    assertTrue(home.contains("2 to mark: Spelling test"), home.body());
    assertTrue(home.contains("href=\"/s/5-oak/dues/task\"") && home.contains("href=\"/s/2-willow/dues/task\""), "each of her classes");
    assertTrue(home.contains("waiting since "), "how long it has waited");
    assertTrue(home.contains("Due this week") && home.contains("in 2 days"), home.body());
  }

  @Test
  void aLearnerSeesWhatIsDueWithTimeLeftAndNothingToMark() {
    TestClient.Response home = courtyard.signIn("chloe").get("/");
    assertFalse(home.contains("to mark"), "the core drops what her capabilities do not allow: " + home.body());
    assertTrue(home.contains("To do") && home.contains("To hand in"), home.body());
    assertTrue(home.contains("in 2 days") && home.contains("Not handed in yet"), home.body());
    assertFalse(home.contains("/s/2-willow/dues/task"), "not a class she is not in");
  }

  @Test
  void aParentSeesTheirOwnChildsWeekAndNoOneElses() {
    TestClient.Response home = courtyard.signIn("mr.khan").get("/");
    assertTrue(home.contains("This week"), home.body());
    assertTrue(home.contains("Spelling test for Amira Khan") && home.contains("href=\"/s/2-willow/dues/task\""), "Amira's class: " + home.body());
    assertFalse(home.contains("Spelling test for Ben Okafor"), "Ben shares her class but is not his child");
    assertFalse(home.contains("/s/5-oak/dues/task"), "nor another child's class");
    assertTrue(home.contains("Not handed in yet"), "whether it is handed in");
    assertFalse(home.contains("Waiting for you"), "a parent has nothing to mark");
  }

  @Test
  void theIctLeaderSeesWhatNeedsAttention() {
    TestClient.Response home = courtyard.signIn("ict.leader").get("/");
    assertTrue(home.contains("Needs your attention") && home.contains("Every plugin is running."), home.body());
  }

  @Test
  void homePagesSpeakTheReadersLanguage() {
    TestClient.Response teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy").get("/");
    assertTrue(teacher.contains("Yn aros amdanoch chi") && teacher.contains("2 i&#x27;w marcio: Spelling test"), teacher.body());
    TestClient.Response parent = courtyard.signIn("mr.khan").header("Accept-Language", "ar").get("/");
    assertTrue(parent.contains("هذا الأسبوع") && parent.contains("بعد يومين") && parent.contains("لم يُسلَّم بعد"), parent.body());
  }
}
