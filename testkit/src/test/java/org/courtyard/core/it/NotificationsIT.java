package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotificationsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aPersonSeesTheirOwnNotificationsOnlyAndCanMarkThemRead() {
    long amira = courtyard.get(UserStore.class).byUsername("amira").orElseThrow().id();
    courtyard.get(NotificationStore.class).add("forum", amira, "Mrs Patel replied to your post", "/s/2-willow");
    TestClient browser = courtyard.signIn("amira");
    TestClient.Response home = browser.get("/");
    assertTrue(home.contains("class=\"badge\">1"), "unread count in the header");
    TestClient.Response list = browser.get("/notifications");
    assertTrue(list.contains("Mrs Patel replied to your post"));
    assertFalse(courtyard.signIn("ben").get("/notifications").contains("Mrs Patel replied"), "not shown to anyone else");
    assertEquals(303, browser.post("/notifications/read", Map.of()).status());
    assertFalse(browser.get("/").contains("class=\"badge\""), "no unread count once read");
  }

  @Test
  void notificationLinksStayOnThisSite() {
    long ben = courtyard.get(UserStore.class).byUsername("ben").orElseThrow().id();
    courtyard.get(NotificationStore.class).add("forum", ben, "Look", "https://evil.example/");
    assertFalse(courtyard.signIn("ben").get("/notifications").contains("evil.example"));
  }
}
