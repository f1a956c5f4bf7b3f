package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the signs gallery says is waiting, through the core's agenda after real uploads and approvals. */
class SignsAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";

  static Browser as(String username) {
    return Browser.signIn(courtyard.baseUri(), username, courtyard.school().person(username).password());
  }

  static List<Waiting> toApprove(String username) {
    return courtyard.waitingFor(username).stream().filter(w -> w.kind() == Waiting.Kind.TO_APPROVE).toList();
  }

  @Test
  void aLearnersUploadWaitsForTheTeacherUntilApprovedOrTurnedDown() {
    Browser teacher = as("mrs.patel");
    teacher.get(WILLOW + "/uploaders");
    assertEquals(303, teacher.post(WILLOW + "/uploaders", Map.of("learner", Long.toString(courtyard.userId("amira")))).status());
    try {
      assertTrue(toApprove("mrs.patel").isEmpty(), "nothing waits before anyone uploads");
      SignsIT.upload(teacher, WILLOW, "Teachers own sign", SignsIT.mp4(40_000, 11));
      assertTrue(toApprove("mrs.patel").isEmpty(), "a teacher's own sign needs no approval");

      Browser amira = as("amira");
      String first = SignsIT.upload(amira, WILLOW, "Rainbow", SignsIT.mp4(40_000, 12));
      String second = SignsIT.upload(amira, WILLOW, "Thunder", SignsIT.mp4(40_000, 13));

      List<Waiting> waiting = toApprove("mrs.patel");
      assertEquals(1, waiting.size(), "one item for the gallery: " + waiting);
      Waiting w = waiting.get(0);
      assertEquals(2, w.count());
      assertEquals("Class 2 Willow", w.title(), "the space's name as the school wrote it");
      assertEquals("2-willow", w.space().slug());
      assertEquals(WILLOW + "/pending", w.url());
      assertNotNull(w.oldest());
      assertTrue(!w.oldest().isAfter(Instant.now().plus(Duration.ofMinutes(1))));
      assertTrue(teacher.get(w.url()).contains("Rainbow"), "the link leads to the waiting signs");

      assertTrue(toApprove("amira").isEmpty(), "the uploader approves nothing");
      assertTrue(toApprove("ben").isEmpty(), "nor does another learner");
      assertTrue(courtyard.waitingFor("mr.khan").isEmpty(), "nor a parent");

      assertEquals(303, teacher.post(first + "/approve", Map.of()).status());
      assertEquals(1, toApprove("mrs.patel").get(0).count(), "the approved one leaves");
      assertEquals(303, teacher.post(second + "/reject", Map.of()).status());
      assertTrue(toApprove("mrs.patel").isEmpty(), "turning down the last one clears it");
    } finally {
      teacher.post(WILLOW + "/uploaders", Map.of());
    }
  }
}
