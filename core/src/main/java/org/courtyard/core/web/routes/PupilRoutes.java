package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Relationships;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.Credentials;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.relationships.Authority;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * A teacher's pupils, {@code /pupils}: the learners they teach (from the school's classes and teaching
 * groups), with what teachers are expected to do for them — unlock a paused sign-in, set new pictures or
 * a new password, sign them out everywhere. A learner the teacher does not teach answers 404, as if
 * there were no such pupil; every change is audited and ends the pupil's sessions.
 */
public final class PupilRoutes {
  private final Web web;
  private final UserStore users;
  private final Relationships relationships;
  private final Authority authority;
  private final Credentials credentials;
  private final Clock clock;

  @Inject
  public PupilRoutes(Web web, UserStore users, Relationships relationships, Authority authority, Credentials credentials, Clock clock) {
    this.web = web;
    this.users = users;
    this.relationships = relationships;
    this.authority = authority;
    this.credentials = credentials;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/pupils").handler(web.page(this::list));
    router.get("/pupils/:id").handler(web.page(this::show));
    router.post("/pupils/:id/:action").handler(web.page(this::act));
  }

  private Reply list(WebRequest req) {
    User me = req.requireUser();
    if (me.kind() != UserKind.STAFF) throw HttpProblem.forbidden(req.t("pupils.staffOnly"));
    req.crumb(req.t("home.myPupils"), null);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<User> pupils = new ArrayList<>(users.byIds(relationships.learnersOf(me.id()).stream().map(UserRef::id).toList()));
    pupils.sort(java.util.Comparator.comparing(User::displayName));
    for (User u : pupils) rows.add(row(u));
    long paused = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("paused"))).count();
    return Page.of("pupils/list", Map.of("pupils", rows, "count", rows.size(), "pausedCount", paused, "anyPaused", paused > 0)).title(req.t("home.myPupils"));
  }

  private Map<String, Object> row(User u) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", u.id());
    m.put("name", u.displayName());
    m.put("username", u.username());
    m.put("avatar", Pictures.avatarSymbol(u.avatar()));
    m.put("paused", u.lockedAt(clock.instant()));
    m.put("hasPictures", u.hasPicturePassword());
    m.put("oldPictures", u.hasPicturePassword() && u.pictureLength() < Pictures.SEQUENCE_LENGTH);
    return m;
  }

  /** The pupil, if the signed-in person looks after them; 404 otherwise (whether or not they exist). */
  private User pupil(WebRequest req) {
    User me = req.requireUser();
    User u = users.byId(req.pathId("id")).orElse(null);
    if (u == null || u.kind() != UserKind.LEARNER || !authority.looksAfter(me, u)) throw HttpProblem.notFound(req.t("pupils.noSuch"));
    req.crumb(req.t("home.myPupils"), "/pupils").crumb(u.displayName(), null);
    return u;
  }

  private Reply show(WebRequest req) {
    return page(req, pupil(req), null, 200);
  }

  private Page page(WebRequest req, User u, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("pupil", row(u));
    m.put("pictures", AccountRoutes.pictureChoices(req));
    m.put("carers", relationships.carersOf(u.id()).stream().map(c -> Map.of("name", c.adult().displayName(), "relation", c.relation(),
        "viewOnly", c.level() == Relationships.CarerLevel.VIEW_ONLY)).toList());
    m.put("error", error);
    return Page.of("pupils/pupil", m).title(u.displayName()).status(status);
  }

  private Reply act(WebRequest req) {
    User u = pupil(req);
    User me = req.user();
    String back = "/pupils/" + u.id();
    try {
      switch (req.pathParam("action")) {
        case "unlock" -> {
          credentials.unlock(me, u);
          return Reply.redirect(back).flash(req.t("pupil.unlocked", "name", u.firstName()));
        }
        case "pictures" -> {
          List<String> picks = AccountRoutes.picksOrRandom(req);
          credentials.resetPictures(me, u, picks);
          return Reply.redirect(back).flash(req.t("pictures.newFor", "name", u.firstName(), "pictures", AccountRoutes.pictureNames(req, picks)));
        }
        case "password" -> {
          credentials.resetPassword(me, u, req.formMap().get("password"));
          return Reply.redirect(back).flash(req.t("pupil.passwordSet", "name", u.firstName()));
        }
        case "sign-out" -> {
          int ended = credentials.endSessions(me, u);
          return Reply.redirect(back).flash(req.t("pupil.signedOut", "name", u.firstName(), "count", ended));
        }
        default -> throw HttpProblem.notFound(req.t("error.noPage"));
      }
    } catch (IllegalArgumentException e) {
      return page(req, u, req.t("nothingChanged", "problem", req.problem(e)), 422);
    }
  }
}
