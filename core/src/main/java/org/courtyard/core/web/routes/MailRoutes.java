package org.courtyard.core.web.routes;

import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.config.Config;
import org.courtyard.core.notify.mail.MailOutbox;
import org.courtyard.core.notify.mail.MailSettings;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.web.Web;
import org.courtyard.core.web.WebRequest;

/**
 * E-mail pages. School admin → Mail ({@code /admin/:school/mail}, {@code school.admin}): whether an SMTP
 * relay is set, how many of the school's messages wait, went out today or failed, the failed ones and
 * those waiting after a failed attempt with their last error, and "Try again" for a failed one. The
 * development mailbox ({@code /dev/mail}) is mounted only when {@code mail.dev-mailbox} is on (and
 * allowed: see {@link MailSettings}); anywhere else it is the router's 404.
 */
public final class MailRoutes {
  private static final int SHOWN = 100;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final Web web;
  private final AdminPages admin;
  private final MailOutbox outbox;
  private final ZoneId zone;

  @Inject
  public MailRoutes(Web web, AdminPages admin, MailOutbox outbox, Config config) {
    this.web = web;
    this.admin = admin;
    this.outbox = outbox;
    this.zone = ZoneId.of(config.get(Config.TIME_ZONE, "Europe/London"));
  }

  public void mount(Router r) {
    r.get("/admin/:school/mail").handler(web.page(this::page));
    r.post("/admin/:school/mail/:id/retry").handler(web.page(this::retry));
    if (outbox.settings().devMailbox()) r.get("/dev/mail").handler(web.publicPage(this::devMailbox));
  }

  private Reply page(WebRequest req) {
    Space school = admin.school(req);
    MailSettings s = outbox.settings();
    Map<String, Object> m = new HashMap<>();
    m.put("smtp", s.smtpConfigured());
    m.put("relay", s.smtpConfigured() ? s.host() + ":" + s.port() : "");
    m.put("tls", s.tls().name().toLowerCase(java.util.Locale.ROOT));
    m.put("from", s.from());
    m.put("devMailbox", s.devMailbox());
    MailOutbox.Counts c = outbox.counts(school.id());
    m.put("waitingCount", c.waiting());
    m.put("sentToday", c.sentToday());
    m.put("failedCount", c.failed());
    m.put("failed", rows(req, outbox.failed(school.id(), SHOWN)));
    m.put("waiting", rows(req, outbox.waiting(school.id(), SHOWN).stream().filter(x -> x.attempts() > 0).toList()));
    return AdminPages.page("mail", school, m, req.t("admin.mail.title"));
  }

  private List<Map<String, Object>> rows(WebRequest req, List<MailOutbox.Stored> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MailOutbox.Stored x : list) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", x.id());
      row.put("to", x.to());
      row.put("subject", x.subject());
      row.put("kind", x.kind());
      row.put("attempts", x.attempts());
      row.put("created", when(x.createdAt()));
      row.put("next", when(x.nextAttemptAt()));
      row.put("error", x.lastError() == null ? "" : x.lastError());
      out.add(row);
    }
    return out;
  }

  private Reply retry(WebRequest req) {
    Space school = admin.school(req);
    long id = req.pathId("id");
    if (!outbox.tryAgain(school.id(), id)) throw HttpProblem.notFound(req.t("admin.mail.noSuchFailed"));
    admin.activity(req, school, "mail-retry", "admin.activity.mailRetry", "id", String.valueOf(id));
    return Reply.redirect(AdminPages.base(school) + "/mail").flash(req.t("admin.mail.queuedAgain"));
  }

  private Reply devMailbox(WebRequest req) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (MailOutbox.Stored x : outbox.devMailbox(SHOWN)) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", x.id());
      row.put("to", x.to());
      row.put("subject", x.subject());
      row.put("sent", when(x.sentAt()));
      row.put("text", x.text());
      row.put("html", x.html());
      row.put("unsubscribe", x.unsubscribeUrl());
      row.put("messageId", x.messageId());
      list.add(row);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("messages", list);
    m.put("from", outbox.settings().from());
    return Page.of("admin/dev-mail", m).title(req.t("dev.mail.title"));
  }

  private String when(Instant i) { return i == null ? "" : WHEN.format(i.atZone(zone)); }
}
