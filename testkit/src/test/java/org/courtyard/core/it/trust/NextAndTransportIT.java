package org.courtyard.core.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.config.Config;
import org.courtyard.core.web.routes.AuthRoutes;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Edges: `next` after sign-in stays on the site; HSTS and Secure cookies when the site is https. */
class NextAndTransportIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  /** A school served over https (behind a proxy that ends TLS): its cookies never travel over plain http. */
  @RegisterExtension
  static final CourtyardExtension https = CourtyardExtension.empty()
      .setting(Config.SITE_ADDRESS, "https://learn.oakfield.example")
      .setting(Config.HSTS_SECONDS, "31536000");

  private static String after(String next) {
    TestClient.Response r = courtyard.anonymous().post("/login", Map.of("username", "chloe", "password", "learner-demo-pass", "next", next));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  @Test
  void nextLeadsOnlyToPathsOnThisSite() {
    assertEquals("/s/5-oak?tab=1", after("/s/5-oak?tab=1"));
    for (String evil : new String[] {"/\t/evil.example/x", "//evil.example", "/\\evil.example", "https://evil.example/", "/%09/evil.example",
        "javascript:alert(1)", "/ /evil.example", "/\u0000/evil.example"}) {
      String to = after(evil);
      assertTrue(to.equals("/") || (to.startsWith("/") && !to.startsWith("//") && !to.contains("\\") && !to.contains("\t")), evil + " led to " + to);
      if (!evil.equals("/%09/evil.example")) assertEquals("/", to, evil);
    }
    assertEquals("/", AuthRoutes.safeNext("/\n/evil.example"));
  }

  @Test
  void aNextWithANewlineIsAnsweredNotHung() {
    assertEquals("/", after("/account\r\nSet-Cookie: x=y"));
    TestClient.Response page = courtyard.anonymous().get("/login?next=%2Faccount%0d%0aX-Injected%3A%201");
    assertEquals(200, page.status());
    assertTrue(page.header("X-Injected") == null);
  }

  @Test
  void anHttpsSiteSendsHstsAndSecureCookies() {
    TestClient.Response r = https.anonymous().get("/login");
    assertEquals("max-age=31536000; includeSubDomains", r.header("Strict-Transport-Security"));
    var cookies = r.headers().allValues("Set-Cookie");
    assertTrue(!cookies.isEmpty() && cookies.stream().allMatch(c -> c.contains("Secure") && c.toLowerCase().contains("httponly")), cookies.toString());
    assertTrue(courtyard.anonymous().get("/login").header("Strict-Transport-Security") == null, "not sent unless the school sets it");
  }
}
