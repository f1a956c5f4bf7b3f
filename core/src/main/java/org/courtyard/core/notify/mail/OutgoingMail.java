package org.courtyard.core.notify.mail;

import java.util.Objects;

/**
 * One e-mail to one person, as its caller words it: the subject and both bodies already in the
 * recipient's language, links already absolute. {@code html} is the same words as {@code text},
 * escaped and marked up ({@link MailHtml} helps); {@code unsubscribeUrl} (may be null) adds the
 * List-Unsubscribe headers; {@code kind} says what sent it ("notification"), for the admin page.
 */
public record OutgoingMail(String to, Long userId, String subject, String text, String html, String unsubscribeUrl, String kind, java.time.Instant notBefore) {
  /** A message to send as soon as it can go. */
  public OutgoingMail(String to, Long userId, String subject, String text, String html, String unsubscribeUrl, String kind) {
    this(to, userId, subject, text, html, unsubscribeUrl, kind, null);
  }

  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (html == null || html.isBlank()) html = MailHtml.paragraphs(text);
    if (kind == null || kind.isBlank()) kind = "mail";
  }
}
