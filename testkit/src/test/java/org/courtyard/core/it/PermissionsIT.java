package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PermissionsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aLearnerIsRefusedTheStaffRoomWithAPlainPage() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.get("/s/staff-room");
    assertEquals(403, r.status());
    assertTrue(r.contains("You do not have permission"), r.body());
    assertFalse(r.contains("Exception"), "no stack trace on a denial");
    assertEquals(200, chloe.get("/s/5-oak").status());
  }

  @Test
  void staffGetIntoTheStaffRoom() {
    assertEquals(200, courtyard.signIn("mrs.patel").get("/s/staff-room").status());
  }

  @Test
  void aParentSeesTheirChildsSpacesAndNotAnotherChilds() {
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(200, parent.get("/s/~amira").status(), "their own child's personal space");
    assertEquals(200, parent.get("/s/2-willow").status(), "their child's class, as a viewer");
    assertEquals(403, parent.get("/s/~ben").status(), "another child's personal space");
    assertEquals(403, parent.get("/s/~chloe").status());
    assertEquals(403, parent.get("/s/5-oak").status(), "a class their child is not in");
    assertEquals(403, parent.get("/s/staff-room").status());
  }

  @Test
  void aLearnerCannotOpenAnotherLearnersPersonalSpace() {
    assertEquals(403, courtyard.signIn("ben").get("/s/~amira").status());
    assertEquals(200, courtyard.signIn("ben").get("/s/~ben").status());
  }

  @Test
  void unknownSpacesAre404() {
    assertEquals(404, courtyard.signIn("chloe").get("/s/no-such-space").status());
  }
}
