package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages learners, parents and teachers read, in their language: a parent reads his home page, his
 * child's class and his notifications in Arabic, right to left, with what people wrote left as written;
 * the sign-in and picture sign-in pages in Welsh and Polish; a teacher's pages in Welsh; and the account
 * page's own language choice.
 */
class PeopleLanguagesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aParentReadsHomeHisChildsClassAndNotificationsInArabic() {
    long khan = courtyard.userId("mr.khan");
    courtyard.get(NotificationStore.class).add("forum", khan, "Mrs Patel posted the trip letter", "/s/2-willow");
    TestClient parent = courtyard.signIn("mr.khan").header("Accept-Language", "ar");

    TestClient.Response home = parent.get("/");
    assertTrue(home.contains("<html lang=\"ar\" dir=\"rtl\">"), home.body());
    assertTrue(home.contains("أبنائي"), "'My children' in Arabic");
    assertTrue(home.contains("مساحاتي"), "'My spaces' in Arabic");
    assertTrue(home.contains("مرحبًا، "), "the greeting in Arabic");
    assertTrue(home.contains("المساحة الخاصة بـ Amira Khan"), "his child's own space, her name as written");
    assertTrue(home.contains("فصل"), "a class's kind in Arabic");
    assertFalse(home.contains("My children"));

    TestClient.Response space = parent.get("/s/2-willow");
    assertEquals(200, space.status());
    assertTrue(space.contains("dir=\"rtl\""));
    assertTrue(space.contains("الأدوات"), "'Tools' in Arabic");
    assertTrue(space.contains("النتائج والدرجات"), "'Results and marks' in Arabic");
    assertFalse(space.contains("Results and marks"));

    TestClient.Response results = parent.get("/s/2-willow/results");
    assertEquals(200, results.status());
    assertTrue(results.contains("النتائج في "), results.body());

    TestClient.Response notices = parent.get("/notifications");
    assertTrue(notices.contains("<h1>الإشعارات</h1>"), notices.body());
    assertTrue(notices.contains("جديد:"), "'New:' in Arabic");
    assertTrue(notices.contains("Mrs Patel posted the trip letter"), "what was written stays as written");
    TestClient.Response read = parent.post("/notifications/read", Map.of());
    assertEquals(303, read.status());
    assertTrue(parent.get("/notifications").contains("تم تحديد الكل كمقروء."), "the flash in Arabic");

    TestClient.Response missing = parent.get("/s/no-such-space");
    assertEquals(404, missing.status());
    assertTrue(missing.contains("الصفحة غير موجودة"), "the error page's heading in Arabic");
    assertTrue(missing.contains("لا توجد مساحة بهذا الاسم."), "and its message");
  }

  @Test
  void theSignInPagesInWelshAndPolish() {
    TestClient welsh = courtyard.anonymous().header("Accept-Language", "cy");
    TestClient.Response login = welsh.getFollowing("/login");
    assertTrue(login.contains("<h1>Mewngofnodi</h1>"), login.body());
    assertTrue(login.contains("Enw defnyddiwr"));
    assertTrue(login.contains("Dysgwyr ifanc: mewngofnodi gyda lluniau"));
    assertFalse(login.contains("Username"));
    TestClient.Response wrong = welsh.post("/login", Map.of("username", "nobody", "password", "nothing-at-all"));
    assertEquals(401, wrong.status());
    assertTrue(wrong.contains("Mewngofnodi"));

    TestClient polish = courtyard.anonymous().header("Accept-Language", "pl-PL,pl;q=0.9");
    TestClient.Response polishLogin = polish.getFollowing("/login");
    assertTrue(polishLogin.contains("<html lang=\"pl\""));
    assertTrue(polishLogin.contains("<h1>Zaloguj się</h1>"), polishLogin.body());
    assertTrue(polishLogin.contains("Hasło"));

    String code = courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().pictureCode();
    TestClient.Response grid = welsh.get("/picture/" + code);
    assertTrue(grid.contains("pwy wyt ti?"), grid.body());
    long amira = courtyard.get(UserStore.class).byUsername("amira").orElseThrow().id();
    TestClient.Response pick = polish.get("/picture/" + code + "/" + amira);
    assertTrue(pick.contains("Cześć, Amira!"), pick.body());
    assertTrue(pick.contains("Dotknij po kolei swoich czterech obrazków."));
    assertTrue(pick.contains("Wybrano 0 z 4 obrazków"));
    assertTrue(pick.contains(">kot</button>"), "the pictures' names in Polish");
    assertTrue(pick.contains("value=\"cat\""), "while the form still sends the picture itself");
  }

  @Test
  void aTeachersPagesInWelsh() {
    TestClient teacher = courtyard.signIn("mrs.patel").header("Accept-Language", "cy");
    TestClient.Response pupils = teacher.get("/pupils");
    assertTrue(pupils.contains("<h1>Fy nisgyblion</h1>"), pupils.body());
    TestClient.Response manage = teacher.get("/s/2-willow/manage");
    assertTrue(manage.contains("Rheoli "), manage.body());
    assertTrue(manage.contains("Mewngofnodi gyda lluniau"));
    assertTrue(manage.contains("Athro ac uwch"), "roles in Welsh");
    assertTrue(manage.contains("Gweld y gofod a’i offer"), "the core's capabilities in Welsh");
    assertFalse(manage.contains("Permissions"));
    TestClient.Response members = teacher.get("/s/2-willow/members");
    assertTrue(members.contains("Pwy sydd yn "), members.body());
    assertTrue(members.contains("Aelod"), "a member's role in Welsh");
  }

  @Test
  void theAccountPageChoosesTheLanguageAndShowsTheCurrentOne() {
    TestClient parent = courtyard.signIn("mr.khan");
    TestClient.Response english = parent.get("/account");
    assertTrue(english.contains("<h2 id=\"language\">Language</h2>"), english.body());
    assertTrue(english.contains("<option value=\"en\" lang=\"en\" selected>English</option>"), "the current one chosen");
    assertTrue(english.contains("<option value=\"cy\" lang=\"cy\">Cymraeg</option>"), "every language the school offers");
    assertTrue(english.contains("name=\"back\" value=\"/account\""));

    TestClient.Response chosen = parent.post("/language", Map.of("language", "cy", "back", "/account"));
    assertEquals(303, chosen.status());
    assertEquals("/account", chosen.location());
    TestClient.Response welsh = parent.get("/account");
    assertTrue(welsh.contains("<html lang=\"cy\""));
    assertTrue(welsh.contains("<h1><span aria-hidden=\"true\">"), welsh.body());
    assertTrue(welsh.contains("Fy nghyfrif"));
    assertTrue(welsh.contains("Rhiant"), "his kind of account in Welsh");
    assertTrue(welsh.contains("<option value=\"cy\" lang=\"cy\" selected>Cymraeg</option>"), "Welsh now the one chosen");
    assertTrue(welsh.contains("Amira Khan"), "his child's name as written");
    TestClient.Response wrong = parent.post("/account/password", Map.of("current", "guess-guess", "password", "another-secret", "repeat", "another-secret"));
    assertEquals(422, wrong.status());
    assertTrue(wrong.contains("Dydy eich cyfrinair presennol ddim yn gywir"), wrong.body());

    assertEquals(303, parent.post("/language", Map.of("language", "en", "back", "/account")).status());
    assertTrue(parent.get("/account").contains("<option value=\"en\" lang=\"en\" selected>English</option>"));
    // No saved choice again, so the other tests' browsers choose by Accept-Language.
    courtyard.get(org.courtyard.core.i18n.LanguageChoice.class).save(courtyard.userId("mr.khan"), null);
  }
}
