package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the portfolio says is waiting, through the core's agenda after real comments. */
class PortfolioAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static final String AMIRA = "/s/~amira/portfolio";

  static String collection(TestClient owner, String title) {
    TestClient.Response r = owner.post(AMIRA + "/collections", Map.of("title", title, "visibility", "PARENTS", "comments", "on"));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static List<Waiting> toRead(String username) {
    return courtyard.waitingFor(username).stream().filter(w -> w.kind() == Waiting.Kind.TO_READ).toList();
  }

  @Test
  void commentsOthersLeaveOnAmirasPortfolioAreHersToReadForTwoWeeks() {
    TestClient amira = courtyard.signIn("amira");
    String c = collection(amira, "My river project");
    assertEquals(303, amira.post(c + "/comments", Map.of("body", "I added the map")).status());
    assertTrue(toRead("amira").isEmpty(), "her own comment is not news to her");

    assertEquals(303, courtyard.signIn("mrs.patel").post(c + "/comments", Map.of("body", "Lovely map")).status());
    assertEquals(303, courtyard.signIn("mr.khan").post(c + "/comments", Map.of("body", "So proud")).status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    String plan = teacher.post(AMIRA + "/collections", Map.of("title", "Support plan", "visibility", "SCHOOL", "staff-only", "on")).location();
    assertEquals(303, teacher.post(plan + "/comments", Map.of("body", "Reviewed with her parents")).status());

    List<Waiting> waiting = toRead("amira");
    assertEquals(1, waiting.size(), "one item for the collection, none for the staff-only plan she does not see: " + waiting);
    Waiting w = waiting.get(0);
    assertEquals("My river project", w.title());
    assertEquals(2, w.count(), "the teacher's and her father's");
    assertEquals("~amira", w.space().slug());
    assertEquals(c, w.url());
    assertTrue(amira.get(w.url()).contains("Lovely map"), "the link leads to the comments");

    assertTrue(toRead("ben").isEmpty(), "nothing of Amira's for Ben");
    assertTrue(toRead("mrs.patel").isEmpty(), "nor for the teacher who wrote one");

    courtyard.advanceClock(Duration.ofDays(15));
    assertTrue(toRead("amira").isEmpty(), "after two weeks they are no longer new");
  }
}
