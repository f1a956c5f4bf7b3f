package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.core.web.routes.HealthRoutes;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The load balancer's view of a node. */
class HealthIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.empty();

  @Test
  void aNodeSaysItIsUpWithoutStartingASessionAndSaysSoWhenItIsGoingAway() {
    TestClient probe = courtyard.anonymous();
    TestClient.Response up = probe.get("/health");
    assertEquals(200, up.status());
    assertTrue(up.body().contains("\"status\":\"up\""), up.body());
    assertNull(up.header("Set-Cookie"), "a probe every second must not make a session each time");
    courtyard.get(HealthRoutes.class).drain();
    TestClient.Response draining = probe.get("/health");
    assertEquals(503, draining.status(), "a node shutting down tells the balancer to stop sending it work");
  }
}
