package org.courtyard.core.notify;

import org.courtyard.core.notify.mail.OutgoingMail;

/**
 * Sends e-mail. The core's is {@link org.courtyard.core.notify.mail.MailOutbox}: the message is written
 * to the outbox in the caller's transaction and goes out through the SMTP relay after the commit.
 */
public interface Mailer {
  void send(OutgoingMail mail);
}
