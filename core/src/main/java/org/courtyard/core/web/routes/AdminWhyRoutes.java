package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** "Why can or can't they?": the permission rule's answer, with its reason, for a person, a capability and a space. */
public final class AdminWhyRoutes {
  private final Web web;
  private final AdminPages admin;
  private final SpaceStore spaces;
  private final UserStore users;
  private final PermissionService permissions;
  private final CapabilityRegistry capabilities;

  @Inject
  public AdminWhyRoutes(Web web, AdminPages admin, SpaceStore spaces, UserStore users, PermissionService permissions,
                        CapabilityRegistry capabilities) {
    this.web = web;
    this.admin = admin;
    this.spaces = spaces;
    this.users = users;
    this.permissions = permissions;
    this.capabilities = capabilities;
  }

  public void mount(Router r) {
    r.get("/admin/:school/why").handler(web.page(this::why));
  }

  private Reply why(WebRequest req) {
    Space school = admin.school(req);
    Map<String, Object> m = new HashMap<>();
    String username = req.query("user").orElse("");
    String capability = req.query("capability").orElse("");
    String slug = req.query("space").orElse("");
    m.put("username", username);
    m.put("capability", capability);
    m.put("spaceSlug", slug);
    m.put("capabilities", capabilities.all().stream().map(Capability::id).toList());
    if (!username.isEmpty() && !capability.isEmpty() && !slug.isEmpty()) {
      // Only this school's people and spaces (a site admin's "why" covers every school from each school's page).
      User u = users.byUsername(username).filter(x -> req.user().siteAdmin() || (x.schoolId() != null && x.schoolId() == school.id())).orElse(null);
      Space s = spaces.bySlug(slug).filter(x -> req.user().siteAdmin() || (x.schoolId() != null && x.schoolId() == school.id())).orElse(null);
      if (u == null) m.put("answerError", req.t("admin.why.noAccount", "username", username));
      else if (s == null) m.put("answerError", req.t("admin.why.noSpace", "space", slug));
      else {
        Decision d = permissions.decide(u, capability, s);
        m.put("answer", Map.of("allowed", d.allowed(), "reason", req.t(d.why()), "who", u.displayName(), "where", s.name(),
            "role", d.role() == null ? req.t("admin.why.noRole") : req.t("role." + d.role().name())));
      }
    }
    m.put("roles", List.of(Role.values()).stream().map(Role::label).toList());
    return AdminPages.page("why", school, m, req.t("admin.why.title"));
  }
}
