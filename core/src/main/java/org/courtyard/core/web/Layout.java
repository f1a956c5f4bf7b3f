package org.courtyard.core.web;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Capability;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/** The school's page frame: branding, navigation, the space's tool menu, breadcrumbs and flash messages. */
@Singleton
public final class Layout {
  private static final String LANGUAGE_KEY = "courtyard.language";
  private final Renderer.Engine templates;
  private final org.courtyard.core.i18n.Messages messages;
  private final org.courtyard.core.i18n.LanguageChoice languages;
  private final org.courtyard.core.services.MessageOverrides overrides;
  private final SpaceStore spaces;
  private final UserStore users;
  private final SchoolStore schools;
  private final PermissionService permissions;
  private final CapabilityRegistry capabilities;
  private final ToolRegistry tools;
  private final org.courtyard.core.notify.NotificationStore notifications;

  private final org.courtyard.core.services.CoreDirectory directory;

  @Inject
  public Layout(SpaceStore spaces, UserStore users, SchoolStore schools, PermissionService permissions,
                CapabilityRegistry capabilities, ToolRegistry tools, org.courtyard.core.notify.NotificationStore notifications,
                org.courtyard.core.services.CoreDirectory directory, org.courtyard.core.i18n.Messages messages,
                org.courtyard.core.i18n.LanguageChoice languages, org.courtyard.core.services.MessageOverrides overrides) {
    this.overrides = overrides;
    this.directory = directory;
    this.messages = messages;
    this.languages = languages;
    this.templates = Renderer.engine(Layout.class.getClassLoader(), "/templates/core", messages, null);
    this.spaces = spaces;
    this.users = users;
    this.schools = schools;
    this.permissions = permissions;
    this.capabilities = capabilities;
    this.tools = tools;
    this.notifications = notifications;
  }

  public Renderer.Engine templates() { return templates; }

