package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void changingThePasswordRetiresTheOldOne() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.post("/account/password", Map.of("current", "learner-demo-pass", "password", "my-new-secret", "repeat", "my-new-secret"));
    assertEquals(303, r.status(), r.body());
    assertEquals(401, courtyard.anonymous().post("/login", Map.of("username", "chloe", "password", "learner-demo-pass")).status());
    courtyard.signIn("chloe", "my-new-secret");
  }

  @Test
  void aWrongCurrentPasswordOrAShortOneChangesNothing() {
    TestClient parent = courtyard.signIn("mr.khan");
    TestClient.Response wrong = parent.post("/account/password", Map.of("current", "guess-guess", "password", "another-secret", "repeat", "another-secret"));
    assertEquals(422, wrong.status());
    assertTrue(wrong.contains("current password is not right"));
    TestClient.Response shortOne = parent.post("/account/password", Map.of("current", "parent-demo-pass", "password", "short", "repeat", "short"));
    assertEquals(422, shortOne.status());
    assertTrue(shortOne.contains("at least 8 characters"));
    TestClient.Response mismatch = parent.post("/account/password", Map.of("current", "parent-demo-pass", "password", "another-secret", "repeat", "another-secreT"));
    assertEquals(422, mismatch.status());
    courtyard.signIn("mr.khan", "parent-demo-pass");
  }

  @Test
  void aParentSeesTheirChildrenOnTheirAccount() {
    assertTrue(courtyard.signIn("mr.khan").get("/account").contains("Amira Khan"));
  }
}
