package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.courtyard.core.db.Db;
import org.courtyard.core.web.WebServer;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions live in the database: they outlast a restart (a teacher mid-lesson is not thrown out) but not their time. */
class SessionIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aPersonStaysSignedInThroughARestart() {
    TestClient chloe = courtyard.signIn("chloe");
    courtyard.restart();
    TestClient.Response home = chloe.at(courtyard.baseUri()).get("/");
    assertEquals(200, home.status(), home.body());
    assertTrue(home.contains("Chloe"), "still signed in as Chloe");
  }

  @Test
  void signingInStartsANewSessionAndSigningOutRemovesItFromTheDatabase() {
    TestClient visitor = courtyard.anonymous();
    visitor.get("/login");
    String before = visitor.cookie(WebServer.SESSION_COOKIE);
    visitor.login("amira", "learner-demo-pass");
    String after = visitor.cookie(WebServer.SESSION_COOKIE);
    assertTrue(before != null && after != null && !before.equals(after), "a new session id on sign-in (no session fixation)");
    assertEquals(0, courtyard.get(Db.class).count("SELECT COUNT(*) FROM web_sessions WHERE id = ?", before), "the old session is gone");
    assertEquals(1, courtyard.get(Db.class).count("SELECT COUNT(*) FROM web_sessions WHERE id = ?", after));
    assertEquals(303, visitor.post("/logout", java.util.Map.of()).status());
    assertEquals(0, courtyard.get(Db.class).count("SELECT COUNT(*) FROM web_sessions WHERE id = ?", after), "signing out deletes it");
  }

  @Test
  void aSessionUnusedForLongerThanTheTimeoutNoLongerSignsAnyoneIn() {
    TestClient ben = courtyard.signIn("ben");
    assertEquals(200, ben.get("/").status());
    courtyard.advanceClock(Duration.ofMinutes(8 * 60 + 2));
    TestClient.Response later = ben.get("/");
    assertEquals(303, later.status(), "sent to sign in again");
    assertTrue(later.location().startsWith("/login"), later.location());
  }
}
