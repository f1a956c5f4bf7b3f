package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.PictureDevices;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.SignIn;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.SessionPolicy;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * Picture login for young learners. A class's random code (the teacher bookmarks its link on the
 * classroom's tablets) shows the class's learners — picture and first name only. The child taps
 * themselves, then three pictures; each tap is a form post, so it needs no JavaScript, and the
 * picks so far live in the session, shown only as dots.
 */
public final class PictureLoginRoutes {
  static final String SESSION_PICKS = "picture-picks";
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;
  private final SignIn signIn;
  private final PictureDevices devices;
  private final SessionPolicy sessionPolicy;

  @Inject
  public PictureLoginRoutes(Web web, SpaceStore spaces, UserStore users, SignIn signIn, PictureDevices devices, SessionPolicy sessionPolicy) {
    this.web = web;
    this.spaces = spaces;
    this.users = users;
    this.signIn = signIn;
    this.devices = devices;
    this.sessionPolicy = sessionPolicy;
  }

  public void mount(Router router) {
    router.get("/picture").handler(web.publicPage(this::askCode));
    router.get("/picture/:code").handler(web.publicPage(this::classGrid));
    router.get("/picture/:code/:user").handler(web.publicPage(this::pictures));
    router.post("/picture/:code/:user").handler(web.publicPage(this::pick));
    router.post("/picture/:code/:user/again").handler(web.publicPage(this::again));
  }

  private Reply askCode(WebRequest req) {
    String code = req.query("code").orElse("");
    if (!code.isEmpty()) return Reply.redirect("/picture/" + code.replaceAll("[^a-zA-Z0-9]", ""));
    return Page.of("picture/code", Map.of()).title(req.t("pictureLogin.code.title"));
  }

  private Space classOf(WebRequest req) {
    return spaces.byPictureCode(req.pathParam("code"))
        .orElseThrow(() -> HttpProblem.notFound(req.t("pictureLogin.badLink")));
  }

  private List<User> learners(Space cls) {
    List<User> out = new ArrayList<>();
    for (Membership m : spaces.members(cls.id())) {
      if (m.role() != Role.MEMBER) continue;
      users.byId(m.userId()).filter(u -> u.kind() == UserKind.LEARNER && u.hasPicturePassword() && !u.disabled()).ifPresent(out::add);
    }
    out.sort((a, b) -> a.firstName().compareToIgnoreCase(b.firstName()));
    return out;
  }

  private Reply classGrid(WebRequest req) {
    Space cls = classOf(req);
    List<Map<String, Object>> children = new ArrayList<>();
    for (User u : learners(cls)) {
      children.add(Map.of("id", u.id(), "firstName", u.firstName(), "avatar", Pictures.avatarSymbol(u.avatar())));
    }
    return Page.of("picture/class", Map.of("className", cls.name(), "code", cls.pictureCode(), "children", children)).title(req.t("pictureLogin.class.title"));
  }

  private User child(WebRequest req, Space cls) {
    long id = req.pathId("user");
    return learners(cls).stream().filter(u -> u.id() == id).findFirst()
        .orElseThrow(() -> HttpProblem.notFound(req.t("pictureLogin.notInClass")));
  }

  private List<String> picks(WebRequest req, User child) {
    String stored = req.session().get(SESSION_PICKS);
    if (stored == null || !stored.startsWith(child.id() + ":")) return new ArrayList<>();
    String rest = stored.substring(stored.indexOf(':') + 1);
    return rest.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(rest.split(",")));
  }

  private Reply pictures(WebRequest req) {
    Space cls = classOf(req);
    User child = child(req, cls);
    return picturePage(req, cls, child, picks(req, child).size(), null, 200);
  }

  /** How many pictures this child picks: four, or three for a sequence chosen before four were asked for. */
  private static int length(User child) { return child.pictureLength() == Pictures.OLD_SEQUENCE_LENGTH ? Pictures.OLD_SEQUENCE_LENGTH : Pictures.SEQUENCE_LENGTH; }

  private Page picturePage(WebRequest req, Space cls, User child, int picked, String message, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("firstName", child.firstName());
    m.put("avatar", Pictures.avatarSymbol(child.avatar()));
    m.put("code", cls.pictureCode());
    m.put("userId", child.id());
    m.put("pictures", AccountRoutes.pictureChoices(req));
    List<Boolean> dots = new ArrayList<>();
    for (int i = 0; i < length(child); i++) dots.add(i < picked);
    m.put("dots", dots);
    m.put("length", length(child));
    m.put("picked", picked);
    m.put("message", message);
    return Page.of("picture/pick", m).title(req.t("pictureLogin.pick.title", "firstName", child.firstName())).status(status);
  }

  private Reply pick(WebRequest req) {
    Space cls = classOf(req);
    User child = child(req, cls);
    String picture = req.form("pick");
    if (!Pictures.isSecret(picture)) throw HttpProblem.badRequest(req.t("pictureLogin.pickOne"));
    List<String> picks = picks(req, child);
    picks.add(picture);
    if (picks.size() < length(child)) {
      req.session().put(SESSION_PICKS, child.id() + ":" + String.join(",", picks));
      return picturePage(req, cls, child, picks.size(), null, 200);
    }
    req.session().remove(SESSION_PICKS);
    var cookie = req.routing().request().getCookie(PictureDevices.cookieName(cls));
    boolean setUpDevice = devices.isSetUp(cls, cookie == null ? null : cookie.getValue());
    SignIn.Result r = signIn.withPictures(child, cls, setUpDevice, picks, req.clientAddress());
    if (r.user().isEmpty()) return picturePage(req, cls, child, 0, req.t(r.refusal()), 401);
    sessionPolicy.start(req, r.user().get());
    return Reply.redirect(cls.url()).flash(req.t("pictureLogin.pick.hello", "firstName", child.firstName()));
  }

  private Reply again(WebRequest req) {
    Space cls = classOf(req);
    User child = child(req, cls);
    req.session().remove(SESSION_PICKS);
    return Reply.redirect("/picture/" + cls.pictureCode() + "/" + child.id());
  }
}
