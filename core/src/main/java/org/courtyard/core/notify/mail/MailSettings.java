package org.courtyard.core.notify.mail;

import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;
import org.courtyard.core.config.Config;

/** The installation's e-mail settings, read once from {@link Config}. */
public record MailSettings(String host, int port, String user, String password, Tls tls, String trust, String from,
                           String siteUrl, boolean devMailbox) {
  private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

  /** How the connection to the relay is protected. */
  public enum Tls { NONE, STARTTLS, TLS }

  public static MailSettings of(Config config) {
    String host = config.get(Config.MAIL_SMTP_HOST, "").trim();
    Tls tls = switch (config.get(Config.MAIL_SMTP_TLS, "starttls").trim().toLowerCase(Locale.ROOT)) {
      case "none" -> Tls.NONE;
      case "tls", "ssl" -> Tls.TLS;
      case "starttls" -> Tls.STARTTLS;
      default -> throw new IllegalArgumentException("Setting " + Config.MAIL_SMTP_TLS + " must be none, starttls or tls, not '"
          + config.get(Config.MAIL_SMTP_TLS, "") + "'");
    };
    int port = config.getInt(Config.MAIL_SMTP_PORT, tls == Tls.TLS ? 465 : tls == Tls.STARTTLS ? 587 : 25);
    String site = config.siteUrl();
    String from = config.get(Config.MAIL_FROM, "").trim();
    if (from.isEmpty()) from = "Courtyard <no-reply@" + domainOf(site) + ">";
    boolean dev = config.getBool(Config.MAIL_DEV_MAILBOX, false);
    // The development mailbox is ignored, not refused, when the installation looks real (an https site
    // address or an SMTP relay): a flag copied into a school's configuration must neither stop its server
    // from starting nor keep its e-mail from going out, and /dev/mail stays a 404 there.
    if (dev && (!host.isEmpty() || site.toLowerCase(Locale.ROOT).startsWith("https://"))) {
      LOG.warning(Config.MAIL_DEV_MAILBOX + "=true is ignored: this installation has "
          + (!host.isEmpty() ? "an SMTP relay (" + Config.MAIL_SMTP_HOST + ")" : "an https site address (" + Config.SITE_URL + ")")
          + ", so its e-mail is real.");
      dev = false;
    }
    return new MailSettings(host, port, config.get(Config.MAIL_SMTP_USER, "").trim(), config.get(Config.MAIL_SMTP_PASSWORD, ""),
        tls, config.get(Config.MAIL_SMTP_TRUST, "").trim(), from, site, dev);
  }

  /** True when e-mail goes out through a relay. */
  public boolean smtpConfigured() { return !host.isEmpty(); }

  /** The domain for Message-IDs and the default sender: the site's host, else "localhost". */
  static String domainOf(String site) {
    try {
      String h = site.isEmpty() ? null : URI.create(site).getHost();
      return h == null || h.isBlank() ? "localhost" : h;
    } catch (IllegalArgumentException e) {
      return "localhost";
    }
  }

  @Override public String toString() {
    return "MailSettings[" + (smtpConfigured() ? host + ":" + port + " " + tls : "no SMTP") + (devMailbox ? ", dev mailbox" : "") + "]";
  }
}
