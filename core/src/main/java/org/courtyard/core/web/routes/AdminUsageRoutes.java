package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.plugins.ToolTexts;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.services.ActivityStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** The way into the admin pages ({@code /admin}), each school's overview, and its usage figures. */
public final class AdminUsageRoutes {
  private final Web web;
  private final AdminPages admin;
  private final SpaceStore spaces;
  private final UserStore users;
  private final PermissionService permissions;
  private final ActivityStore activity;

  private final ToolRegistry tools;

  @Inject
  public AdminUsageRoutes(Web web, AdminPages admin, SpaceStore spaces, UserStore users, PermissionService permissions, ActivityStore activity,
                          ToolRegistry tools) {
    this.tools = tools;
    this.web = web;
    this.admin = admin;
    this.spaces = spaces;
    this.users = users;
    this.permissions = permissions;
    this.activity = activity;
  }

  public void mount(Router r) {
    r.get("/admin").handler(web.page(this::pickSchool));
    r.get("/admin/:school").handler(web.page(this::overview));
    r.get("/admin/:school/usage").handler(web.page(this::usage));
  }

  private Reply pickSchool(WebRequest req) {
    List<Space> mine = permissions.adminSchools(req.requireUser());
    if (mine.isEmpty()) throw HttpProblem.forbidden(req.t("admin.noSchools"));
    if (mine.size() == 1) return Reply.redirect(AdminPages.base(mine.get(0)));
    List<Map<String, Object>> list = new ArrayList<>();
    mine.forEach(s -> list.add(Map.of("name", s.name(), "url", AdminPages.base(s))));
    return Page.of("admin/schools", Map.of("schools", list)).title(req.t("admin.title"));
  }

  private Reply overview(WebRequest req) {
    Space school = admin.school(req);
    Map<String, Object> m = new HashMap<>();
    m.put("users", AdminPages.counts(users.countsByKind(school.id())));
    m.put("spaces", AdminPages.counts(spaces.countsByKind(school.id())));
    return AdminPages.page("overview", school, m, req.t("admin.title"));
  }

  private Reply usage(WebRequest req) {
    Space school = admin.school(req);
    Instant now = Instant.now();
    Map<String, Object> m = new HashMap<>();
    m.put("week", usage(req, activity.usageSince(school.id(), now.minus(Duration.ofDays(7)))));
    m.put("month", usage(req, activity.usageSince(school.id(), now.minus(Duration.ofDays(30)))));
    m.put("latest", latest(req, activity.latest(school.id(), 50)));
    m.put("users", AdminPages.counts(users.countsByKind(school.id())));
    m.put("spaces", AdminPages.counts(spaces.countsByKind(school.id())));
    return AdminPages.page("usage", school, m, req.t("admin.usage.title"));
  }

  /** Counts per tool and kind of action, named in the reader's language where the tool says how. */
  private List<Map<String, Object>> usage(WebRequest req, List<ActivityStore.Usage> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ActivityStore.Usage u : rows) {
      out.add(Map.of("toolId", toolName(req, u.toolId()), "action", actionName(req, u.toolId(), u.action()), "count", u.count()));
    }
    return out;
  }

  /** The latest entries, each summary in the reader's language when its tool gave it as a message (older ones as stored). */
  private List<Map<String, Object>> latest(WebRequest req, List<ActivityStore.Entry> entries) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ActivityStore.Entry e : entries) {
      Map<String, Object> row = new HashMap<>();
      row.put("at", e.at());
      row.put("who", e.who());
      row.put("where", e.where());
      row.put("toolId", toolName(req, e.toolId()));
      var tool = tools.tool(e.toolId());
      boolean core = AdminPages.ADMIN.equals(e.toolId());
      row.put("summary", e.key() == null || (tool.isEmpty() && !core) ? e.summary()
          : web.messages().format(core || tool.get().templates() == null ? null : tool.get().templates().bundle(), req.language().code(), e.key(), e.args(), null));
      out.add(row);
    }
    return out;
  }

  private String toolName(WebRequest req, String toolId) {
    if (AdminPages.ADMIN.equals(toolId)) return req.t("admin.title");
    return tools.tool(toolId).map(t -> ToolTexts.title(t, req.language().code())).orElse(toolId);
  }

  /** A kind of action's name: the tool's {@code <tool>.action.<action>} message, else the name the tool gave it. */
  private String actionName(WebRequest req, String toolId, String action) {
    if (AdminPages.ADMIN.equals(toolId)) return action;
    var tool = tools.tool(toolId);
    if (tool.isEmpty() || tool.get().templates() == null) return action;
    String words = tool.get().templates().bundle().pattern(req.language().code(), toolId + ".action." + action);
    if (words == null) words = tool.get().templates().bundle().pattern("en", toolId + ".action." + action);
    return words != null ? org.courtyard.core.i18n.Messages.plain(words) : action;
  }
}
