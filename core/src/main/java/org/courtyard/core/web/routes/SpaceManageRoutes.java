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
    req.crumb("Members", null);
    return Page.of("manage/members", Map.of("space", SpaceRoutes.card(space), "members", memberList(space))).title("Who is in " + space.name());
  }

  private List<Map<String, Object>> memberList(Space space) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Membership m : spaces.members(space.id())) {
      users.byId(m.userId()).ifPresent(u -> {
        Map<String, Object> row = new HashMap<>();
        row.put("id", u.id());
        row.put("name", u.displayName());
        row.put("username", u.username());
        row.put("kind", u.kind().label());
        row.put("avatar", Pictures.avatarSymbol(u.avatar()));
        row.put("role", m.role().name());
        row.put("roleLabel", m.role().label());
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
    Space space = spaces.bySlug(req.pathParam("space")).orElseThrow(() -> HttpProblem.notFound("There is no such space."));
    req.inSpace(space).inTool("manage").crumb("Manage", space.url() + "/manage");
    // Archived spaces refuse space.manage; their owners may still open the page to un-archive.
    String cap = CapabilityRegistry.SPACE_MANAGE.id();
    var d = permissions.decide(req.requireUser(), cap, space);
    boolean ownerOfArchived = space.archived() && permissions.role(req.user(), space).map(r -> r == Role.OWNER).orElse(false);
    if (!d.allowed() && !ownerOfArchived) throw HttpProblem.forbidden("Only the owner of " + space.name() + " can change it. " + d.reason());
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
    Map<String, Object> sm = new HashMap<>(SpaceRoutes.card(space));
    sm.put("description", space.description());
    sm.put("parentsAllowed", space.parentsAllowed());
    sm.put("isClass", space.kind() == SpaceKind.CLASS);
    sm.put("pictureCode", space.pictureCode());
    sm.put("personal", space.personal());
    sm.put("schoolSets", space.personal() && !permissions.isAdminFor(req.user(), space));
    sm.put("devices", space.kind() == SpaceKind.CLASS ? devices.count(space) : 0);
    m.put("space", sm);
    m.put("error", error);
    var added = spaces.tools(space.id());
    List<Map<String, Object>> toolRows = new ArrayList<>();
    List<Capability> caps = new ArrayList<>(List.of(CapabilityRegistry.SPACE_VIEW, CapabilityRegistry.SPACE_MEMBERS, CapabilityRegistry.SPACE_MANAGE, CapabilityRegistry.SPACE_RESULTS));
    List<Map<String, Object>> settingRows = new ArrayList<>();
    for (ToolRegistry.ActiveTool t : availableTools(space)) {
      boolean on = added.contains(t.id());
      toolRows.add(Map.of("id", t.id(), "title", t.info().title(), "icon", t.info().icon(), "added", on));
      if (!on) continue;
      caps.addAll(capabilities.ownedBy(t.pluginId()).stream().filter(c -> c.id().startsWith(t.id() + ".")).toList());
      for (Setting<?> s : t.info().settings()) {
        if (s.scope() != Setting.Scope.SPACE) continue;
        Map<String, Object> f = SettingFields.field(s, settings.effective(space, t.id(), s));
        f.put("tool", t.id());
        f.put("toolTitle", t.info().title());
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
      options.add(Map.of("value", "", "label", "Default (" + c.defaultRole().label() + " and above)", "selected", override.isEmpty()));
      for (Role r : Role.values()) options.add(Map.of("value", r.name(), "label", r.label() + " and above", "selected", override.equals(r.name())));
      options.add(Map.of("value", PermissionService.NOBODY, "label", "Nobody (only school admins)", "selected", override.equals(PermissionService.NOBODY)));
      capRows.add(Map.of("id", c.id(), "description", c.description(), "options", options, "changed", !override.isEmpty()));
    }
    m.put("capabilities", capRows);
    m.put("members", memberList(space));
    m.put("roles", List.of(Role.values()).stream().map(r -> Map.of("value", r.name(), "label", r.label())).toList());
    m.put("pictures", Pictures.SECRETS);
    return Page.of("manage/manage", m).title("Manage " + space.name()).status(status);
  }

  private Reply change(WebRequest req) {
    Space space = manageable(req);
    String back = space.url() + "/manage";
    String section = req.pathParam("section");
    if (space.archived() && !"unarchive".equals(section)) {
      return page(req, space, space.name() + " is archived: open it again before changing it.", 422);
    }
    try {
      switch (section) {
        case "details" -> {
          // A child cannot shut their parents out of their own space: only the school decides that.
          boolean parentsAllowed = space.personal() && !permissions.isAdminFor(req.user(), space) ? space.parentsAllowed()
              : req.formAll("parentsAllowed").contains("true");
          spaces.update(space.id(), req.form("name"), req.form("description"), parentsAllowed);
          return Reply.redirect(back).flash("Saved.");
        }
        case "tools" -> {
          String toolId = req.form("tool");
          ToolRegistry.ActiveTool tool = availableTools(space).stream().filter(t -> t.id().equals(toolId)).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("That tool is not available for this space."));
          if ("add".equals(req.form("action"))) {
            spaces.addTool(space.id(), toolId);
            return Reply.redirect(back).flash(tool.info().title() + " added.");
          }
          spaces.removeTool(space.id(), toolId);
          return Reply.redirect(back).flash(tool.info().title() + " removed. Nothing it holds was deleted; add it again to get it back.");
        }
        case "add-member" -> {
          User u = authority.addable(req.user(), space, req.form("username"));
          Role role = role(req.form("role"));
          memberships.put(req.user(), space, u, role, req.formAll("cascades").contains("true"));
          return Reply.redirect(back).flash(u.displayName() + " is now " + role.label().toLowerCase() + " of " + space.name() + ".");
        }
        case "member-role" -> {
          User u = member(space, req.formId("user"));
          memberships.put(req.user(), space, u, role(req.form("role")), req.formAll("cascades").contains("true"));
          return Reply.redirect(back).flash("Saved.");
        }
        case "remove-member" -> {
          User u = member(space, req.formId("user"));
          memberships.remove(req.user(), space, u);
          return Reply.redirect(back).flash(u.displayName() + " is no longer in " + space.name() + ".");
        }
        case "permissions" -> {
          if (space.personal() && !permissions.isAdminFor(req.user(), space)) {
            throw new IllegalArgumentException("Who may do what in a personal space is the school's to set, so that parents and teachers keep what they may see.");
          }
          Map<String, String> changes = new LinkedHashMap<>();
          for (String key : req.formMap().names()) {
            if (!key.startsWith("cap:")) continue;
            String cap = key.substring(4);
            String value = req.form(key);
            if (!value.isEmpty() && !PermissionService.NOBODY.equals(value)) role(value);
            changes.put(cap, value);
          }
          for (var e : changes.entrySet()) {
            if (capabilities.find(e.getKey()).isEmpty()) throw new IllegalArgumentException("Unknown capability " + e.getKey() + ".");
          }
          changes.forEach((cap, value) -> permissions.setOverride(space.id(), cap, value));
          return Reply.redirect(back).flash("Permissions saved.");
        }
        case "settings" -> {
          String toolId = req.form("tool");
          ToolRegistry.ActiveTool tool = tools.tool(toolId).filter(t -> spaces.tools(space.id()).contains(t.id()))
              .orElseThrow(() -> new IllegalArgumentException("That tool is not in this space."));
          Map<Setting<?>, String> values = new LinkedHashMap<>();
          for (Setting<?> s : tool.info().settings()) {
            if (s.scope() != Setting.Scope.SPACE) continue;
            String field = tool.id() + "." + s.key();
            if (req.formAll(field).isEmpty()) continue; // not on this form: keep its value
            values.put(s, SettingFields.submitted(req, s, field));
          }
          settings.save(space.id(), tool.id(), values);
          return Reply.redirect(back).flash(tool.info().title() + " settings saved for " + space.name() + ".");
        }
        case "picture-code" -> {
          if (space.kind() != SpaceKind.CLASS) throw new IllegalArgumentException("Picture login is for classes.");
          spaces.regeneratePictureCode(space.id());
          return Reply.redirect(back).flash("New picture login link made; the old one no longer works.");
        }
        case "pictures" -> {
          User u = member(space, req.formId("user"));
          if (u.kind() != UserKind.LEARNER) throw new IllegalArgumentException("Picture passwords are for learners.");
          if (!authority.looksAfter(req.user(), u)) {
            throw new IllegalArgumentException("Only " + u.firstName() + "'s teachers or the ICT leader can set their pictures.");
          }
          List<String> picks = AccountRoutes.picksOrRandom(req);
          credentials.resetPictures(req.user(), u, picks);
          return Reply.redirect(back).flash("New pictures for " + u.firstName() + ": " + String.join(", ", picks) + ".");
        }
        case "picture-device" -> {
          if (space.kind() != SpaceKind.CLASS) throw new IllegalArgumentException("Picture login is for classes.");
          // A set-up device may get more wrong tries a day: only staff (the class's teachers) or the school admin make one.
          if (req.user().kind() != UserKind.STAFF && !permissions.isAdminFor(req.user(), space)) {
            throw new IllegalArgumentException("Only the class's teachers set up classroom devices.");
          }
          String token = devices.setUp(space, req.user(), req.clientAddress());
          req.routing().response().addCookie(io.vertx.core.http.Cookie.cookie(PictureDevices.cookieName(space), token)
              .setPath("/picture/").setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.LAX)
              .setSecure(config.secureCookies()).setMaxAge(400L * 24 * 3600));
          return Reply.redirect(back + "#pictures").flash("This device is set up for " + space.name() + "'s picture sign-in. Sign out and hand it to the class.");
        }
        case "picture-devices-forget" -> {
          int gone = devices.forgetAll(space, req.user());
          return Reply.redirect(back + "#pictures").flash(gone + " devices forgotten: they count as any other device until set up again.");
        }
        case "archive" -> {
          spaces.setArchived(space.id(), true);
          return Reply.redirect(space.url()).flash(space.name() + " is archived: everyone can still read it.");
        }
        case "unarchive" -> {
          spaces.setArchived(space.id(), false);
          return Reply.redirect(back).flash(space.name() + " is open again.");
        }
        default -> throw HttpProblem.notFound("There is no such page.");
      }
    } catch (IllegalArgumentException e) {
      return page(req, space, e.getMessage() + " Nothing was changed.", 422);
    }
  }

  private static Role role(String value) {
    try {
      return Role.parse(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Choose a role: viewer, member, teacher or owner.");
    }
  }

  private User member(Space space, long userId) {
    if (spaces.membership(space.id(), userId).isEmpty()) throw new IllegalArgumentException("That person is not in " + space.name() + ".");
    return users.byId(userId).orElseThrow();
  }
}
