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

/** The signed-in home page: my spaces, and for parents their children. */
public final class HomeRoutes {
  private final Web web;
  private final SpaceStore spaces;
  private final UserStore users;

  @Inject
  public HomeRoutes(Web web, SpaceStore spaces, UserStore users) {
    this.web = web;
    this.spaces = spaces;
    this.users = users;
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
        children.add(c);
      }
      m.put("children", children);
    }
    return Page.of("home", m).title(req.t("layout.home"));
  }
}
