package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Words the core's own rules give without a request at hand, in the reader's language where they are
 * shown: a refused sign-in, a password rule, why a page is not theirs to see, and a refused upload
 * through the uploads service every tool shares.
 */
class CoreWordsLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(LifecycleIT.JAR);

  @Test
  void aWrongPasswordIsRefusedInWelshAndInArabic() {
    TestClient welsh = courtyard.anonymous().header("Accept-Language", "cy");
    welsh.getFollowing("/login");
    TestClient.Response cy = welsh.post("/login", Map.of("username", "mr.khan", "password", "not-his-password"));
    assertEquals(401, cy.status());
    assertTrue(cy.contains("Wnaeth hynny ddim gweithio. Gwiriwch yr enw defnyddiwr a’r cyfrinair"), cy.body());
    assertFalse(cy.contains("That did not work"), cy.body());

    TestClient arabic = courtyard.anonymous().header("Accept-Language", "ar");
    arabic.getFollowing("/login");
    TestClient.Response ar = arabic.post("/login", Map.of("username", "nobody.at.all", "password", "nothing-at-all"));
    assertEquals(401, ar.status());
    assertTrue(ar.contains("لم ينجح ذلك. تحقق من اسم المستخدم وكلمة المرور"), ar.body());
    assertFalse(ar.contains("That did not work"), ar.body());

    TestClient.Response en = courtyard.anonymous().post("/login", Map.of("username", "mr.khan", "password", "not-his-password"));
    assertTrue(en.contains("That did not work. Check the username and password and try again."), "English as before: " + en.body());
  }

  @Test
  void aTooShortNewPasswordIsRefusedInWelshOnTheAccountPage() {
    TestClient parent = courtyard.signIn("mr.khan").header("Accept-Language", "cy");
    TestClient.Response r = parent.post("/account/password", Map.of("current", "parent-demo-pass", "password", "short", "repeat", "short"));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("Defnyddiwch o leiaf 8 nod. Ni newidiwyd dim."), r.body());
    assertFalse(r.contains("Use at least"), r.body());
    assertEquals(200, courtyard.signIn("mr.khan").get("/account").status(), "his password is unchanged");
  }

  @Test
  void whyAPageIsNotYoursIsGivenInTheReadersLanguage() {
    TestClient.Response ar = courtyard.signIn("mr.khan").header("Accept-Language", "ar").get("/s/staff-room");
    assertEquals(403, ar.status());
    assertTrue(ar.contains("لا يوجد دور في Staff room."), "the reason in Arabic, the space's name as written: " + ar.body());
    assertFalse(ar.contains("Has no role"), ar.body());

    TestClient.Response why = courtyard.signIn("ict.leader").header("Accept-Language", "cy")
        .get("/admin/oakfield/why?user=ben&capability=space.view&space=2-willow");
    assertTrue(why.contains("Mae’r rôl Aelod (aelod o Class 2 Willow) yn cyrraedd y rôl Gwyliwr, sy’n ofynnol gan ddatganiad y teclyn."), why.body());
  }

  @Test
  void anUploadOfTheWrongKindIsRefusedInWelsh() {
    TestClient ben = courtyard.signIn("ben").header("Accept-Language", "cy");
    TestClient.Response refused = ben.postFile("/s/2-willow/lifecycle/pictures", Map.of(), "picture", "cat.png", "image/png",
        "this is text pretending".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("Nid yw cat.png yn llun (JPEG, PNG, GIF neu WebP). Ni chadwyd dim."), refused.body());
    assertFalse(refused.contains("Nothing was saved"), refused.body());

    TestClient.Response english = courtyard.signIn("ben").postFile("/s/2-willow/lifecycle/pictures", Map.of(), "picture", "cat.png", "image/png",
        "this is text pretending".getBytes(StandardCharsets.UTF_8));
    assertTrue(english.contains("cat.png is not a picture (JPEG, PNG, GIF or WebP). Nothing was saved."), english.body());
  }
}
