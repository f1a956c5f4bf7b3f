package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.notify.Delivery;
import org.courtyard.core.notify.DeliveryChoices;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** School admin → Notifications: how notifications reach each kind of person by default, and learners' quiet hours. */
public final class AdminNotificationRoutes {
  private final Web web;
  private final AdminPages admin;
  private final DeliveryChoices choices;

  @Inject
  public AdminNotificationRoutes(Web web, AdminPages admin, DeliveryChoices choices) {
    this.web = web;
    this.admin = admin;
    this.choices = choices;
  }

  public void mount(Router r) {
    r.get("/admin/:school/notifications").handler(web.page(this::show));
    r.post("/admin/:school/notifications").handler(web.page(this::save));
  }

  private Reply show(WebRequest req) { return page(req, admin.school(req), null, 200); }

  private Page page(WebRequest req, Space school, String error, int status) {
    Map<UserKind, Delivery> defaults = choices.schoolDefaults(school.id());
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (UserKind k : UserKind.values()) {
      Delivery d = defaults.getOrDefault(k, DeliveryChoices.builtIn(k));
      List<Map<String, Object>> options = new ArrayList<>();
      for (Delivery o : Delivery.values()) options.add(Map.of("value", o.name(), "label", req.t("choices.delivery." + o.name()), "selected", o == d));
      kinds.add(Map.of("kind", k.name(), "label", SpaceRoutes.kind(req, k), "options", options));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("kinds", kinds);
    choices.quietHours(school.id()).ifPresent(q -> {
      m.put("quietFrom", q.from().toString());
      m.put("quietTo", q.to().toString());
    });
    m.put("error", error);
    return AdminPages.page("notifications", school, m, req.t("admin.notifications.title")).status(status);
  }

  private Reply save(WebRequest req) {
    Space school = admin.school(req);
    LocalTime from;
    LocalTime to;
    try {
      from = req.form("quietFrom").isBlank() ? null : LocalTime.parse(req.form("quietFrom"));
      to = req.form("quietTo").isBlank() ? null : LocalTime.parse(req.form("quietTo"));
    } catch (DateTimeParseException e) {
      return page(req, school, req.t("admin.notifications.badTime"), 422);
    }
    if ((from == null) != (to == null) || (from != null && from.equals(to))) return page(req, school, req.t("admin.notifications.bothTimes"), 422);
    for (UserKind k : UserKind.values()) {
      Delivery d = Delivery.of(req.form("default-" + k.name()), null);
      if (d != null) choices.setSchoolDefault(school.id(), k, d);
    }
    choices.setQuietHours(school.id(), from, to);
    admin.activity(req, school, "notification-defaults", "admin.activity.notificationDefaults");
    return Reply.redirect(AdminPages.base(school) + "/notifications").flash(req.t("admin.notifications.saved"));
  }
}
