package org.courtyard.core.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.SignIn;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in that cannot be guessed or used to lock people out: tries are counted atomically, limited per
 * account and address, per class page and per address, with a growing wait instead of a hard lock
 * for passwords, and one answer whatever went wrong. Each test uses its own address (behind a proxy
 * the installation trusts), so the per-address limits of one do not touch another.
 */
class SignInLimitsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .setting(Config.TRUSTED_PROXIES, "127.0.0.1");

  private static TestClient from(String address) { return courtyard.anonymous().header("X-Forwarded-For", address); }

  private static User user(String username) { return courtyard.get(UserStore.class).byUsername(username).orElseThrow(); }

  private static String code() { return courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode(); }

  private static TestClient.Response login(TestClient browser, String username, String password) {
    return browser.post("/login", Map.of("username", username, "password", password));
  }

  private static TestClient.Response pictures(TestClient browser, String username, String... picks) {
    browser.get("/picture/" + code() + "/" + user(username).id()); // as a browser would, which also gives it the page's form token
    TestClient.Response r = null;
    for (String p : picks) r = browser.post("/picture/" + code() + "/" + user(username).id(), Map.of("pick", p));
    return r;
  }

  private static long audited(String username, AuditLog.Action action) {
    User u = user(username);
    return courtyard.get(AuditLog.class).find(u.schoolId(), new AuditLog.Filter(action, u.username(), null, null), 10_000)
        .stream().filter(e -> u.id() == (e.subjectId() == null ? -1 : e.subjectId())).count();
  }

  private static String message(TestClient.Response r) {
    int at = r.body().indexOf("class=\"error\"");
    return at < 0 ? "" : r.body().substring(at, r.body().indexOf("</p>", at));
  }

  @Test
  void unknownWrongAndHeldBackGetOneAndTheSameAnswer() {
    TestClient browser = from("203.0.113.10");
    TestClient.Response unknown = login(browser, "no.such.person", "whatever-password");
    TestClient.Response wrong = login(browser, "chloe", "not-her-password");
    assertEquals(401, unknown.status());
    assertEquals(401, wrong.status());
    assertEquals(message(unknown), message(wrong));
    for (int i = 0; i < 6; i++) login(browser, "chloe", "not-her-password");
    TestClient.Response held = login(browser, "chloe", "learner-demo-pass");
    assertEquals(401, held.status(), "right password, but this address must wait");
    assertEquals(message(wrong), message(held), "held back says nothing a stranger could use");
    assertTrue(message(held).contains(SignIn.WRONG.substring(0, 20)));
  }

  @Test
  void aStrangerElsewhereCannotLockATeacherOut() {
    TestClient stranger = from("198.51.100.7");
    for (int i = 0; i < 12; i++) assertEquals(401, login(stranger, "mrs.patel", "guess-" + i).status());
    assertEquals(401, login(stranger, "mrs.patel", "teacher-demo-pass").status(), "the stranger's address now waits");
    // Mrs Patel, at school, signs in at once.
    assertEquals(303, login(from("192.0.2.44"), "mrs.patel", "teacher-demo-pass").status());
    assertTrue(audited("mrs.patel", AuditLog.Action.SIGN_IN_FAILED) >= 5, "each checked failure is in the audit log");
    assertTrue(audited("mrs.patel", AuditLog.Action.SIGN_IN_THROTTLED) >= 1, "and so is the moment further tries were held back");
  }

  @Test
  void aWrongPasswordWaitGrowsAndEndsWithoutAnyoneUnlocking() {
    TestClient me = from("203.0.113.77");
    for (int i = 0; i < 5; i++) login(me, "ben", "wrong-" + i);
    assertEquals(401, login(me, "ben", "learner-demo-pass").status(), "past five, each try waits");
    courtyard.advanceClock(Duration.ofSeconds(3));
    assertEquals(303, login(me, "ben", "learner-demo-pass").status(), "the wait ended by itself: no hard lock");
  }

  @Test
  void thirtyPasswordTriesAtOnceAreNotAllChecked() throws Exception {
    long before = audited("amira", AuditLog.Action.SIGN_IN_FAILED);
    List<TestClient.Response> answers = all(30, i -> login(from("203.0.113.90"), "amira", "parallel-guess-" + i));
    assertTrue(answers.stream().allMatch(r -> r.status() == 401));
    long checked = audited("amira", AuditLog.Action.SIGN_IN_FAILED) - before;
    assertTrue(checked <= 6, "at most the five free tries and one more were checked, not " + checked);
  }

  /** Picture tests start on a new day, so the class's daily allowance is whole whatever ran before. */
  private static void newDay() { courtyard.advanceClock(Duration.ofHours(25)); }

  private static TestClient setUpTablet(String address) {
    TestClient tablet = from(address);
    tablet.login("mrs.patel", "teacher-demo-pass");
    TestClient.Response r = tablet.post("/s/2-willow/manage/picture-device", Map.of());
    assertEquals(303, r.status(), r.body());
    TestClient.Response out = tablet.post("/logout", Map.of());
    assertEquals(303, out.status(), out.body());
    return tablet;
  }

  @Test
  void thirtyPictureTriesAtOnceAreNotAllCheckedAndTheChildIsPaused() throws Exception {
    newDay();
    // One browser each, each with three right picks and a wrong fourth, sent together.
    List<TestClient> browsers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      TestClient b = from("203.0.113." + (100 + i));
      pictures(b, "ben", "dog", "star", "moon");
      browsers.add(b);
    }
    long before = audited("ben", AuditLog.Action.SIGN_IN_FAILED);
    List<TestClient.Response> answers = all(30, i -> browsers.get(i).post("/picture/" + code() + "/" + user("ben").id(), Map.of("pick", "ball")));
    assertTrue(answers.stream().allMatch(r -> r.status() == 401));
    long checked = audited("ben", AuditLog.Action.SIGN_IN_FAILED) - before;
    assertTrue(checked <= 5, "at most five were checked, not " + checked);
    TestClient.Response right = pictures(from("203.0.113.200"), "ben", "dog", "star", "moon", "cake");
    assertEquals(401, right.status(), "paused, even with the right pictures");
    assertTrue(right.contains(SignIn.WRONG_PICTURES), "the same kind answer");
    // His teacher unlocks him from her pupils page.
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertTrue(teacher.get("/pupils").contains("Paused after wrong tries"));
    assertEquals(303, teacher.post("/pupils/" + user("ben").id() + "/unlock", Map.of()).status());
    assertFalse(teacher.get("/pupils").contains("Paused after wrong tries"));
    // The class's allowance for unknown devices is spent too; the classroom tablet still works.
    assertEquals(303, pictures(setUpTablet("192.0.2.12"), "ben", "dog", "star", "moon", "cake").status());
    assertTrue(audited("ben", AuditLog.Action.UNLOCKED) >= 1, "the unlock is audited");
  }

  @Test
  void aStrangerWithTheClassLinkGetsAFewTriesADayAndASetUpTabletGetsMore() {
    newDay();
    // Six wrong tries from devices nobody set up close picture sign-in on them for the day…
    for (int i = 0; i < 6; i++) pictures(from("198.51.100." + (20 + i)), i % 2 == 0 ? "amira" : "ben", "ball", "ball", "ball", "ball");
    TestClient.Response home = pictures(from("198.51.100.40"), "amira", "cat", "sun", "tree", "fish");
    assertEquals(401, home.status(), "the class's allowance for unknown devices is spent");
    // …but the classroom tablet Mrs Patel set up still works.
    assertEquals(303, pictures(setUpTablet("192.0.2.10"), "amira", "cat", "sun", "tree", "fish").status());
    courtyard.advanceClock(Duration.ofHours(25));
    assertEquals(303, pictures(from("198.51.100.41"), "amira", "cat", "sun", "tree", "fish").status(), "a new day, a new allowance");
  }

  @Test
  void anOldThreePictureSequenceWorksOnlyOnASetUpDevice() {
    newDay();
    User ben = user("ben");
    courtyard.get(org.courtyard.core.db.Db.class).update("UPDATE users SET picture_length = 3, picture_hash = ? WHERE id = ?",
        courtyard.get(org.courtyard.core.identity.Passwords.class).hash("dog,star,moon"), ben.id());
    try {
      TestClient anywhere = from("198.51.100.60");
      TestClient.Response page = anywhere.get("/picture/" + code() + "/" + ben.id());
      assertTrue(page.contains("three pictures"), page.body());
      assertEquals(401, pictures(anywhere, "ben", "dog", "star", "moon").status(), "1,728 sequences are too few for any device");
      assertEquals(303, pictures(setUpTablet("192.0.2.11"), "ben", "dog", "star", "moon").status());
    } finally {
      courtyard.get(UserStore.class).setPictureSequence(ben.id(), List.of("dog", "star", "moon", "cake"));
      courtyard.get(UserStore.class).unlock(ben.id());
    }
  }

  private interface Try { TestClient.Response run(int i); }

  private static List<TestClient.Response> all(int n, Try t) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<TestClient.Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(pool.submit(() -> t.run(k)));
      }
      List<TestClient.Response> out = new ArrayList<>();
      for (Future<TestClient.Response> f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
