package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecurityIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    TestClient browser = courtyard.anonymous();
    browser.get("/login");
    TestClient.Response r = browser.postRaw("/login", Map.of("username", "chloe", "password", "learner-demo-pass"));
    assertEquals(403, r.status());
    assertTrue(r.contains("did not come from this site"), r.body());
    assertEquals(303, browser.get("/").status(), "the forged sign-in did not sign anyone in");
  }

  @Test
  void aForgedTokenIsRefusedToo() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient.Response r = teacher.postRaw("/logout", Map.of("_csrf", "forged-token"));
    assertEquals(403, r.status());
    assertEquals(200, teacher.get("/").status(), "still signed in: the forged sign-out did nothing");
  }

  @Test
  void everyAnswerCarriesSecurityHeadersAndTheSessionCookieIsHttpOnly() {
    TestClient.Response r = courtyard.anonymous().get("/login");
    assertNotNull(r.header("Content-Security-Policy"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertEquals("DENY", r.header("X-Frame-Options"));
    String cookie = r.header("set-cookie");
    assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void theSessionIdChangesAtSignIn() {
    TestClient browser = courtyard.anonymous();
    String before = browser.get("/login").header("set-cookie");
    TestClient.Response r = browser.post("/login", Map.of("username", "chloe", "password", "learner-demo-pass"));
    String after = r.header("set-cookie");
    assertNotNull(after, "a new session cookie is set at sign-in");
    assertTrue(!after.split(";")[0].equals(before.split(";")[0]), "session fixation: the id must change");
  }

  @Test
  void pathsOutsideTheAssetsFolderCannotBeRead() {
    assertEquals(404, courtyard.anonymous().get("/assets/core/../../db/core/V1__core.sql").status());
    assertEquals(404, courtyard.anonymous().get("/assets/core/%2e%2e/templates/core/layout.hbs").status());
    assertEquals(200, courtyard.anonymous().get("/assets/core/courtyard.css").status());
  }
}
