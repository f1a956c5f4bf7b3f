package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.api.SpaceKind;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RestartIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void dataSurvivesARestart() {
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    courtyard.get(SpaceStore.class).create(new SpaceStore.NewSpace(school, SpaceKind.CLUB, "chess-club", "Chess club", "Tuesdays"));
    courtyard.get(UserStore.class).setPassword(courtyard.get(UserStore.class).byUsername("chloe").orElseThrow().id(), "a-brand-new-pass");
    long users = courtyard.get(UserStore.class).count();

    courtyard.restart();

    assertEquals(users, courtyard.get(UserStore.class).count());
    TestClient chloe = courtyard.signIn("chloe", "a-brand-new-pass");
    TestClient admin = courtyard.signIn("ict.leader");
    TestClient.Response club = admin.get("/s/chess-club");
    assertEquals(200, club.status());
    assertTrue(club.contains("Chess club"));
    assertEquals(200, chloe.get("/").status());
  }
}
