package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.Credentials;
import org.courtyard.core.identity.PictureDevices;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.relationships.Authority;
import org.courtyard.core.relationships.MembershipChanges;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.services.ToolSettings;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * A space owner's page, {@code /s/:space/manage}: details, tools, members, permissions, per-space
 * settings, picture login for classes, archive. Needs {@code space.manage}; the member list at
 * {@code /s/:space/members} needs {@code space.members}.
 */
public final class SpaceManageRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;
  private final PermissionService permissions;
  private final CapabilityRegistry capabilities;
  private final ToolRegistry tools;
  private final SchoolStore schools;
  private final ToolSettings settings;
  private final Authority authority;
  private final MembershipChanges memberships;
  private final Credentials credentials;
  private final PictureDevices devices;
  private final Config config;

  @Inject
  public SpaceManageRoutes(Web web, SpaceStore spaces, UserStore users, PermissionService permissions, CapabilityRegistry capabilities,
                           ToolRegistry tools, SchoolStore schools, ToolSettings settings, Authority authority,
                           MembershipChanges memberships, Credentials credentials, PictureDevices devices, Config config) {
    this.authority = authority;
    this.memberships = memberships;
    this.credentials = credentials;
    this.devices = devices;
    this.config = config;
    this.web = web;
    this.spaces = spaces;
    this.users = users;
    this.permissions = permissions;
    this.capabilities = capabilities;
    this.tools = tools;
    this.schools = schools;
    this.settings = settings;
  }

  public void mount(Router r) {
    r.get("/s/:space/members").handler(web.page(this::members));
    r.get("/s/:space/manage").handler(web.page(this::show));
    r.post("/s/:space/manage/:section").handler(web.page(this::change));
  }

  private Reply members(WebRequest req) {
    Space space = SpaceRoutes.require(req, spaces, permissions, CapabilityRegistry.SPACE_MEMBERS.id());
    req.crumb(req.t("manage.members"), null);
    return Page.of("manage/members", Map.of("space", SpaceRoutes.card(req, space), "members", memberList(req, space))).title(req.t("space.members", "space", space.name()));
  }

  private List<Map<String, Object>> memberList(WebRequest req, Space space) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Membership m : spaces.members(space.id())) {
      users.byId(m.userId()).ifPresent(u -> {
        Map<String, Object> row = new HashMap<>();
        row.put("id", u.id());
        row.put("name", u.displayName());
        row.put("username", u.username());
        row.put("kind", SpaceRoutes.kind(req, u.kind()));
        row.put("avatar", Pictures.avatarSymbol(u.avatar()));
        row.put("role", m.role().name());
        row.put("roleLabel", SpaceRoutes.role(req, m.role()));
        row.put("cascades", m.cascades());
        row.put("learner", u.kind() == UserKind.LEARNER);
        row.put("hasPictures", u.hasPicturePassword());
        out.add(row);
      });
    }
    out.sort(Comparator.comparing((Map<String, Object> x) -> Role.valueOf((String) x.get("role"))).reversed()
        .thenComparing(x -> (String) x.get("name")));
    return out;
  }

  private Space manageable(WebRequest req) {
    Space space = spaces.bySlug(req.pathParam("space")).orElseThrow(() -> HttpProblem.notFound(req.t("space.noSuch")));
    req.inSpace(space).inTool("manage").crumb(req.t("manage.crumb"), space.url() + "/manage");
    // Archived spaces refuse space.manage; their owners may still open the page to un-archive.
    String cap = CapabilityRegistry.SPACE_MANAGE.id();
    var d = permissions.decide(req.requireUser(), cap, space);
    boolean ownerOfArchived = space.archived() && permissions.role(req.user(), space).map(r -> r == Role.OWNER).orElse(false);
    if (!d.allowed() && !ownerOfArchived) throw HttpProblem.forbidden(req.t("manage.ownerOnly", "space", space.name(), "reason", req.t(d.why())));
    return space;
  }

  private Reply show(WebRequest req) {
    Space space = manageable(req);
    return page(req, space, null, 200);
  }

  private List<ToolRegistry.ActiveTool> availableTools(Space space) {
    return tools.tools().stream()
        .filter(t -> t.info().isSuitedTo(space.kind()))
        .filter(t -> space.schoolId() == null || schools.toolEnabled(space.schoolId(), t.id()))
        .toList();
  }

  private Page page(WebRequest req, Space space, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> sm = new HashMap<>(SpaceRoutes.card(req, space));
    sm.put("description", space.description());
    sm.put("parentsAllowed", space.parentsAllowed());
    sm.put("isClass", space.kind() == SpaceKind.CLASS);
    sm.put("pictureCode", space.pictureCode());
    sm.put("pictureUrl", "/picture/" + space.pictureCode());
    sm.put("personal", space.personal());
    sm.put("schoolSets", space.personal() && !permissions.isAdminFor(req.user(), space));
    sm.put("devices", space.kind() == SpaceKind.CLASS ? devices.count(space) : 0);
    m.put("space", sm);
    m.put("error", error);
    var added = spaces.tools(space.id());
    List<Map<String, Object>> toolRows = new ArrayList<>();
    List<Capability> caps = new ArrayList<>(List.of(CapabilityRegistry.SPACE_VIEW, CapabilityRegistry.SPACE_MEMBERS, CapabilityRegistry.SPACE_MANAGE, CapabilityRegistry.SPACE_RESULTS));
    List<Map<String, Object>> settingRows = new ArrayList<>();
    Map<String, String> capabilityWords = new HashMap<>();
    for (Capability c : caps) capabilityWords.put(c.id(), req.t("capability." + c.id()));
    for (ToolRegistry.ActiveTool t : availableTools(space)) {
      boolean on = added.contains(t.id());
      String title = org.courtyard.core.plugins.ToolTexts.title(t, req.language().code());
      toolRows.add(Map.of("id", t.id(), "title", title, "icon", t.info().icon(), "added", on));
      if (!on) continue;
      for (Capability c : capabilities.ownedBy(t.pluginId())) {
        if (!c.id().startsWith(t.id() + ".")) continue;
        caps.add(c);
        capabilityWords.put(c.id(), org.courtyard.core.plugins.ToolTexts.capability(t, req.language().code(), c.id().substring(t.id().length() + 1), c.description()));
      }
      for (Setting<?> s : t.info().settings()) {
        if (s.scope() != Setting.Scope.SPACE) continue;
        Map<String, Object> f = SettingFields.field(t, req.language().code(), s, settings.effective(space, t.id(), s));
        f.put("tool", t.id());
        f.put("toolTitle", title);
        f.put("field", t.id() + "." + s.key());
        settingRows.add(f);
      }
    }
    m.put("tools", toolRows);
    m.put("settings", settingRows);
    List<Map<String, Object>> capRows = new ArrayList<>();
    for (Capability c : caps) {
      String override = permissions.override(space.id(), c.id()).orElse("");
      List<Map<String, Object>> options = new ArrayList<>();
      options.add(Map.of("value", "", "label", req.t("manage.defaultRole", "role", SpaceRoutes.role(req, c.defaultRole())), "selected", override.isEmpty()));
      for (Role r : Role.values()) options.add(Map.of("value", r.name(), "label", req.t("manage.roleAndAbove", "role", SpaceRoutes.role(req, r)), "selected", override.equals(r.name())));
      options.add(Map.of("value", PermissionService.NOBODY, "label", req.t("manage.nobody"), "selected", override.equals(PermissionService.NOBODY)));
      capRows.add(Map.of("id", c.id(), "description", capabilityWords.getOrDefault(c.id(), c.description()), "options", options, "changed", !override.isEmpty()));
    }
    m.put("capabilities", capRows);
    m.put("members", memberList(req, space));
    m.put("roles", List.of(Role.values()).stream().map(r -> Map.of("value", r.name(), "label", SpaceRoutes.role(req, r))).toList());
    m.put("pictures", AccountRoutes.pictureChoices(req));
    return Page.of("manage/manage", m).title(req.t("manage.title", "space", space.name())).status(status);
  }

  private Reply change(WebRequest req) {
    Space space = manageable(req);
    String back = space.url() + "/manage";
    String section = req.pathParam("section");
    if (space.archived() && !"unarchive".equals(section)) {
      return page(req, space, req.t("manage.isArchived", "space", space.name()), 422);
    }
    try {
      switch (section) {
        case "details" -> {
          // A child cannot shut their parents out of their own space: only the school decides that.
          boolean parentsAllowed = space.personal() && !permissions.isAdminFor(req.user(), space) ? space.parentsAllowed()
              : req.formAll("parentsAllowed").contains("true");
          spaces.update(space.id(), req.form("name"), req.form("description"), parentsAllowed);
          return Reply.redirect(back).flash(req.t("manage.saved"));
        }
        case "tools" -> {
          String toolId = req.form("tool");
          ToolRegistry.ActiveTool tool = availableTools(space).stream().filter(t -> t.id().equals(toolId)).findFirst()
              .orElseThrow(() -> new IllegalArgumentException(req.t("manage.toolUnavailable")));
          if ("add".equals(req.form("action"))) {
            spaces.addTool(space.id(), toolId);
            return Reply.redirect(back).flash(req.t("manage.toolAdded", "tool", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code())));
          }
          spaces.removeTool(space.id(), toolId);
          return Reply.redirect(back).flash(req.t("manage.toolRemoved", "tool", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code())));
        }
        case "add-member" -> {
          User u = authority.addable(req.user(), space, req.form("username"));
          Role role = role(req, req.form("role"));
          memberships.put(req.user(), space, u, role, req.formAll("cascades").contains("true"));
          return Reply.redirect(back).flash(req.t("manage.memberAdded", "name", u.displayName(), "role", role.name(), "space", space.name()));
        }
        case "member-role" -> {
          User u = member(req, space, req.formId("user"));
          memberships.put(req.user(), space, u, role(req, req.form("role")), req.formAll("cascades").contains("true"));
          return Reply.redirect(back).flash(req.t("manage.saved"));
        }
        case "remove-member" -> {
          User u = member(req, space, req.formId("user"));
          memberships.remove(req.user(), space, u);
          return Reply.redirect(back).flash(req.t("manage.memberRemoved", "name", u.displayName(), "space", space.name()));
        }
        case "permissions" -> {
          if (space.personal() && !permissions.isAdminFor(req.user(), space)) {
            throw new IllegalArgumentException(req.t("manage.personalPermissions"));
          }
          Map<String, String> changes = new LinkedHashMap<>();
          for (String key : req.formMap().names()) {
            if (!key.startsWith("cap:")) continue;
            String cap = key.substring(4);
            String value = req.form(key);
            if (!value.isEmpty() && !PermissionService.NOBODY.equals(value)) role(req, value);
            changes.put(cap, value);
          }
          for (var e : changes.entrySet()) {
            if (capabilities.find(e.getKey()).isEmpty()) throw new IllegalArgumentException(req.t("manage.unknownCapability", "capability", e.getKey()));
          }
          changes.forEach((cap, value) -> permissions.setOverride(space.id(), cap, value));
          return Reply.redirect(back).flash(req.t("manage.permissionsSaved"));
        }
        case "settings" -> {
          String toolId = req.form("tool");
          ToolRegistry.ActiveTool tool = tools.tool(toolId).filter(t -> spaces.tools(space.id()).contains(t.id()))
              .orElseThrow(() -> new IllegalArgumentException(req.t("manage.toolNotHere")));
          Map<Setting<?>, String> values = new LinkedHashMap<>();
          for (Setting<?> s : tool.info().settings()) {
            if (s.scope() != Setting.Scope.SPACE) continue;
            String field = tool.id() + "." + s.key();
            if (req.formAll(field).isEmpty()) continue; // not on this form: keep its value
            values.put(s, SettingFields.submitted(req, s, field));
          }
          settings.save(space.id(), tool.id(), values);
          return Reply.redirect(back).flash(req.t("manage.settingsSaved", "tool", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code()), "space", space.name()));
        }
        case "picture-code" -> {
          if (space.kind() != SpaceKind.CLASS) throw new IllegalArgumentException(req.t("manage.picturesForClasses"));
          spaces.regeneratePictureCode(space.id());
          return Reply.redirect(back).flash(req.t("manage.newCode"));
        }
        case "pictures" -> {
          User u = member(req, space, req.formId("user"));
          if (u.kind() != UserKind.LEARNER) throw new IllegalArgumentException(req.t("pictures.forLearners"));
          if (!authority.looksAfter(req.user(), u)) {
            throw new IllegalArgumentException(req.t("manage.onlyTeachersPictures", "name", u.firstName()));
          }
          List<String> picks = AccountRoutes.picksOrRandom(req);
          credentials.resetPictures(req.user(), u, picks);
          return Reply.redirect(back).flash(req.t("pictures.newFor", "name", u.firstName(), "pictures", AccountRoutes.pictureNames(req, picks)));
        }
        case "picture-device" -> {
          if (space.kind() != SpaceKind.CLASS) throw new IllegalArgumentException(req.t("manage.picturesForClasses"));
          // A set-up device may get more wrong tries a day: only staff (the class's teachers) or the school admin make one.
          if (req.user().kind() != UserKind.STAFF && !permissions.isAdminFor(req.user(), space)) {
            throw new IllegalArgumentException(req.t("manage.onlyTeachersDevices"));
          }
          String token = devices.setUp(space, req.user(), req.clientAddress());
          req.routing().response().addCookie(io.vertx.core.http.Cookie.cookie(PictureDevices.cookieName(space), token)
              .setPath("/picture/").setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.LAX)
              .setSecure(config.secureCookies()).setMaxAge(400L * 24 * 3600));
          return Reply.redirect(back + "#pictures").flash(req.t("manage.deviceSetUp", "space", space.name()));
        }
        case "picture-devices-forget" -> {
          int gone = devices.forgetAll(space, req.user());
          return Reply.redirect(back + "#pictures").flash(req.t("manage.devicesForgotten", "count", gone));
        }
        case "archive" -> {
          spaces.setArchived(space.id(), true);
          return Reply.redirect(space.url()).flash(req.t("manage.archived", "space", space.name()));
        }
        case "unarchive" -> {
          spaces.setArchived(space.id(), false);
          return Reply.redirect(back).flash(req.t("manage.reopened", "space", space.name()));
        }
        default -> throw HttpProblem.notFound(req.t("error.noPage"));
      }
    } catch (IllegalArgumentException e) {
      return page(req, space, req.t("nothingChanged", "problem", req.problem(e)), 422);
    }
  }

  private static Role role(WebRequest req, String value) {
    try {
      return Role.parse(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(req.t("manage.chooseRole"));
    }
  }

  private User member(WebRequest req, Space space, long userId) {
    if (spaces.membership(space.id(), userId).isEmpty()) throw new IllegalArgumentException(req.t("manage.notMember", "space", space.name()));
    return users.byId(userId).orElseThrow();
  }
}
