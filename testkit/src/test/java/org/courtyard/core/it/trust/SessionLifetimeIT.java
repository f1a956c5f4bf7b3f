package org.courtyard.core.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.web.session.DatabaseSessionStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions: credential changes end the others, lifetimes are shorter for learners, visitors store nothing. */
class SessionLifetimeIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  private static long id(String username) { return courtyard.get(UserStore.class).byUsername(username).orElseThrow().id(); }

  private static boolean signedIn(TestClient browser) { return browser.get("/").status() == 200; }

  @Test
  void changingMyPasswordSignsMeOutEverywhereElse() {
    TestClient laptop = courtyard.signIn("chloe");
    TestClient phone = courtyard.signIn("chloe");
    assertEquals(303, laptop.post("/account/password", Map.of("current", "learner-demo-pass", "password", "a-new-pass-123", "repeat", "a-new-pass-123")).status());
    assertTrue(signedIn(laptop), "the browser that changed it stays signed in");
    assertEquals(303, phone.get("/").status(), "the other is signed out");
    assertEquals(303, laptop.post("/account/password", Map.of("current", "a-new-pass-123", "password", "learner-demo-pass", "repeat", "learner-demo-pass")).status());
  }

  @Test
  void anAdminResetEndsEverySessionOfThePerson() {
    TestClient ben = courtyard.signIn("ben");
    TestClient ict = courtyard.signIn("ict.leader");
    assertEquals(303, ict.post("/admin/oakfield/users/" + id("ben") + "/password", Map.of("password", "learner-demo-pass")).status());
    assertEquals(303, ben.get("/").status());
    TestClient again = courtyard.signIn("ben");
    assertEquals(303, ict.post("/admin/oakfield/users/" + id("ben") + "/sign-out", Map.of()).status());
    assertEquals(303, again.get("/").status(), "sign out everywhere");
  }

  @Test
  void aVisitorWhoOnlyLooksLeavesNoStoredSession() {
    DatabaseSessionStore store = courtyard.get(DatabaseSessionStore.class);
    long before = store.stored();
    for (int i = 0; i < 5; i++) {
      TestClient visitor = courtyard.anonymous();
      assertEquals(200, visitor.get("/login").status());
      assertEquals(401, visitor.post("/login", Map.of("username", "nobody", "password", "wrong-password")).status());
      visitor.get("/picture");
    }
    assertEquals(before, store.stored(), "no row for visitors");
  }

  @Test
  void theFormTokenChangesAtSignIn() {
    TestClient browser = courtyard.anonymous();
    browser.get("/login");
    String before = browser.csrfToken();
    browser.login("chloe", "learner-demo-pass");
    assertNotEquals(before, browser.csrfToken());
    // The token seen before signing in no longer works for a signed-in form.
    TestClient.Response stale = browser.postRaw("/account/password", Map.of("_csrf", before, "current", "x", "password", "y", "repeat", "y"));
    assertEquals(403, stale.status());
  }

  @Test
  void aLearnersSessionEndsSoonerThanATeachers() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient teacher = courtyard.signIn("mrs.patel");
    // Both keep using the site, so only the lifetime from sign-in can end a session.
    for (int minutes = 55; minutes <= 7 * 55; minutes += 55) {
      courtyard.advanceClock(Duration.ofMinutes(55));
      assertTrue(signedIn(teacher));
      if (minutes < 6 * 60) assertTrue(signedIn(chloe), "still within six hours at " + minutes + " minutes");
      else assertEquals(303, chloe.get("/").status(), "a learner's session lasts six hours from sign-in");
    }
    assertTrue(signedIn(teacher), "a teacher's lasts twelve");
  }

  @Test
  void anIdleLearnerIsSignedOutAfterAnHour() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient teacher = courtyard.signIn("mrs.patel");
    courtyard.advanceClock(Duration.ofMinutes(65));
    assertEquals(303, chloe.get("/").status());
    assertTrue(signedIn(teacher), "staff sessions idle for eight hours");
  }
}
