package org.courtyard.core.notify;

import java.util.logging.Logger;

/** The default mailer: records each message in the log instead of sending it. */
public final class LogMailer implements Mailer {
  private static final Logger LOG = Logger.getLogger(LogMailer.class.getName());

  @Override
  public void send(String to, String subject, String body) {
    LOG.info("E-mail (log sink) to " + to + ": " + subject + " — " + body);
  }
}
