package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.NotificationKind;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.Delivery;
import org.courtyard.core.notify.DeliveryChoices;
import org.courtyard.core.notify.UnsubscribeLinks;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.plugins.ToolTexts;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * A person's choice, per kind of notification, of how it reaches them (on the site, e-mail at once, a
 * daily digest, or nothing), and the one-click unsubscribe an e-mail links to, which needs no sign-in.
 */
public final class NotificationChoicesRoutes {
  private final Web web;
  private final ToolRegistry tools;
  private final DeliveryChoices choices;
  private final UnsubscribeLinks unsubscribe;
  private final UserStore users;

  @Inject
  public NotificationChoicesRoutes(Web web, ToolRegistry tools, DeliveryChoices choices, UnsubscribeLinks unsubscribe, UserStore users) {
    this.web = web;
    this.tools = tools;
    this.choices = choices;
    this.unsubscribe = unsubscribe;
    this.users = users;
  }

  public void mount(Router router) {
    router.get("/account/notifications").handler(web.page(this::show));
    router.post("/account/notifications").handler(web.page(this::save));
    router.get("/unsubscribe/:user/:kind/:signature").handler(web.publicPage(this::confirm));
    router.post("/unsubscribe/:user/:kind/:signature").handler(web.publicPage(this::stop));
  }

  /** One kind of notification the running tools send. */
  private record Kind(String key, String label) {}

  private List<Kind> kinds(WebRequest req) {
    List<Kind> out = new ArrayList<>();
    for (ToolRegistry.ActiveTool t : tools.tools()) {
      for (NotificationKind k : t.info().notifications()) {
        out.add(new Kind(t.id() + "." + k.kind(), req.t("choices.kindLabel", "tool", ToolTexts.title(t, req.language().code()),
            "kind", ToolTexts.notificationKind(t, req.language().code(), k))));
      }
    }
    out.sort(java.util.Comparator.comparing(Kind::label));
    return out;
  }

  private Reply show(WebRequest req) {
    User user = req.requireUser();
    Map<String, Delivery> own = choices.own(user.id());
    Delivery general = choices.delivery(user.id(), user.schoolId(), user.kind(), null);
    Map<String, Object> m = new HashMap<>();
    m.put("general", options(req, "every", own.containsKey(DeliveryChoices.EVERY_KIND) ? own.get(DeliveryChoices.EVERY_KIND) : general, false));
    m.put("generalIsSchools", !own.containsKey(DeliveryChoices.EVERY_KIND));
    List<Map<String, Object>> rows = new ArrayList<>();
    int i = 0;
    for (Kind k : kinds(req)) {
      Map<String, Object> r = new HashMap<>();
      r.put("key", k.key());
      r.put("label", k.label());
      r.put("index", i++);
      r.put("options", options(req, k.key(), own.get(k.key()), true));
      rows.add(r);
    }
    m.put("kinds", rows);
    m.put("hasEmail", user.email() != null && !user.email().isBlank());
    return Page.of("notification-choices", m).title(req.t("choices.title"));
  }

  private static List<Map<String, Object>> options(WebRequest req, String name, Delivery chosen, boolean withSame) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (withSame) out.add(Map.of("value", "", "label", req.t("choices.same"), "checked", chosen == null));
    for (Delivery d : Delivery.values()) out.add(Map.of("value", d.name(), "label", req.t("choices.delivery." + d.name()), "checked", d == chosen));
    return out;
  }

  private Reply save(WebRequest req) {
    User user = req.requireUser();
    String every = req.form("every");
    if (!every.isEmpty()) choices.choose(user.id(), DeliveryChoices.EVERY_KIND, Delivery.of(every, Delivery.SITE));
    for (Kind k : kinds(req)) {
      String v = req.form("kind-" + k.key());
      choices.choose(user.id(), k.key(), v.isEmpty() ? null : Delivery.of(v, null));
    }
    return Reply.redirect("/account/notifications").flash(req.t("choices.saved"));
  }

  private Reply confirm(WebRequest req) {
    Target t = target(req);
    return Page.of("unsubscribe", Map.of("what", t.label(), "action", req.routing().request().path(), "done", false))
        .title(req.t("unsubscribe.title"));
  }

  private Reply stop(WebRequest req) {
    Target t = target(req);
    // A digest's link stops digests: every kind on the site only. Any other stops its own kind.
    choices.choose(t.userId(), DeliveryChoices.EVERY_KIND_DIGEST.equals(t.kindKey()) ? DeliveryChoices.EVERY_KIND : t.kindKey(), Delivery.SITE);
    return Page.of("unsubscribe", Map.of("what", t.label(), "done", true)).title(req.t("unsubscribe.title"));
  }

  private record Target(long userId, String kindKey, String label) {}

  /** The person and kind a signed link names; a link that was not made here is 404, telling nothing. */
  private Target target(WebRequest req) {
    long userId;
    try {
      userId = Long.parseLong(req.pathParam("user"));
    } catch (NumberFormatException e) {
      throw HttpProblem.notFound(req.t("unsubscribe.unknown"));
    }
    String kindKey = req.pathParam("kind");
    if (!unsubscribe.valid(userId, kindKey, req.pathParam("signature")) || users.byId(userId).isEmpty()) {
      throw HttpProblem.notFound(req.t("unsubscribe.unknown"));
    }
    String label = DeliveryChoices.EVERY_KIND_DIGEST.equals(kindKey) ? req.t("unsubscribe.digest")
        : kinds(req).stream().filter(k -> k.key().equals(kindKey)).map(Kind::label).findFirst().orElse(kindKey);
    return new Target(userId, kindKey, label);
  }
}
