package org.courtyard.core.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.service.Notifications;
import org.courtyard.core.db.Db;
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

  @Inject
  public NotificationStore(Db db, Mailer mailer, UserStore users, org.courtyard.core.i18n.Messages messages,
                           org.courtyard.core.i18n.LanguageChoice languages, org.courtyard.core.config.Config config) {
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

  public void add(String toolId, long userId, String title, String url) {
    String safeUrl = url != null && url.startsWith("/") && !url.startsWith("//") ? url : "/";
    db.update("INSERT INTO notifications (user_id, tool_id, title, url) VALUES (?, ?, ?, ?)", userId, toolId, cut(title, 300), cut(safeUrl, 500));
    users.byId(userId).filter(u -> u.email() != null && !u.disabled())
        .ifPresent(u -> {
          // Queued in this transaction: it goes out after the commit, and never for work that was rolled back.
          mailer.send(mail(u.email(), userId, title, siteAddress + safeUrl));
        });
  }

  /** The e-mail copy: the same words as text and as HTML, in the recipient's language. */
  private OutgoingMail mail(String to, long userId, String title, String link) {
    org.courtyard.core.i18n.Language language = languages.of(userId);
    String text = messages.format(null, language.code(), "mail.notification.body", "url", link);
    // The HTML from the same message: formatted around a marker, escaped, and the marker made a link.
    String marker = "\uE000link\uE000";
    String words = MailHtml.escape(messages.format(null, language.code(), "mail.notification.body", "url", marker));
    String html = MailHtml.document("<p>" + words.replace(marker, MailHtml.link(link)) + "</p>\n", language.code(), language.rightToLeft());
    return new OutgoingMail(to, userId, title, text, html, null, "notification");
  }

  /** A tool's view of notifications, with its id filled in; titles from its messages in each recipient's language. */
  public Notifications forTool(String toolId, org.courtyard.core.i18n.MessageBundle bundle) {
    return new Notifications() {
      @Override public void notify(long userId, String title, String url) { add(toolId, userId, title, url); }

      @Override public void notify(long userId, org.courtyard.api.i18n.Message title, String url, Object... namesAndValues) {
        add(toolId, userId, messages.format(bundle, languageOf(userId), title.key(), namesAndValues), url);
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
