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

  @Inject
  public AccountRoutes(Web web, UserStore users, Credentials credentials) {
    this.web = web;
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
    m.put("kindLabel", u.kind().label());
    m.put("avatar", Pictures.avatarSymbol(u.avatar()));
    m.put("hasPassword", u.hasPassword());
    m.put("needsCurrent", u.hasPassword() && !Boolean.TRUE.equals(req.session().get(SESSION_CHOOSE_PASSWORD)));
    m.put("learner", u.kind() == UserKind.LEARNER);
    m.put("hasPictures", u.hasPicturePassword());
    m.put("pictures", Pictures.SECRETS);
    m.put("children", u.kind() == UserKind.PARENT ? users.childrenOf(u.id()).stream()
        .map(c -> Map.of("name", c.displayName(), "url", "/s/~" + c.username(), "avatar", Pictures.avatarSymbol(c.avatar()))).toList() : List.of());
    m.put("error", error);
    return Page.of("account", m).title("My account").status(status);
  }

  private Reply changePassword(WebRequest req) {
    User u = users.byId(req.requireUser().id()).orElseThrow();
    String current = req.formMap().get("current");
    String next = req.formMap().get("password");
    String repeat = req.formMap().get("repeat");
    boolean needsCurrent = u.hasPassword() && !Boolean.TRUE.equals(req.session().get(SESSION_CHOOSE_PASSWORD));
    if (needsCurrent && (current == null || !users.passwordMatches(u.id(), current))) {
      return page(req, "Your current password is not right, so nothing was changed.", 422);
    }
    if (next == null || !next.equals(repeat)) return page(req, "The two new passwords are not the same, so nothing was changed.", 422);
    try {
      credentials.changeOwnPassword(u, next, req.session().id());
    } catch (IllegalArgumentException e) {
      return page(req, e.getMessage() + " Nothing was changed.", 422);
    }
    req.session().remove(SESSION_CHOOSE_PASSWORD);
    return Reply.redirect("/account").flash("Your new password is saved. You are signed out everywhere else.");
  }

  private Reply changePictures(WebRequest req) {
    User u = users.byId(req.requireUser().id()).orElseThrow();
    if (u.kind() != UserKind.LEARNER) return page(req, "Picture passwords are for learners.", 422);
    // A learner proves it is them with their password, or, if they only have pictures, their current pictures.
    boolean proven = u.hasPassword() ? users.passwordMatches(u.id(), req.formMap().get("current"))
        : users.pictureSequenceMatches(u.id(), picks(req, "current"));
    if (!proven) return page(req, "That is not your current password, so nothing was changed.", 422);
    try {
      credentials.changeOwnPictures(u, picks(req, "picture"), req.session().id());
    } catch (IllegalArgumentException e) {
      return page(req, e.getMessage() + " Nothing was changed.", 422);
    }
    return Reply.redirect("/account").flash("Your new pictures are saved.");
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
