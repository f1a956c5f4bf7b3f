package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.Relationships;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.Credentials;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.relationships.SafeguardingLeads;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The ICT leader's people pages, {@code /admin/:school/users}: accounts, their details and kind,
 * passwords and pictures, unlocking and signing out, parents and carers, safeguarding leads. Every
 * change is audited with who made it ({@link AuditLog}); credential changes end the person's sessions.
 */
public final class AdminPeopleRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;
  private final Accounts accounts;
  private final PermissionService permissions;
  private final Db db;
  private final AuditLog auditLog;
  private final Credentials credentials;
  private final Relationships relationships;
  private final SafeguardingLeads safeguarding;

  @Inject
  public AdminPeopleRoutes(Web web, SpaceStore spaces, UserStore users, Accounts accounts, PermissionService permissions, Db db,
                           AuditLog auditLog, Credentials credentials, Relationships relationships, SafeguardingLeads safeguarding) {
    this.web = web;
    this.spaces = spaces;
    this.users = users;
    this.accounts = accounts;
    this.permissions = permissions;
    this.db = db;
    this.auditLog = auditLog;
    this.credentials = credentials;
    this.relationships = relationships;
    this.safeguarding = safeguarding;
  }

  public void mount(Router r) {
    r.get("/admin/:school/users").handler(web.page(this::userList));
    r.post("/admin/:school/users").handler(web.page(this::createUser));
    r.get("/admin/:school/users/:id").handler(web.page(this::userPage));
    r.post("/admin/:school/users/:id/:action").handler(web.page(this::userAction));
  }

  private Space school(WebRequest req) { return AdminPages.requireSchoolAdmin(req, spaces, permissions); }

  private static String base(Space school) { return AdminPages.base(school); }

  private static Page page(String template, Space school, Map<String, Object> model, String title) {
    return AdminPages.page(template, school, model, title);
  }

  private Reply userList(WebRequest req) {
    Space school = school(req);
    return userListPage(req, school, req.query("q").orElse(""), null, Map.of(), 200);
  }

  private Page userListPage(WebRequest req, Space school, String q, String error, Map<String, String> form, int status) {
    List<User> found = q.isBlank() ? users.bySchool(school.id()) : users.search(school.id(), q, 200);
    List<Map<String, Object>> list = new ArrayList<>();
    Instant now = Instant.now();
    for (User u : found.stream().limit(500).toList()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", u.id());
      m.put("name", u.displayName());
      m.put("username", u.username());
      m.put("kind", u.kind().label());
      m.put("avatar", Pictures.avatarSymbol(u.avatar()));
      m.put("locked", u.lockedAt(now));
      m.put("disabled", u.disabled());
      list.add(m);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("users", list);
    m.put("q", q);
    m.put("error", error);
    m.put("form", form);
    m.put("kinds", List.of(UserKind.values()).stream().map(k -> Map.of("value", k.name(), "label", k.label())).toList());
    m.put("avatars", Pictures.AVATARS);
    return page("users", school, m, req.t("admin.users.title")).status(status);
  }

  private Reply createUser(WebRequest req) {
    Space school = school(req);
    Map<String, String> form = Map.of("username", req.form("username"), "name", req.form("name"), "email", req.form("email"), "kind", req.form("kind"));
    try {
      UserKind kind = UserKind.parse(req.form("kind"));
      User u = accounts.create(new UserStore.NewUser(school.id(), req.form("username"), req.form("name"), kind, req.form("email"),
          req.formMap().get("password"), Pictures.AVATARS.stream().anyMatch(a -> a.name().equals(req.form("avatar"))) ? req.form("avatar") : null, false));
      auditLog.record(AuditLog.Action.ACCOUNT_CREATED, req.user(), u, u.kind().label());
      return Reply.redirect(base(school) + "/users/" + u.id()).flash(req.t("admin.users.created", "name", u.displayName(), "username", u.username()));
    } catch (IllegalArgumentException e) {
      return userListPage(req, school, "", req.t("admin.nothingSaved", "problem", req.problem(e)), form, 422);
    }
  }

  private User userOf(WebRequest req, Space school) {
    User u = users.byId(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.t("admin.noPerson")));
    if (u.schoolId() == null || u.schoolId() != school.id()) throw HttpProblem.notFound(req.t("admin.noPersonIn", "school", school.name()));
    return u;
  }

  /**
   * A site admin runs every school on the installation: only another site admin may change their
   * account, or a school's owner could take over the whole site by resetting its password.
   */
  private static void requireMayChange(WebRequest req, User target) {
    if (target.siteAdmin() && !req.user().siteAdmin()) {
      throw HttpProblem.forbidden(req.t("admin.user.siteAdmin", "name", target.displayName()));
    }
  }


  private Reply userPage(WebRequest req) {
    Space school = school(req);
    User u = userOf(req, school);
    return userPageModel(req, school, u, null, 200);
  }

  private Page userPageModel(WebRequest req, Space school, User u, String error, int status) {
    req.crumb(req.t("admin.users.title"), base(school) + "/users");
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> um = new HashMap<>();
    um.put("id", u.id());
    um.put("name", u.displayName());
    um.put("username", u.username());
    um.put("email", u.email() == null ? "" : u.email());
    um.put("kind", u.kind().name());
    um.put("kindLabel", u.kind().label());
    um.put("avatar", Pictures.avatarSymbol(u.avatar()));
    um.put("locked", u.lockedAt(Instant.now()));
    um.put("disabled", u.disabled());
    um.put("learner", u.kind() == UserKind.LEARNER);
    um.put("parent", u.kind() == UserKind.PARENT);
    um.put("hasPictures", u.hasPicturePassword());
    m.put("person", um);
    m.put("kinds", List.of(UserKind.values()).stream().map(k -> Map.of("value", k.name(), "label", k.label())).toList());
    m.put("pictures", Pictures.SECRETS);
    List<Map<String, Object>> memberOf = new ArrayList<>();
    for (var ms : spaces.membershipsOf(u.id())) {
      spaces.byId(ms.spaceId()).ifPresent(s -> memberOf.add(Map.of("name", s.name(), "url", s.url(), "role", ms.role().label(), "cascades", ms.cascades())));
    }
    m.put("memberships", memberOf);
    List<Map<String, Object>> family = new ArrayList<>();
    if (u.kind() == UserKind.PARENT) {
      users.childrenOf(u.id()).forEach(x -> family.add(Map.of("name", x.displayName(), "username", x.username(), "id", x.id(), "relation", "")));
    } else {
      relationships.carersOf(u.id()).forEach(c -> family.add(Map.of("name", c.adult().displayName(), "username", c.adult().username(), "id", c.adult().id(),
          "relation", c.level() == Relationships.CarerLevel.VIEW_ONLY ? req.t("admin.user.relationViewOnly", "relation", c.relation()) : c.relation())));
    }
    m.put("family", family);
    um.put("staff", u.kind() == UserKind.STAFF);
    um.put("safeguardingLead", u.schoolId() != null && relationships.isSafeguardingLead(u.id(), u.schoolId()));
    m.put("teachers", u.kind() == UserKind.LEARNER ? relationships.teachersOf(u.id()).stream().map(t -> Map.of("name", t.displayName(), "id", t.id())).toList() : List.of());
    m.put("error", error);
    return page("user", school, m, u.displayName()).status(status);
  }

  private Reply userAction(WebRequest req) {
    Space school = school(req);
    User u = userOf(req, school);
    requireMayChange(req, u);
    User me = req.user();
    String back = base(school) + "/users/" + u.id();
    try {
      switch (req.pathParam("action")) {
        case "edit" -> {
          UserKind kind = UserKind.parse(req.form("kind"));
          db.transaction(() -> {
            users.update(u.id(), req.form("name"), kind, req.form("email"));
            auditLog.record(AuditLog.Action.ACCOUNT_CHANGED, me, u, kind != u.kind() ? "kind " + u.kind().label() + " → " + kind.label() : "name or e-mail");
            return null;
          });
          return Reply.redirect(back).flash(req.t("admin.saved"));
        }
        case "password" -> {
          credentials.resetPassword(me, u, req.formMap().get("password"));
          return Reply.redirect(back).flash(req.t("admin.user.passwordSet", "name", u.displayName()));
        }
        case "pictures" -> {
          List<String> picks = AccountRoutes.picksOrRandom(req);
          credentials.resetPictures(me, u, picks);
          return Reply.redirect(back).flash(req.t("admin.user.picturesSet", "name", u.displayName(), "pictures", String.join(", ", picks)));
        }
        case "unlock" -> {
          credentials.unlock(me, u);
          return Reply.redirect(back).flash(req.t("admin.user.unlocked", "name", u.displayName()));
        }
        case "sign-out" -> {
          int ended = credentials.endSessions(me, u);
          return Reply.redirect(back).flash(req.t("admin.user.signedOut", "name", u.displayName(), "count", ended));
        }
        case "disable" -> {
          if (u.id() == me.id()) throw new IllegalArgumentException(req.t("admin.user.notYourself"));
          db.transaction(() -> {
            users.setDisabled(u.id(), true);
            auditLog.record(AuditLog.Action.ACCOUNT_DISABLED, me, u, "");
            return null;
          });
          credentials.endSessions(me, u);
          return Reply.redirect(back).flash(req.t("admin.user.disabled", "name", u.displayName()));
        }
        case "enable" -> {
          db.transaction(() -> {
            users.setDisabled(u.id(), false);
            auditLog.record(AuditLog.Action.ACCOUNT_ENABLED, me, u, "");
            return null;
          });
          return Reply.redirect(back).flash(req.t("admin.user.enabled", "name", u.displayName()));
        }
        case "link", "unlink" -> {
          User other = users.byUsername(req.form("username")).filter(x -> x.schoolId() != null && x.schoolId() == school.id())
              .orElseThrow(() -> new IllegalArgumentException(req.t("admin.user.noAccount", "username", req.form("username"), "school", school.name())));
          User parent = u.kind() == UserKind.PARENT ? u : other;
          User child = u.kind() == UserKind.PARENT ? other : u;
          boolean link = "link".equals(req.pathParam("action"));
          Relationships.CarerLevel level = "VIEW_ONLY".equals(req.form("level")) ? Relationships.CarerLevel.VIEW_ONLY : Relationships.CarerLevel.FULL;
          db.transaction(() -> {
            if (link) users.linkParent(parent.id(), child.id(), req.form("relation"), level);
            else users.unlinkParent(parent.id(), child.id());
            auditLog.record(child.schoolId(), link ? AuditLog.Action.CARER_LINKED : AuditLog.Action.CARER_UNLINKED, me, child, null,
                parent.displayName() + (link ? " as " + (req.form("relation").isBlank() ? "Parent" : req.form("relation")) + (level == Relationships.CarerLevel.VIEW_ONLY ? ", view only" : "") : ""), null);
            return null;
          });
          return Reply.redirect(back).flash(req.t(link ? "admin.user.linked" : "admin.user.unlinked"));
        }
        case "safeguarding" -> {
          boolean lead = "true".equals(req.form("lead"));
          safeguarding.set(school.id(), u, lead, me);
          return Reply.redirect(back).flash(req.t(lead ? "admin.user.nowLead" : "admin.user.noLongerLeadNow", "name", u.displayName()));
        }
        default -> throw HttpProblem.notFound(req.t("admin.noPage"));
      }
    } catch (IllegalArgumentException e) {
      return userPageModel(req, school, u, req.t("admin.nothingChanged", "problem", req.problem(e)), 422);
    }
  }
}
