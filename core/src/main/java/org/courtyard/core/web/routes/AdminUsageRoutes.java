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

  @Inject
  public AdminUsageRoutes(Web web, AdminPages admin, SpaceStore spaces, UserStore users, PermissionService permissions, ActivityStore activity) {
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
    m.put("week", activity.usageSince(school.id(), now.minus(Duration.ofDays(7))));
    m.put("month", activity.usageSince(school.id(), now.minus(Duration.ofDays(30))));
    m.put("latest", activity.latest(school.id(), 50));
    m.put("users", AdminPages.counts(users.countsByKind(school.id())));
    m.put("spaces", AdminPages.counts(spaces.countsByKind(school.id())));
    return AdminPages.page("usage", school, m, req.t("admin.usage.title"));
  }
}
