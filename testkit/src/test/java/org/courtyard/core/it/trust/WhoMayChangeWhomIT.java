package org.courtyard.core.it.trust;

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
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account takeovers the trust issue found, each refused through real HTTP: personal spaces take
 * no members, learners add nobody, only a child's teachers or the ICT leader set their pictures or
 * password, and looking someone up tells nothing about usernames. Teachers do what schools expect.
 */
class WhoMayChangeWhomIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  private static User user(String username) { return courtyard.get(UserStore.class).byUsername(username).orElseThrow(); }

  private static TestClient.Response pictures(String username, String... picks) {
    String code = courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode();
    TestClient b = courtyard.anonymous();
    TestClient.Response r = null;
    for (String p : picks) r = b.post("/picture/" + code + "/" + user(username).id(), Map.of("pick", p));
    return r;
  }

  private static String error(TestClient.Response r) {
    int at = r.body().indexOf("class=\"error\"");
    return at < 0 ? "" : r.body().substring(at, r.body().indexOf("</p>", at));
  }

  @BeforeAll
  static void otherStaff() {
    Space school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow();
    Accounts accounts = courtyard.get(Accounts.class);
    // Mr Jones runs the chess club and teaches nobody; Ms Green teaches another class.
    User jones = accounts.create(new UserStore.NewUser(school.id(), "mr.jones", "Tom Jones", UserKind.STAFF, null, "jones-demo-pass", null, false));
    User green = accounts.create(new UserStore.NewUser(school.id(), "ms.green", "Ann Green", UserKind.STAFF, null, "green-demo-pass", null, false));
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    Space chess = spaces.create(new SpaceStore.NewSpace(school.id(), SpaceKind.CLUB, "chess-club", "Chess club", ""));
    spaces.addMember(chess.id(), jones.id(), Role.OWNER, false);
    Space y5 = spaces.bySlug("year-5").orElseThrow();
    Space birch = spaces.create(new SpaceStore.NewSpace(y5.id(), SpaceKind.CLASS, "5-birch", "Class 5 Birch", ""));
    spaces.addMember(birch.id(), green.id(), Role.OWNER, false);
  }

  @Test
  void aLearnerCannotAddAnotherLearnerToHerOwnSpaceNorSetTheirPictures() {
    TestClient amira = courtyard.signIn("amira");
    TestClient.Response add = amira.post("/s/~amira/manage/add-member", Map.of("username", "ben", "role", "OWNER"));
    assertEquals(422, add.status());
    assertTrue(add.contains("Personal spaces have no members"), add.body());
    TestClient.Response set = amira.post("/s/~amira/manage/pictures", Map.of("user", Long.toString(user("ben").id()),
        "picture1", "cat", "picture2", "cat", "picture3", "cat", "picture4", "cat"));
    assertEquals(422, set.status());
    assertEquals(303, pictures("ben", "dog", "star", "moon", "cake").status(), "Ben's pictures are still his own");
    assertEquals(401, pictures("ben", "cat", "cat", "cat", "cat").status(), "and Amira's choice does not work");
    assertFalse(amira.get("/s/~amira/manage").contains("id=\"members\""), "no members section on a personal space");
  }

  @Test
  void aParentCannotAddAChildToTheirOwnSpace() {
    TestClient parent = courtyard.signIn("mr.khan");
    TestClient.Response add = parent.post("/s/~mr.khan/manage/add-member", Map.of("username", "ben", "role", "MEMBER"));
    assertEquals(422, add.status());
    assertEquals(403, courtyard.signIn("mr.khan").get("/s/~ben").status(), "still nothing of Ben's");
  }

  @Test
  void aLearnerCannotMakeAnotherLearnerOwnerOfAnySpace() {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response r = chloe.post("/s/~chloe/manage/add-member", Map.of("username", "amira", "role", "OWNER"));
    assertEquals(422, r.status());
    assertEquals(403, courtyard.signIn("amira").get("/s/~chloe/manage").status());
  }

  @Test
  void aChildCannotShutHerParentsOutOfHerOwnSpace() {
    TestClient amira = courtyard.signIn("amira");
    TestClient parent = courtyard.signIn("mr.khan");
    assertEquals(200, parent.get("/s/~amira").status());
    amira.postPairs("/s/~amira/manage/details", "name", "Amira Khan", "description", "", "parentsAllowed", "false");
    TestClient.Response perms = amira.post("/s/~amira/manage/permissions", Map.of("cap:space.view", "OWNER"));
    assertEquals(422, perms.status(), "the school sets who may do what in a personal space");
    assertEquals(200, parent.get("/s/~amira").status(), "her father still looks in");
  }

  @Test
  void aClubOwnerIsNobodysTeacher() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    TestClient jones = courtyard.signIn("mr.jones", "jones-demo-pass");
    assertEquals(303, jones.post("/s/chess-club/manage/add-member", Map.of("username", "amira", "role", "MEMBER")).status(),
        "a club owner may add a learner of the school to the club");
    assertEquals(404, jones.get("/pupils/" + user("amira").id()).status(), "but that makes him nobody's teacher");
    TestClient.Response set = jones.post("/s/chess-club/manage/pictures", Map.of("user", Long.toString(user("amira").id()),
        "picture1", "cat", "picture2", "cat", "picture3", "cat", "picture4", "cat"));
    assertEquals(422, set.status(), "nor lets him set her pictures");
    assertFalse(jones.get("/pupils").contains("Amira"));
    assertTrue(teacher.get("/pupils").contains("Amira Khan"), "her class teacher has her");
  }

  @Test
  void onlyTheSchoolSetsWhoIsInAClassAndWhoTeachesIt() {
    TestClient green = courtyard.signIn("ms.green", "green-demo-pass");
    TestClient.Response learner = green.post("/s/5-birch/manage/add-member", Map.of("username", "amira", "role", "MEMBER"));
    assertEquals(422, learner.status(), "adding a learner to a class would make her Ms Green's pupil");
    assertTrue(learner.contains("ICT leader"), learner.body());
    TestClient.Response teacher = green.post("/s/5-birch/manage/add-member", Map.of("username", "mr.jones", "role", "TEACHER"));
    assertEquals(422, teacher.status());
    assertEquals(404, green.get("/pupils/" + user("amira").id()).status());
    // The ICT leader may.
    TestClient ict = courtyard.signIn("ict.leader");
    assertEquals(303, ict.post("/s/5-birch/manage/add-member", Map.of("username", "chloe", "role", "MEMBER")).status());
    assertEquals(200, green.get("/pupils/" + user("chloe").id()).status(), "now Chloe is Ms Green's pupil");
  }

  @Test
  void lookingSomeoneUpTellsNothingAboutUsernames() {
    TestClient jones = courtyard.signIn("mr.jones", "jones-demo-pass");
    TestClient.Response unknown = jones.post("/s/chess-club/manage/add-member", Map.of("username", "no.such.person", "role", "MEMBER"));
    TestClient.Response siteAdminLike = jones.post("/s/chess-club/manage/add-member", Map.of("username", "ict.leader", "role", "OWNER"));
    assertEquals(422, unknown.status());
    assertTrue(unknown.contains("Nobody you can add here has the username"));
    // A parent looking up a learner gets the same words as for a username that does not exist.
    TestClient parent = courtyard.signIn("mr.khan");
    courtyard.get(SpaceStore.class).addMember(courtyard.get(SpaceStore.class).bySlug("chess-club").orElseThrow().id(), user("mr.khan").id(), Role.OWNER, false);
    TestClient.Response child = parent.post("/s/chess-club/manage/add-member", Map.of("username", "ben", "role", "VIEWER"));
    TestClient.Response nobody = parent.post("/s/chess-club/manage/add-member", Map.of("username", "nobody.at.all", "role", "VIEWER"));
    assertEquals(422, child.status());
    assertEquals(error(nobody).replace("nobody.at.all", "X"), error(child).replace("&#x27;ben&#x27;", "&#x27;X&#x27;"));
    assertEquals(422, siteAdminLike.status(), "and nobody hands out a role above their own");
  }

  @Test
  void aTeacherUnlocksAndResetsHerPupilsAndEveryChangeEndsTheirSessions() {
    TestClient amira = courtyard.signIn("amira");
    assertEquals(200, amira.get("/").status());
    TestClient teacher = courtyard.signIn("mrs.patel");
    long id = user("amira").id();
    assertEquals(303, teacher.post("/pupils/" + id + "/pictures", Map.of("picture1", "cat", "picture2", "sun", "picture3", "tree", "picture4", "fish")).status());
    assertEquals(303, amira.get("/").status(), "Amira's session ended when her pictures changed");
    assertEquals(303, teacher.post("/pupils/" + id + "/password", Map.of("password", "learner-demo-pass")).status());
    assertEquals(303, pictures("amira", "cat", "sun", "tree", "fish").status());
    // Ms Green teaches another class: Amira is not hers.
    TestClient green = courtyard.signIn("ms.green", "green-demo-pass");
    assertEquals(404, green.post("/pupils/" + id + "/password", Map.of("password", "taken-over-123")).status());
    assertEquals(404, green.get("/pupils/" + id).status());
    courtyard.signIn("amira"); // her password is unchanged
  }
}
