package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.it.fixtures.EchoTool;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two schools on one installation, plus a cluster space shared between them. */
class MultiSchoolIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .plugin(PluginJar.fixture("echo").extension(EchoTool.class).resource("templates/echo.hbs"));

  @BeforeAll
  static void secondSchool() {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    Accounts accounts = courtyard.get(Accounts.class);
    Space elm = spaces.createSchool("elmwood", "Elmwood Primary");
    Space cls = spaces.create(new SpaceStore.NewSpace(elm.id(), SpaceKind.CLASS, "elm-3", "Elm Class 3", ""));
    User dan = accounts.create(new UserStore.NewUser(elm.id(), "dan", "Dan Evans", UserKind.LEARNER, null, "learner-pass-1", null, false));
    spaces.addMember(cls.id(), dan.id(), Role.MEMBER, false);
    spaces.addTool(cls.id(), "echo");
    // Elmwood has not enabled the echo tool; Oakfield (the demo) has.
    courtyard.get(SchoolStore.class).setBranding(elm.id(), "#006400", "#ffcc00");

    Space cluster = spaces.create(new SpaceStore.NewSpace(null, SpaceKind.CLUSTER, "story-cluster", "Never-ending story", "Six schools write one story"));
    spaces.addMember(cluster.id(), dan.id(), Role.MEMBER, false);
    spaces.addMember(cluster.id(), courtyard.get(UserStore.class).byUsername("chloe").orElseThrow().id(), Role.MEMBER, false);
    spaces.addTool(cluster.id(), "echo");
  }

  @Test
  void toolChoicesArePerSchool() {
    assertEquals(200, courtyard.signIn("chloe").get("/s/5-oak/echo").status(), "enabled at Oakfield");
    TestClient dan = courtyard.signIn("dan", "learner-pass-1");
    assertEquals(404, dan.get("/s/elm-3/echo").status(), "not enabled at Elmwood");
    assertFalse(dan.get("/s/elm-3").contains("/s/elm-3/echo"));
    long elm = courtyard.get(SpaceStore.class).bySlug("elmwood").orElseThrow().id();
    courtyard.get(SchoolStore.class).setToolEnabled(elm, "echo", true);
    assertEquals(200, dan.get("/s/elm-3/echo").status(), "once Elmwood enables it");
    courtyard.get(SchoolStore.class).setToolEnabled(elm, "echo", false);
  }

  @Test
  void anIctLeaderCannotLookIntoAnotherSchoolsPeopleOrAddThem() {
    // Elmwood's head runs Elmwood only (Oakfield's ict.leader is also the site's admin).
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    Space elm = spaces.bySlug("elmwood").orElseThrow();
    if (courtyard.get(UserStore.class).byUsername("elm.head").isEmpty()) {
      User head = courtyard.get(Accounts.class).create(new UserStore.NewUser(elm.id(), "elm.head", "Eve Head", UserKind.STAFF, null, "elm-head-pass", null, false));
      spaces.addMember(elm.id(), head.id(), Role.OWNER, true);
    }
    TestClient elmHead = courtyard.signIn("elm.head", "elm-head-pass");
    TestClient.Response why = elmHead.get("/admin/elmwood/why?user=amira&capability=space.view&space=2-willow");
    assertEquals(200, why.status());
    assertTrue(why.contains("There is no account"), "Oakfield's learner is not Elmwood's to explain");
    assertFalse(why.contains("Amira Khan") || why.contains("Class 2 Willow"));
    TestClient ict = courtyard.signIn("ict.leader");
    TestClient.Response add = ict.post("/s/5-oak/manage/add-member", Map.of("username", "dan", "role", "MEMBER"));
    assertEquals(422, add.status(), "nobody is added across schools");
    assertTrue(add.contains("Nobody you can add here has the username"));
  }

  @Test
  void brandingIsPerSchool() {
    TestClient dan = courtyard.signIn("dan", "learner-pass-1");
    TestClient.Response page = dan.get("/s/elm-3");
    assertTrue(page.contains("Elmwood Primary"), "the layout shows the space's school");
    long elm = courtyard.get(SpaceStore.class).bySlug("elmwood").orElseThrow().id();
    assertTrue(dan.get("/theme/" + elm + ".css").contains("#006400"));
    long oak = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    assertFalse(dan.get("/theme/" + oak + ".css").contains("#006400"));
  }

  @Test
  void learnersOfBothSchoolsMeetInTheClusterSpaceButNotInEachOthersClasses() {
    TestClient dan = courtyard.signIn("dan", "learner-pass-1");
    TestClient chloe = courtyard.signIn("chloe");
    assertEquals(200, dan.get("/s/story-cluster").status());
    assertEquals(200, chloe.get("/s/story-cluster/echo").status());
    assertEquals(403, dan.get("/s/5-oak").status());
    assertEquals(403, chloe.get("/s/elm-3").status());
  }
}
