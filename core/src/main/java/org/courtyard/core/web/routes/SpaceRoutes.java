package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.User;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Layout;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;
import org.courtyard.core.web.ToolDispatch;

/** A space's page: what it is, the tools it has, its widgets and the spaces inside it. */
public final class SpaceRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final Layout layout;
  private final ToolDispatch tools;

  @Inject
  public SpaceRoutes(Web web, SpaceStore spaces, PermissionService permissions, Layout layout, ToolDispatch tools) {
    this.web = web;
    this.spaces = spaces;
    this.permissions = permissions;
    this.layout = layout;
    this.tools = tools;
  }

  public void mount(Router router) {
    router.get("/s/:space").handler(web.page(this::show));
  }

  /** Finds the space and checks a capability, or answers 404/403 with the reason. */
  public static Space require(WebRequest req, SpaceStore spaces, PermissionService permissions, String capability) {
    Space space = spaces.bySlug(req.pathParam("space")).orElseThrow(() -> HttpProblem.notFound(req.t("space.noSuch")));
    req.inSpace(space);
    Decision d = permissions.decide(req.requireUser(), capability, space);
    if (!d.allowed()) throw HttpProblem.forbidden(req.t("space.forbidden", "space", space.name(), "reason", req.t(d.why())));
    return space;
  }

  private Reply show(WebRequest req) {
    Space space = require(req, spaces, permissions, CapabilityRegistry.SPACE_VIEW.id());
    User user = req.user();
    Map<String, Object> m = new HashMap<>();
    m.put("space", card(req, space));
    m.put("description", space.description());
    m.put("archived", space.archived());
    List<Map<String, Object>> toolCards = new ArrayList<>();
    List<ToolRegistry.ActiveTool> visible = layout.visibleTools(user, space);
    for (ToolRegistry.ActiveTool t : visible) {
      toolCards.add(Map.of("title", org.courtyard.core.plugins.ToolTexts.title(t, req.language().code()), "icon", t.info().icon(),
          "description", org.courtyard.core.plugins.ToolTexts.description(t, req.language().code()), "url", space.url() + "/" + t.id()));
    }
    m.put("tools", toolCards);
    List<Map<String, Object>> children = new ArrayList<>();
    for (Space c : spaces.children(space.id())) {
      if (permissions.can(user, CapabilityRegistry.SPACE_VIEW.id(), c)) children.add(card(req, c));
    }
    m.put("children", children);
    m.put("widgets", tools.widgets(req, user, space, visible));
    m.put("canManage", permissions.can(user, CapabilityRegistry.SPACE_MANAGE.id(), space));
    m.put("canSeeMembers", permissions.can(user, CapabilityRegistry.SPACE_MEMBERS.id(), space));
    return Page.of("space", m).title(space.name());
  }

  /** A space for a page, its kind in the reader's language. */
  public static Map<String, Object> card(WebRequest req, Space s) {
    Map<String, Object> m = card(s);
    m.put("kind", kind(req, s.kind()));
    return m;
  }

  /** A kind of space in the reader's language. */
  public static String kind(WebRequest req, org.courtyard.api.SpaceKind k) { return req.t("kind.space." + k.name()); }

  /** A kind of person in the reader's language. */
  public static String kind(WebRequest req, org.courtyard.api.UserKind k) { return req.t("kind.user." + k.name()); }

  /** A role in the reader's language. */
  public static String role(WebRequest req, org.courtyard.api.Role r) { return req.t("role." + r.name()); }

  public static Map<String, Object> card(Space s) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", s.name());
    m.put("url", s.url());
    m.put("kind", s.kind().label());
    m.put("slug", s.slug());
    m.put("archived", s.archived());
    return m;
  }
}
