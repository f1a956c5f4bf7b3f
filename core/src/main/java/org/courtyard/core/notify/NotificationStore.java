package org.courtyard.core.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.service.Notifications;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.mail.MailHtml;
import org.courtyard.core.notify.mail.OutgoingMail;

/** In-app notifications, with an e-mail copy (text and HTML, in the recipient's language) through the {@link Mailer}'s outbox. */
@Singleton
public final class NotificationStore {
  private final Db db;
  private final Mailer mailer;
  private final UserStore users;

  private final org.courtyard.core.i18n.Messages messages;
  private final org.courtyard.core.i18n.LanguageChoice languages;

  private final String siteAddress;

  private final DeliveryChoices choices;
  private final UnsubscribeLinks unsubscribe;
  private final java.time.Clock clock;
  private final org.courtyard.core.services.SchoolStore schools;

  @Inject
  public NotificationStore(Db db, Mailer mailer, UserStore users, org.courtyard.core.i18n.Messages messages,
                           org.courtyard.core.i18n.LanguageChoice languages, org.courtyard.core.config.Config config,
                           DeliveryChoices choices, UnsubscribeLinks unsubscribe, java.time.Clock clock, org.courtyard.core.services.SchoolStore schools) {
    this.choices = choices;
    this.unsubscribe = unsubscribe;
    this.clock = clock;
    this.schools = schools;
    // An e-mail needs the whole address (site.url, or the older http.site-address); a page on this site only its path.
    this.siteAddress = config.siteUrl();
    this.db = db;
    this.mailer = mailer;
    this.users = users;
    this.messages = messages;
    this.languages = languages;
  }

  /** The language a person reads what is sent to them in: their own choice, else their school's. */
  public String languageOf(long userId) {
    return languages.of(userId).code();
  }

  public record Notice(long id, String toolId, String title, String url, Instant at, boolean read) {}

  public void add(String toolId, long userId, String title, String url) { add(toolId, null, userId, title, url); }

  /**
   * A notice of {@code kindKey} ({@code <tool>.<kind>}, or null for one of no declared kind), reaching the
   * person as they chose for that kind: not at all, on the site, with an e-mail at once (a learner's
   * waits for the end of the school's quiet hours), or in the day's digest.
   */
  public void add(String toolId, String kindKey, long userId, String title, String url) {
    User u = users.byId(userId).orElse(null);
    if (u == null) return;
    Delivery delivery = choices.delivery(u.id(), u.schoolId(), u.kind(), kindKey);
    if (delivery == Delivery.NONE) return;
    String safeUrl = url != null && url.startsWith("/") && !url.startsWith("//") ? url : "/";
    boolean canMail = u.email() != null && !u.email().isBlank() && !u.disabled();
    db.update("INSERT INTO notifications (user_id, tool_id, title, url, kind_key, digest_due) VALUES (?, ?, ?, ?, ?, ?)",
        userId, toolId, cut(title, 300), cut(safeUrl, 500), kindKey, delivery == Delivery.DIGEST && canMail);
    if (delivery == Delivery.EMAIL && canMail) {
      // Queued in this transaction: it goes out after the commit, and never for work that was rolled back.
      String stop = kindKey == null ? null : siteAddress + unsubscribe.path(u.id(), kindKey);
      mailer.send(mail(u.email(), userId, title, siteAddress + safeUrl, stop, kindKey, quietUntil(u)));
    }
  }

  /** The end of the school's quiet hours, when a learner's e-mail would otherwise arrive inside them; else null. */
  private java.time.Instant quietUntil(User u) {
    if (u.kind() != org.courtyard.api.UserKind.LEARNER || u.schoolId() == null) return null;
    var quiet = choices.quietHours(u.schoolId()).orElse(null);
    if (quiet == null) return null;
    java.time.ZoneId zone = schools.timeZone(u.schoolId()).orElse(java.time.ZoneId.systemDefault());
    java.time.ZonedDateTime now = clock.instant().atZone(zone);
    if (!quiet.covers(now.toLocalTime())) return null;
    java.time.ZonedDateTime end = now.with(quiet.to());
    if (!end.isAfter(now)) end = end.plusDays(1);
    return end.toInstant();
  }

  /** The e-mail copy: the same words as text and as HTML, in the recipient's language. */
  private OutgoingMail mail(String to, long userId, String title, String link, String unsubscribeUrl, String kindKey, java.time.Instant notBefore) {
    org.courtyard.core.i18n.Language language = languages.of(userId);
    String text = messages.format(null, language.code(), "mail.notification.body", "url", link);
    // The HTML from the same message: formatted around a marker, escaped, and the marker made a link.
    String marker = "\uE000link\uE000";
    String words = MailHtml.escape(messages.format(null, language.code(), "mail.notification.body", "url", marker));
    String html = MailHtml.document("<p>" + words.replace(marker, MailHtml.link(link)) + "</p>\n", language.code(), language.rightToLeft());
    return new OutgoingMail(to, userId, title, text, html, unsubscribeUrl, kindKey == null ? "notification" : kindKey, notBefore);
  }

  /** A tool's view of notifications, with its id filled in; titles from its messages in each recipient's language. */
  public Notifications forTool(String toolId, org.courtyard.core.i18n.MessageBundle bundle) {
    return new Notifications() {
      @Override public void notify(long userId, String title, String url) { add(toolId, userId, title, url); }

      @Override public void notify(long userId, org.courtyard.api.i18n.Message title, String url, Object... namesAndValues) {
        add(toolId, userId, messages.format(bundle, languageOf(userId), title.key(), namesAndValues), url);
      }

      @Override public void notify(String kind, long userId, org.courtyard.api.i18n.Message title, String url, Object... namesAndValues) {
        add(toolId, toolId + "." + kind, userId, messages.format(bundle, languageOf(userId), title.key(), namesAndValues), url);
      }
    };
  }

  /** The core's own notifications, from its messages in the recipient's language. */
  public void addCore(long userId, String key, String url, Object... namesAndValues) {
    add("core", userId, messages.format(null, languageOf(userId), key, namesAndValues), url);
  }

  public List<Notice> latest(long userId, int limit) {
    return db.query("SELECT id, tool_id, title, url, created_at, read_at FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC"
        + " FETCH FIRST " + Math.max(1, Math.min(limit, 200)) + " ROWS ONLY",
        rs -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Db.instant(rs, "created_at"), rs.getTimestamp(6) != null), userId);
  }

  public long unread(long userId) { return db.count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", userId); }

  public void markAllRead(long userId) {
    db.update("UPDATE notifications SET read_at = CURRENT_TIMESTAMP WHERE user_id = ? AND read_at IS NULL", userId);
  }

  private static String cut(String s, int max) { return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…"; }
}
