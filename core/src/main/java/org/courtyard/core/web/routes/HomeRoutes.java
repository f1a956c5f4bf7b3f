package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.Pictures;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * The signed-in home page, by role, content first on a phone: what is waiting for a teacher across
 * their classes and what is due; a learner's work due with time left and what came back; each child's
 * week for a parent; what needs the ICT leader's attention; then the person's spaces.
 */
public final class HomeRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;
  private final HomeAgenda agenda;
  private final org.courtyard.core.permissions.PermissionService permissions;
  private final AdminAttention attention;

  @Inject
  public HomeRoutes(Web web, SpaceStore spaces, UserStore users, HomeAgenda agenda, org.courtyard.core.permissions.PermissionService permissions,
                    AdminAttention attention) {
    this.web = web;
    this.spaces = spaces;
    this.users = users;
    this.agenda = agenda;
    this.permissions = permissions;
    this.attention = attention;
  }

  public void mount(Router router) {
    router.get("/").handler(web.page(this::home));
  }

  private Reply home(WebRequest req) {
    User user = req.requireUser();
    Map<String, Object> m = new HashMap<>();
    List<Map<String, Object>> mine = new ArrayList<>();
    for (Space s : spaces.spacesOf(user.id())) mine.add(SpaceRoutes.card(req, s));
    m.put("spaces", mine);
    m.put("personalUrl", "/s/~" + user.username());
    m.put("staff", user.kind() == UserKind.STAFF);
    java.time.ZoneId zone = web.timeZone(req);
    if (user.kind() == UserKind.STAFF || user.kind() == UserKind.LEARNER) {
      agenda.waiting(req, user, m);
      agenda.dates(req, user, zone, m);
      m.put("learner", user.kind() == UserKind.LEARNER);
    }
    List<Space> schools = permissions.adminSchools(user);
    if (!schools.isEmpty()) m.put("attention", attention.of(req, schools.get(0)));
    if (user.kind() == UserKind.PARENT) {
      List<Map<String, Object>> children = new ArrayList<>();
      for (User child : users.childrenOf(user.id())) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", child.displayName());
        c.put("avatar", Pictures.avatarSymbol(child.avatar()));
        c.put("personalUrl", "/s/~" + child.username());
        List<Map<String, Object>> theirs = new ArrayList<>();
        for (Space s : spaces.spacesOf(child.id())) if (s.parentsAllowed()) theirs.add(SpaceRoutes.card(req, s));
        c.put("spaces", theirs);
        c.putAll(agenda.childWeek(req, user, child, zone));
        children.add(c);
      }
      m.put("children", children);
    }
    return Page.of("home", m).title(req.t("layout.home"));
  }
}
