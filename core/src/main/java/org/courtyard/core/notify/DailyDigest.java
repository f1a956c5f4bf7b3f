package org.courtyard.core.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.i18n.Language;
import org.courtyard.core.i18n.LanguageChoice;
import org.courtyard.core.i18n.Messages;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.mail.MailHtml;
import org.courtyard.core.notify.mail.OutgoingMail;

/**
 * Once a day, one e-mail to each person who chose a digest, gathering what they were told since the
 * last: titles and links, newest last, in their language. Each person's e-mail and the marking of what
 * it gathered happen in one transaction, so a crash sends it again rather than losing it, and a second
 * run (another node, a restart) finds nothing left to gather.
 */
@Singleton
public final class DailyDigest {
  /** The most notices one digest lists; the rest wait for the site (and the next digest). */
  static final int MOST = 50;

  private final Db db;
  private final UserStore users;
  private final Mailer mailer;
  private final Messages messages;
  private final LanguageChoice languages;
  private final UnsubscribeLinks unsubscribe;
  private final Clock clock;
  private final String site;

  @Inject
  public DailyDigest(Db db, UserStore users, Mailer mailer, Messages messages, LanguageChoice languages, UnsubscribeLinks unsubscribe,
                     Clock clock, Config config) {
    this.db = db;
    this.users = users;
    this.mailer = mailer;
    this.messages = messages;
    this.languages = languages;
    this.unsubscribe = unsubscribe;
    this.clock = clock;
    this.site = config.siteUrl();
  }

  private record Notice(long id, String title, String url) {}

  /** Sends every digest that is due; returns how many e-mails went into the outbox. */
  public int send() {
    int sent = 0;
    for (long userId : db.query("SELECT DISTINCT user_id FROM notifications WHERE digest_due = TRUE AND digested_at IS NULL", rs -> rs.getLong(1))) {
      if (sendTo(userId)) sent++;
    }
    return sent;
  }

  private boolean sendTo(long userId) {
    return db.transaction(() -> {
      Instant now = clock.instant();
      List<Notice> notices = db.query("SELECT id, title, url FROM notifications WHERE user_id = ? AND digest_due = TRUE AND digested_at IS NULL"
          + " ORDER BY created_at, id FETCH FIRST " + MOST + " ROWS ONLY", rs -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3)), userId);
      if (notices.isEmpty()) return false;
      User u = users.byId(userId).orElse(null);
      boolean canMail = u != null && !u.disabled() && u.email() != null && !u.email().isBlank();
      if (canMail) mailer.send(mail(u, notices));
      // Gathered (or, with no address left, let go): each notice goes in one digest only.
      List<Long> ids = notices.stream().map(Notice::id).toList();
      db.update("UPDATE notifications SET digested_at = ? WHERE user_id = ? AND id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")",
          java.sql.Timestamp.from(now), userId);
      return canMail;
    });
  }

  private OutgoingMail mail(User u, List<Notice> notices) {
    Language language = languages.of(u.id());
    String lang = language.code();
    String subject = messages.format(null, lang, "mail.digest.subject", "count", notices.size());
    StringBuilder text = new StringBuilder(messages.format(null, lang, "mail.digest.intro", "count", notices.size())).append("\n\n");
    StringBuilder html = new StringBuilder("<p>").append(MailHtml.escape(messages.format(null, lang, "mail.digest.intro", "count", notices.size()))).append("</p>\n<ul>\n");
    for (Notice n : notices) {
      String link = site + n.url();
      text.append("- ").append(n.title()).append("\n  ").append(link).append("\n");
      html.append("<li><a href=\"").append(MailHtml.escape(link)).append("\">").append(MailHtml.escape(n.title())).append("</a></li>\n");
    }
    String choose = site + "/account/notifications";
    text.append("\n").append(messages.format(null, lang, "mail.digest.choose", "url", choose)).append("\n");
    html.append("</ul>\n<p>").append(MailHtml.escape(messages.format(null, lang, "mail.digest.choose", "url", choose))).append("</p>\n");
    return new OutgoingMail(u.email(), u.id(), subject, text.toString(), MailHtml.document(html.toString(), lang, language.rightToLeft()),
        site + unsubscribe.path(u.id(), DeliveryChoices.EVERY_KIND_DIGEST), "digest");
  }
}
