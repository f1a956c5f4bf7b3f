package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo school shows homework in use: tasks set, one to mark, one marked and given back, and the notices they sent. */
class HomeworkDemoIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String page(String who, String path) {
    TestClient.Response r = courtyard.signIn(who).get(path);
    assertEquals(200, r.status(), r.body());
    return r.body().replace("&#x27;", "'");
  }

  @Test
  void eachClassHasThreeTasksWithInstructions() {
    for (String cls : new String[] {"2-willow", "5-oak"}) {
      String list = page("mrs.patel", "/s/" + cls + "/homework");
      assertTrue(list.contains("Spellings: words ending -tion"), list);
      assertTrue(list.contains("Reading log"), list);
      assertTrue(list.contains("Write a poem about autumn"), list);
    }
    String amira = page("amira", "/s/2-willow/homework");
    assertTrue(amira.contains("Spellings: words ending -tion") && amira.contains("marked: Satisfactory"), amira);
  }

  @Test
  void theTeachersHomePageHasWorkToMark() {
    String home = page("mrs.patel", "/");
    assertTrue(home.contains("Spellings: words ending -tion"), home);
    assertTrue(home.contains("1 to mark"), home);
    String notices = page("mrs.patel", "/notifications");
    assertTrue(notices.contains("Ben Okafor handed in “Spellings: words ending -tion”"), notices);
    assertTrue(notices.contains("Amira Khan handed in “Write a poem about autumn” late"), notices);
  }

  @Test
  void aLearnerHasTasksDueAndWorkMarkedAndReturned() {
    String home = page("amira", "/");
    assertTrue(home.contains("Spellings: words ending -tion"), home);
    assertTrue(home.contains("Due this week") && home.contains("in 3 days"), home);
    assertTrue(home.contains("Returned to you"), home);
    assertTrue(home.contains("Write a poem about autumn"), home);
    String notices = page("amira", "/notifications");
    assertTrue(notices.contains("New homework: Spellings: words ending -tion"), notices);
    assertTrue(notices.contains("Your “Write a poem about autumn” is marked"), notices);
  }

  @Test
  void aParentSeesTheirChildsWeekAndReturnedWork() {
    String home = page("mr.khan", "/");
    assertTrue(home.contains("Amira"), home);
    assertTrue(home.contains("Spellings: words ending -tion"), home);
    assertTrue(home.contains("Marked and returned"), home);
    String notices = page("mr.khan", "/notifications");
    assertTrue(notices.contains("Amira Khan's “Write a poem about autumn” is marked"), notices);
    String work = page("mr.khan", "/s/2-willow/homework");
    assertTrue(work.contains("Write a poem about autumn"), work);
  }
}
