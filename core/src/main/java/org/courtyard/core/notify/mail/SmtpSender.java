package org.courtyard.core.notify.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Hands one stored message to the SMTP relay (Jakarta Mail): multipart/alternative, text then HTML, UTF-8. */
final class SmtpSender {
  private static final String TIMEOUT_MS = "20000";
  private final MailSettings settings;
  private final Session session;

  SmtpSender(MailSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    // Transport.send always takes the "smtp" transport for an e-mail address; TLS from the first byte is its ssl.enable.
    String pre = "mail.smtp.";
    p.put(pre + "host", settings.host());
    p.put(pre + "port", String.valueOf(settings.port()));
    p.put(pre + "connectiontimeout", TIMEOUT_MS);
    p.put(pre + "timeout", TIMEOUT_MS);
    p.put(pre + "writetimeout", TIMEOUT_MS);
    p.put(pre + "auth", String.valueOf(!settings.user().isEmpty()));
    if (settings.tls() == MailSettings.Tls.STARTTLS) {
      p.put(pre + "starttls.enable", "true");
      p.put(pre + "starttls.required", "true");
    }
    if (settings.tls() == MailSettings.Tls.TLS) p.put(pre + "ssl.enable", "true");
    if (settings.tls() != MailSettings.Tls.NONE) {
      // A relay named in mail.smtp.trust is trusted by name: its own certificate need not match nor chain to a known issuer.
      p.put(pre + "ssl.checkserveridentity", String.valueOf(settings.trust().isEmpty()));
      if (!settings.trust().isEmpty()) p.put(pre + "ssl.trust", settings.trust());
    }
    this.session = Session.getInstance(p);
  }

  /** The message as it goes on the wire (also what the development mailbox would have sent). */
  MimeMessage build(MailOutbox.Stored m, Instant now) throws MessagingException {
    MimeMessage msg = new MimeMessage(session) {
      @Override protected void updateMessageID() throws MessagingException { setHeader("Message-ID", m.messageId()); }
    };
    msg.setFrom(new InternetAddress(settings.from(), true));
    msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.to(), true));
    msg.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    msg.setSentDate(Date.from(now));
    if (m.unsubscribeUrl() != null && !m.unsubscribeUrl().isBlank()) {
      msg.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
      msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    msg.setContent(alternative);
    msg.saveChanges();
    return msg;
  }

  void send(MailOutbox.Stored m, Instant now) throws MessagingException {
    MimeMessage msg = build(m, now);
    if (settings.user().isEmpty()) Transport.send(msg);
    else Transport.send(msg, settings.user(), settings.password());
  }
}
