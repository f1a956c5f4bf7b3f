package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.Eventually;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Graceful shutdown, as when an operator stops a node behind the load balancer: the node stops
 * taking new work at once, and a request already in flight still gets its whole answer.
 */
class ShutdownIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs").resource("static/echo.css"));

  @Test
  void aRequestInFlightWhenTheNodeStopsIsAnsweredInFullAndNewOnesAreTurnedAway() throws Exception {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient probe = courtyard.anonymous();
    CountDownLatch arrived = latch("SLOW_ARRIVED");
    CountDownLatch release = latch("SLOW_RELEASE");
    try {
      CompletableFuture<TestClient.Response> inFlight = CompletableFuture.supplyAsync(() -> chloe.get("/s/5-oak/echo/slow"));
      assertTrue(arrived.await(30, TimeUnit.SECONDS), "the slow request reached its handler");

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(courtyard::stop);
      assertTrue(Eventually.within(10_000, () -> !answersUp(probe)), "the stopping node turned new requests away");
      assertFalse(stopping.isDone(), "the node waits for the request in flight before it finishes stopping");

      release.countDown();
      TestClient.Response answer = inFlight.get(30, TimeUnit.SECONDS);
      assertEquals(200, answer.status(), answer.body());
      assertEquals("slow answer finished", answer.body());
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
  }

  /** True when the node answers its health check with "up"; false when it says it is draining or refuses the connection. */
  private static boolean answersUp(TestClient probe) {
    try {
      return probe.get("/health").status() == 200;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** The fixture's latch as loaded by the plugin's own class loader. */
  private static CountDownLatch latch(String field) throws ReflectiveOperationException {
    var tool = courtyard.get(ToolRegistry.class).tool("echo").orElseThrow();
    return (CountDownLatch) tool.loader().loadClass(EchoTool.class.getName()).getField(field).get(null);
  }

}
