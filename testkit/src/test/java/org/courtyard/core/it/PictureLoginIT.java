package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PictureLoginIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  private String code() { return courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode(); }

  private long id(String username) { return courtyard.get(UserStore.class).byUsername(username).orElseThrow().id(); }

  private TestClient.Response pick(TestClient browser, String user, String... pictures) {
    TestClient.Response r = null;
    for (String p : pictures) r = browser.post("/picture/" + code() + "/" + id(user), Map.of("pick", p));
    return r;
  }

  @Test
  void theClassGridShowsFirstNamesAndPicturesOnly() {
    TestClient.Response grid = courtyard.anonymous().get("/picture/" + code());
    assertEquals(200, grid.status());
    assertTrue(grid.contains("Amira") && grid.contains("Ben"), grid.body());
    assertFalse(grid.contains("Khan"), "no family names");
    assertFalse(grid.contains("Chloe"), "only this class");
    assertEquals(404, courtyard.anonymous().get("/picture/not-a-code").status());
  }

  @Test
  void aChildSignsInWithFourPictures() {
    TestClient browser = courtyard.anonymous();
    TestClient.Response second = pick(browser, "amira", "cat", "sun");
    assertTrue(second.contains("2 of 4 pictures picked"), second.body());
    assertFalse(second.contains("cat,sun"), "which pictures were picked is not shown");
    browser.post("/picture/" + code() + "/" + id("amira"), Map.of("pick", "tree"));
    TestClient.Response done = browser.post("/picture/" + code() + "/" + id("amira"), Map.of("pick", "fish"));
    assertEquals(303, done.status(), done.body());
    assertEquals("/s/2-willow", done.location());
    TestClient.Response home = browser.get("/");
    assertEquals(200, home.status());
    assertTrue(home.contains("Hello, Amira"));
  }

  @Test
  void wrongPicturesAreRefusedKindlyAndFiveTimesPauseTheAccount() {
    TestClient browser = courtyard.anonymous();
    TestClient.Response wrong = pick(browser, "ben", "cat", "cat", "cat", "cat");
    assertEquals(401, wrong.status());
    assertTrue(wrong.contains("Those pictures are not right"));
    for (int i = 0; i < 4; i++) pick(browser, "ben", "sun", "sun", "sun", "sun");
    TestClient.Response right = pick(browser, "ben", "dog", "star", "moon", "cake");
    assertEquals(401, right.status(), "paused, even with the right pictures");
    assertTrue(right.contains("Those pictures are not right"), "the same kind words: nothing for a guesser to learn");
    courtyard.get(UserStore.class).unlock(id("ben"));
    assertEquals(303, pick(courtyard.anonymous(), "ben", "dog", "star", "moon", "cake").status());
  }

  @Test
  void onlyLearnersOfThatClassCanBePicked() {
    assertEquals(404, courtyard.anonymous().get("/picture/" + code() + "/" + id("chloe")).status());
    assertEquals(404, courtyard.anonymous().post("/picture/" + code() + "/" + id("mrs.patel"), Map.of("pick", "cat")).status());
  }

  @Test
  void picksWithoutTheCsrfTokenAreRefused() {
    TestClient browser = courtyard.anonymous();
    browser.get("/picture/" + code());
    assertEquals(403, browser.postRaw("/picture/" + code() + "/" + id("amira"), Map.of("pick", "cat")).status());
  }

  @Test
  void theTeacherMakesANewLinkAndTheOldOneStopsWorking() {
    String old = code();
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertTrue(teacher.get("/s/2-willow/manage").contains("/picture/" + old));
    assertEquals(303, teacher.post("/s/2-willow/manage/picture-code", Map.of()).status());
    assertEquals(404, courtyard.anonymous().get("/picture/" + old).status());
    assertEquals(200, courtyard.anonymous().get("/picture/" + code()).status());
  }
}
