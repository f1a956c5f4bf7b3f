package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.Map;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/** A person's notifications: their own only (the route takes no user id). */
public final class NotificationRoutes {
  private final Web web;
  private final NotificationStore notifications;

  @Inject
  public NotificationRoutes(Web web, NotificationStore notifications) {
    this.web = web;
    this.notifications = notifications;
  }

  public void mount(Router router) {
    router.get("/notifications").handler(web.page(this::list));
    router.post("/notifications/read").handler(web.page(this::markRead));
  }

  private Reply list(WebRequest req) {
    long uid = req.requireUser().id();
    return Page.of("notifications", Map.of("notices", notifications.latest(uid, 100), "unread", notifications.unread(uid))).title(req.t("layout.notifications"));
  }

  private Reply markRead(WebRequest req) {
    notifications.markAllRead(req.requireUser().id());
    return Reply.redirect("/notifications").flash(req.t("notifications.allRead"));
  }
}