  public Map<String, Object> userModel(User u) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", u.id());
    m.put("username", u.username());
    m.put("displayName", u.displayName());
    m.put("firstName", u.firstName());
    m.put("kind", u.kind().label());
    m.put("avatar", Pictures.avatarSymbol(u.avatar()));
    m.put("personalUrl", "/s/~" + u.username());
    return m;
  }

  public org.courtyard.core.i18n.Messages messages() { return messages; }

  /** The language the reader reads (their choice, the sign-in page's, their browser's, or the school's), worked out once a request. */
  public org.courtyard.core.i18n.Language language(WebRequest req) {
    io.vertx.ext.web.RoutingContext ctx = req.routing();
    org.courtyard.core.i18n.Language known = ctx.get(LANGUAGE_KEY);
    if (known != null) return known;
    io.vertx.core.http.Cookie cookie = ctx.request().getCookie(org.courtyard.core.i18n.LanguageChoice.COOKIE);
    org.courtyard.core.i18n.Language chosen = languages.choose(req.user() == null ? null : req.user().id(),
        cookie == null ? null : cookie.getValue(), ctx.request().getHeader("Accept-Language"), schoolOf(req));
    ctx.put(LANGUAGE_KEY, chosen);
    return chosen;
  }

  /** Text as HTML in ASCII: characters past Latin-1 as numeric references (the names are ours, not user input). */
  static String asciiHtml(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c < 128 && c != '<' && c != '>' && c != '&' && c != '"') b.append((char) c);
      else b.append("&#").append(c).append(';');
    });
    return b.toString();
  }

  /** The reader's school's own wording for their language (key to pattern); usually none. */
  public Map<String, String> overrides(WebRequest req) {
    Long school = schoolOf(req);
    return school == null ? Map.of() : overrides.forLanguage(school, language(req).code());
  }

  /** The languages the reader's school offers, for the choosers. */
  public java.util.List<org.courtyard.core.i18n.Language> offeredLanguages(WebRequest req) { return languages.offered(schoolOf(req)); }

  /** The zone the reader's school keeps its times in (the space's school, else the person's), for the {{date}} helper. */
  public java.time.ZoneId timeZone(WebRequest req) {
    Long schoolId = schoolOf(req);
    return schoolId == null ? directory.timeZone(0) : directory.timeZone(schoolId);
  }

  private Long schoolOf(WebRequest req) {
    User user = req.user();
    Space space = req.space();
    Long schoolId = space != null && space.schoolId() != null ? space.schoolId() : user != null ? user.schoolId() : null;
    if (schoolId == null) schoolId = spaces.schools().stream().findFirst().map(Space::id).orElse(null);
    return schoolId;
  }

  String render(WebRequest req, String title, String body) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title == null ? "Courtyard" : title);
    m.put("body", new com.github.jknack.handlebars.Handlebars.SafeString(body));
    m.put("csrfToken", req.csrfToken());
    org.courtyard.core.i18n.Language language = language(req);
    m.put(Renderer.LANGUAGE, language.code());
    m.put(Renderer.OVERRIDES, overrides(req));
    m.put("dir", language.direction());
    // Names outside Latin-1 as character references: one Arabic name would otherwise make every page a
    // UTF-16 string, twice the memory and a slower encoding (measured with bench/run core).
    m.put("languages", offeredLanguages(req).stream().map(l -> Map.of("code", l.code(),
        "nativeName", new com.github.jknack.handlebars.Handlebars.SafeString(asciiHtml(l.nativeName())))).toList());
    // Where the chooser comes back to: this page, if it can be asked for again.
    m.put("here", "GET".equals(req.method()) ? req.routing().request().uri() : "/");
    m.put("timeZone", timeZone(req));
    m.put("flashes", req.takeFlashes());
    m.put("crumbs", crumbs(req));
    User user = req.user();
    Space space = req.space();
    Long schoolId = schoolOf(req);
    if (schoolId != null) {
      long sid = schoolId;
      spaces.byId(sid).ifPresent(school -> {
        Map<String, Object> s = new HashMap<>();
        s.put("name", school.name());
        s.put("url", school.url());
        s.put("theme", "/theme/" + sid + ".css");
        s.put("logo", schools.branding(sid).logoKey() == null ? null : "/theme/" + sid + "/logo");
        m.put("school", s);
      });
    }
    if (user != null) {
      Map<String, Object> u = userModel(user);
      u.put("admin", !permissions.adminSchools(user).isEmpty());
      u.put("unread", notifications.unread(user.id()));
      m.put("user", u);
      m.put("mySpaces", mySpaces(user, language.code(), overrides(req)));
    }
    if (space != null && user != null) {
      m.put("spaceNav", spaceNav(user, space, req.toolId(), language.code(), overrides(req)));
      m.put("spaceName", space.name());
      m.put("spaceUrl", space.url());
      m.put("archived", space.archived());
    }
    return templates.render("layout", m);
  }

  private List<Map<String, Object>> crumbs(WebRequest req) {
    List<Map<String, Object>> out = new ArrayList<>();
    Space space = req.space();
    if (space != null) {
      for (Space a : spaces.ancestors(space)) out.add(Map.of("name", a.name(), "url", a.url()));
      out.add(Map.of("name", space.name(), "url", space.url()));
    }
    for (WebRequest.Crumb c : req.crumbs()) out.add(Map.of("name", c.name(), "url", c.url() == null ? "" : c.url()));
    return out;
  }

  private List<Map<String, Object>> mySpaces(User user, String language, Map<String, String> own) {
    Map<Long, Space> seen = new LinkedHashMap<>();
    spaces.bySlug("~" + user.username()).ifPresent(s -> seen.put(s.id(), s));
    spaces.spacesOf(user.id()).forEach(s -> seen.putIfAbsent(s.id(), s));
    if (user.kind() == UserKind.PARENT) {
      for (User child : users.childrenOf(user.id())) {
        spaces.bySlug("~" + child.username()).ifPresent(s -> seen.putIfAbsent(s.id(), s));
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Space s : seen.values()) {
      String name = s.personal() && s.ownerUserId() != null && s.ownerUserId() == user.id() ? messages.format(null, language, "layout.mySpace", Map.of(), own) : s.name();
      out.add(Map.of("name", name, "url", s.url(), "kind", s.kind().label()));
    }
    return out;
  }

  /** The tools of a space this user can use, plus their menu entries and the space's own pages. */
  public List<Map<String, Object>> spaceNav(User user, Space space, String currentTool, String language, Map<String, String> own) {
    List<Map<String, Object>> nav = new ArrayList<>();
    nav.add(entry(messages.format(null, language, "layout.overview", Map.of(), own), space.url(), currentTool == null));
    for (ToolRegistry.ActiveTool tool : visibleTools(user, space)) {
      nav.add(entry(tool.info().icon() + " " + org.courtyard.core.plugins.ToolTexts.title(tool, language), space.url() + "/" + tool.id(), tool.id().equals(currentTool)));
      for (ToolRegistry.MenuEntry menu : tool.menus()) {
        if (permissions.can(user, tool.id() + "." + menu.capability(), space)) {
          String path = menu.path().startsWith("/") ? menu.path() : "/" + menu.path();
          nav.add(entry("— " + org.courtyard.core.plugins.ToolTexts.menu(tool, language, menu), space.url() + "/" + tool.id() + path, false));
        }
      }
    }
    if (permissions.can(user, CapabilityRegistry.SPACE_RESULTS.id(), space)) {
      nav.add(entry(messages.format(null, language, "layout.results", Map.of(), own), space.url() + "/results", false));
    }
    if (permissions.can(user, CapabilityRegistry.SPACE_MANAGE.id(), space)) {
      nav.add(entry(messages.format(null, language, "layout.manage", Map.of(), own), space.url() + "/manage", "manage".equals(currentTool)));
    }
    return nav;
  }

  /** Tools added to the space, enabled for its school, running, and holding a capability this user has. */
  public List<ToolRegistry.ActiveTool> visibleTools(User user, Space space) {
    // A space page asks twice (its tool cards and the layout's menu): work it out once per request.
    return org.courtyard.core.cache.RequestMemo.get(() -> computeVisibleTools(user, space), "visible-tools", user.id(), space.id());
  }

  private List<ToolRegistry.ActiveTool> computeVisibleTools(User user, Space space) {
    List<ToolRegistry.ActiveTool> out = new ArrayList<>();
    var added = spaces.tools(space.id());
    for (String id : added) {
      var tool = tools.tool(id).orElse(null);
      if (tool == null) continue;
      if (space.schoolId() != null && !schools.toolEnabled(space.schoolId(), id)) continue;
      boolean any = false;
      for (Capability c : capabilities.ownedBy(tool.pluginId())) {
        if (c.id().startsWith(id + ".") && permissions.can(user, c.id(), space)) {
          any = true;
          break;
        }
      }
      if (any) out.add(tool);
    }
    return out;
  }

  private static Map<String, Object> entry(String label, String url, boolean current) {
    Map<String, Object> m = new HashMap<>();
    m.put("label", label);
    m.put("url", url);
    m.put("current", current);
    return m;
  }

  /** For core handlers that want a page with the core templates. */
  public static Reply page(String template, Map<String, ?> model, String title) { return Page.of(template, model).title(title); }
}
