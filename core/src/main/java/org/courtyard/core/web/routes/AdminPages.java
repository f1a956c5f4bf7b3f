package org.courtyard.core.web.routes;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.services.ActivityStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.WebRequest;

/**
 * What every page under {@code /admin/:school} shares: the check that the user runs the school named in
 * the path, the page's frame (school card, base address) and the record of changes on the usage page.
 */
@Singleton
public final class AdminPages {
  private final SpaceStore spaces;
  private final PermissionService permissions;
  private final ActivityStore activity;

  @Inject
  public AdminPages(SpaceStore spaces, PermissionService permissions, ActivityStore activity) {
    this.spaces = spaces;
    this.permissions = permissions;
    this.activity = activity;
  }

  /** The school named in the path ({@code :school}), if this user administers it; 404 or 403 otherwise. */
  public Space school(WebRequest req) { return requireSchoolAdmin(req, spaces, permissions); }

  static Space requireSchoolAdmin(WebRequest req, SpaceStore spaces, PermissionService permissions) {
    Space school = spaces.bySlug(req.pathParam("school")).filter(s -> s.kind() == SpaceKind.SCHOOL)
        .orElseThrow(() -> HttpProblem.notFound(req.t("admin.noSchool")));
    Decision d = permissions.decide(req.requireUser(), CapabilityRegistry.SCHOOL_ADMIN.id(), school);
    if (!d.allowed()) throw HttpProblem.forbidden(req.t("admin.onlyAdmin", "reason", req.t(d.why())));
    req.crumb(req.t("admin.title"), base(school));
    return school;
  }

  /** The site admin's check for what affects every school of the installation (installing, starting, removing plugins). */
  static void requireSiteAdmin(WebRequest req, String refusalKey) {
    if (!req.user().siteAdmin()) throw HttpProblem.forbidden(req.t(refusalKey));
  }

  static String base(Space school) { return "/admin/" + school.slug(); }

  static Page page(String template, Space school, Map<String, Object> model, String title) {
    model.put("school", SpaceRoutes.card(school));
    model.put("base", base(school));
    return Page.of("admin/" + template, model).title(title);
  }

  /** Every change made on these pages goes into the activity log, so the usage page is also the admin's trail. */
  void activity(WebRequest req, Space school, String action, String summaryKey, Object... namesAndValues) {
    activity.record(ADMIN, null, req.user().ref(), school.ref(), action, org.courtyard.api.i18n.Message.of(summaryKey), namesAndValues);
  }

  /** The activity log's name for what the school admin pages do (its words are the core's). */
  public static final String ADMIN = "admin";

  /** How many users or spaces of each kind, for the overview and usage pages. */
  static List<Map<String, Object>> counts(Map<? extends Enum<?>, Long> counts) {
    // Kinds' names are the plugin API's English labels (shared with pages outside admin).
    List<Map<String, Object>> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(Map.of("kind", k instanceof UserKind u ? u.label() : ((SpaceKind) k).label(), "count", v)));
    return out;
  }
}
