package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignInIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void signInShowsHomeAndSignOutEndsTheSession() {
    TestClient browser = courtyard.anonymous();
    assertEquals(303, browser.get("/").status(), "signed-out visitors are sent to sign in");
    assertTrue(browser.get("/").location().startsWith("/login"));

    TestClient.Response login = browser.post("/login", Map.of("username", "mrs.patel", "password", "teacher-demo-pass"));
    assertEquals(303, login.status());
    TestClient.Response home = browser.get("/");
    assertEquals(200, home.status());
    assertTrue(home.contains("Hello, Priya"), home.body());
    assertTrue(home.contains("Class 2 Willow"));

    assertEquals(303, browser.post("/logout", Map.of()).status());
    assertEquals(303, browser.get("/").status(), "after sign-out the home page needs sign-in again");
  }

  @Test
  void wrongPasswordIsRefusedWithAPlainMessage() {
    TestClient.Response r = courtyard.anonymous().post("/login", Map.of("username", "chloe", "password", "nope-nope-nope"));
    assertEquals(401, r.status());
    assertTrue(r.contains("Check the username and password"), r.body());
    TestClient.Response unknown = courtyard.anonymous().post("/login", Map.of("username", "nobody", "password", "whatever1"));
    assertTrue(unknown.contains("Check the username and password"), "unknown users get the same answer, so usernames cannot be probed");
  }

  @Test
  void pastFiveWrongPasswordsTheNextTryWaitsEvenWithTheRightOne() {
    TestClient browser = courtyard.anonymous();
    for (int i = 0; i < 5; i++) browser.post("/login", Map.of("username", "ben", "password", "wrong-" + i + "-guess"));
    TestClient.Response r = browser.post("/login", Map.of("username", "ben", "password", "learner-demo-pass"));
    assertEquals(401, r.status());
    assertTrue(r.contains("wait a little"), r.body());
  }

  @Test
  void nextParameterCannotSendPeopleToAnotherSite() {
    TestClient browser = courtyard.anonymous();
    browser.get("/login?next=//evil.example/");
    TestClient.Response r = browser.post("/login", Map.of("username", "chloe", "password", "learner-demo-pass", "next", "//evil.example/"));
    assertEquals("/", r.location());
  }
}
