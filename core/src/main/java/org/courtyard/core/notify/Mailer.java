package org.courtyard.core.notify;

/** Sends e-mail. The default writes to the log; a school's SMTP relay can be plugged in behind this. */
public interface Mailer {
  void send(String to, String subject, String body);
}
