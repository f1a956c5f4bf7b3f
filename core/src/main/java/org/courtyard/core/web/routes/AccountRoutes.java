package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.Credentials;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** A person's own account: details, password, picture password; a parent's linked children. */
public final class AccountRoutes {
  /** Set at a first sign-in with an import's letter code: the new password needs no current one. */
  static final String SESSION_CHOOSE_PASSWORD = "choose-password";
  private final Web web;
  private final UserStore users;
  private final Credentials credentials;
  private final org.courtyard.core.web.Layout layout;

  @Inject
  public AccountRoutes(Web web, UserStore users, Credentials credentials, org.courtyard.core.web.Layout layout) {
    this.web = web;
    this.layout = layout;
    this.users = users;
    this.credentials = credentials;
  }

  public void mount(Router router) {
    router.get("/account").handler(web.page(this::show));
    router.post("/account/password").handler(web.page(this::changePassword));
    router.post("/account/pictures").handler(web.page(this::changePictures));
  }

  private Reply show(WebRequest req) {
    return page(req, null, 200);
  }

  private Page page(WebRequest req, String error, int status) {
    User u = users.byId(req.requireUser().id()).orElseThrow();
    Map<String, Object> m = new HashMap<>();
    m.put("name", u.displayName());
    m.put("username", u.username());
    m.put("kindLabel", SpaceRoutes.kind(req, u.kind()));
    m.put("avatar", Pictures.avatarSymbol(u.avatar()));
    m.put("hasPassword", u.hasPassword());
    m.put("needsCurrent", u.hasPassword() && !Boolean.TRUE.equals(req.session().get(SESSION_CHOOSE_PASSWORD)));
    m.put("learner", u.kind() == UserKind.LEARNER);
    m.put("hasPictures", u.hasPicturePassword());
    m.put("pictures", pictureChoices(req));
    String current = req.language().code();
    m.put("languages", layout.offeredLanguages(req).stream()
        .map(l -> Map.of("code", l.code(), "nativeName", l.nativeName(), "current", l.code().equals(current))).toList());
    m.put("children", u.kind() == UserKind.PARENT ? users.childrenOf(u.id()).stream()
        .map(c -> Map.of("name", c.displayName(), "url", "/s/~" + c.username(), "avatar", Pictures.avatarSymbol(c.avatar()))).toList() : List.of());
    m.put("error", error);
    return Page.of("account", m).title(req.t("account.title")).status(status);
  }

  private Reply changePassword(WebRequest req) {
    User u = users.byId(req.requireUser().id()).orElseThrow();
    String current = req.formMap().get("current");
    String next = req.formMap().get("password");
    String repeat = req.formMap().get("repeat");
    boolean needsCurrent = u.hasPassword() && !Boolean.TRUE.equals(req.session().get(SESSION_CHOOSE_PASSWORD));
    if (needsCurrent && (current == null || !users.passwordMatches(u.id(), current))) {
      return page(req, req.t("account.wrongCurrent"), 422);
    }
    if (next == null || !next.equals(repeat)) return page(req, req.t("account.notSame"), 422);
    try {
      credentials.changeOwnPassword(u, next, req.session().id());
    } catch (IllegalArgumentException e) {
      return page(req, req.t("nothingChanged", "problem", req.problem(e)), 422);
    }
    req.session().remove(SESSION_CHOOSE_PASSWORD);
    return Reply.redirect("/account").flash(req.t("account.passwordSaved"));
  }

  private Reply changePictures(WebRequest req) {
    User u = users.byId(req.requireUser().id()).orElseThrow();
    if (u.kind() != UserKind.LEARNER) return page(req, req.t("pictures.forLearners"), 422);
    // A learner proves it is them with their password, or, if they only have pictures, their current pictures.
    boolean proven = u.hasPassword() ? users.passwordMatches(u.id(), req.formMap().get("current"))
        : users.pictureSequenceMatches(u.id(), picks(req, "current"));
    if (!proven) return page(req, req.t("account.notYourPassword"), 422);
    try {
      credentials.changeOwnPictures(u, picks(req, "picture"), req.session().id());
    } catch (IllegalArgumentException e) {
      return page(req, req.t("nothingChanged", "problem", req.problem(e)), 422);
    }
    return Reply.redirect("/account").flash(req.t("account.picturesSaved"));
  }

  /** The secret pictures for a form's choices: name (the value sent), symbol, and label in the reader's language. */
  static List<Map<String, Object>> pictureChoices(WebRequest req) {
    return Pictures.SECRETS.stream().map(p -> Map.<String, Object>of("name", p.name(), "symbol", p.symbol(), "label", req.t("pictures." + p.name()))).toList();
  }

  /** Chosen pictures as a reader reads them: "cat, sun, tree, moon" in their language. */
  static String pictureNames(WebRequest req, List<String> picks) {
    return String.join(", ", picks.stream().map(p -> req.t("pictures." + p)).toList());
  }

  /** The pictures a teacher's form chose, or four at random when they ticked "choose for me". */
  static List<String> picksOrRandom(WebRequest req) {
    return "true".equals(req.form("random")) ? Pictures.random() : picks(req, "picture");
  }

  /** The pictures a form sent as {@code <prefix>1}, {@code <prefix>2} … (as many as were sent, up to four). */
  static List<String> picks(WebRequest req, String prefix) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 1; i <= Pictures.SEQUENCE_LENGTH; i++) {
      String p = req.form(prefix + i);
      if (!p.isEmpty()) out.add(p);
    }
    return out;
  }
}
