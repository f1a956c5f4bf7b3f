package org.courtyard.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings for one Courtyard installation: {@code conf/courtyard.properties}, then {@code courtyard.*}
 * system properties on top. Keys are the named constants below, never strings scattered about.
 */
public final class Config {
  /** Folder holding conf/, data/ and plugins/ unless those are set on their own. */
  public static final String HOME = "courtyard.home";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  /** Set to true behind HTTPS so the session cookie is marked Secure. */
  public static final String HTTP_SECURE_COOKIES = "http.secure-cookies";
  public static final String HTTP_MAX_UPLOAD_BYTES = "http.max-upload-bytes";
  public static final String DATA_DIR = "data.dir";
  public static final String PLUGINS_DIR = "plugins.dir";
  /** Where uploaded files live; several nodes point this at one shared folder. */
  public static final String FILES_DIR = "files.dir";
  public static final String DB_URL = "db.url";
  public static final String DB_USER = "db.user";
  public static final String DB_PASSWORD = "db.password";
  public static final String DB_POOL_SIZE = "db.pool-size";
  /** true to join other nodes (the same as {@code courtyard run --cluster}). */
  public static final String CLUSTER_ENABLED = "cluster.enabled";
  /** Nodes with the same name over the same database form one cluster. */
  public static final String CLUSTER_NAME = "cluster.name";
  /** The address other nodes reach this one at (and the only interface the cluster listens on). */
  public static final String CLUSTER_HOST = "cluster.host";
  /** Hazelcast's port on this node. */
  public static final String CLUSTER_PORT = "cluster.port";
  /** Every node's host:port (this one's too), comma-separated. */
  public static final String CLUSTER_MEMBERS = "cluster.members";
  /** The event bus port on this node; 0 picks a free one. */
  public static final String CLUSTER_BUS_PORT = "cluster.bus-port";
  /** Seconds without a heartbeat before a node is taken for dead. */
  public static final String CLUSTER_FAILURE_SECONDS = "cluster.failure-seconds";
  public static final String PASSWORD_COST = "security.bcrypt-cost";
  /** Wrong tries before a wait: per account and address for passwords (then 1 s, 2 s, 4 s … 15 min), per child for pictures (then a pause). */
  public static final String LOCKOUT_ATTEMPTS = "security.lockout-attempts";
  public static final String LOCKOUT_MINUTES = "security.lockout-minutes";
  /** How long a signed-in session lasts unused (staff, parents, guests). */
  public static final String SESSION_TIMEOUT_MINUTES = "security.session-timeout-minutes";
  /** How long a learner's session lasts unused (a shared classroom computer). */
  public static final String LEARNER_SESSION_TIMEOUT_MINUTES = "security.learner-session-timeout-minutes";
  /** How long any session lasts from sign-in, used or not (staff, parents, guests). */
  public static final String SESSION_MAX_HOURS = "security.session-max-hours";
  /** How long a learner's session lasts from sign-in. */
  public static final String LEARNER_SESSION_MAX_HOURS = "security.learner-session-max-hours";
  /** Wrong password tries at one account in a day, from all addresses together, after which it waits. */
  public static final String ACCOUNT_DAILY_TRIES = "security.account-daily-tries";
  /** Wrong sign-in tries from one address in 15 minutes, at all accounts together. */
  public static final String ADDRESS_TRIES = "security.address-tries-per-15-minutes";
  /** Wrong picture tries a day at one class from devices its teacher has not set up. */
  public static final String PICTURE_CLASS_TRIES = "security.picture-class-tries-per-day";
  /** Wrong picture tries a day at one class from the classroom devices its teacher set up. */
  public static final String PICTURE_DEVICE_TRIES = "security.picture-device-tries-per-day";
  /** Addresses of the reverse proxies in front of Courtyard (comma-separated); only they may say who the client is (X-Forwarded-For). */
  public static final String TRUSTED_PROXIES = "http.trusted-proxies";
  /** The older name of {@link #SITE_URL}; still read when {@code site.url} is not set. */
  public static final String SITE_ADDRESS = "http.site-address";
  /** The address people use, e.g. https://learn.oakfield.sch.uk: every absolute link (e-mails) starts with it; https makes every cookie Secure. */
  public static final String SITE_URL = "site.url";
  /** The SMTP relay e-mail goes out through; unset, nothing is sent (the outbox keeps what waits). */
  public static final String MAIL_SMTP_HOST = "mail.smtp.host";
  /** Its port (default 587 with starttls, 465 with tls, 25 with none). */
  public static final String MAIL_SMTP_PORT = "mail.smtp.port";
  /** User name and password at the relay, if it asks for them. */
  public static final String MAIL_SMTP_USER = "mail.smtp.user";
  public static final String MAIL_SMTP_PASSWORD = "mail.smtp.password";
  /** How the connection to the relay is protected: none, starttls (the default) or tls. */
  public static final String MAIL_SMTP_TLS = "mail.smtp.tls";
  /** Hosts whose certificate is trusted without checking its issuer (space-separated, or *): a relay with its own certificate. */
  public static final String MAIL_SMTP_TRUST = "mail.smtp.trust";
  /** The sender of every e-mail, e.g. {@code Oakfield Primary <courtyard@oakfield.sch.uk>}. */
  public static final String MAIL_FROM = "mail.from";
  /** true on a demo or a developer's machine: e-mail is kept in the database and shown at /dev/mail instead of sent. */
  public static final String MAIL_DEV_MAILBOX = "mail.dev-mailbox";
  /** Seconds browsers should remember to use only https (Strict-Transport-Security); 0 sends no header. */
  public static final String HSTS_SECONDS = "http.hsts-seconds";
  /** The installation's time zone (an IANA name such as {@code Europe/London}): daily jobs, and schools that set none. */
  public static final String TIME_ZONE = "time-zone";
  /** How often (milliseconds) each node looks for scheduled jobs that are due. */
  public static final String JOBS_TICK_MS = "jobs.tick-ms";
  /** Folder of certificates (*.pem) of the publishers whose signed plugins may be installed; the distribution's own is there. */
  public static final String PLUGINS_TRUSTED_PUBLISHERS = "plugins.trusted-publishers";
  /** Plugin repositories the catalogue lists, comma-separated: folders (relative to the home) or http(s) addresses of a plugins.json. */
  public static final String PLUGINS_REPOSITORIES = "plugins.repositories";
  /** Seconds an upgrade waits for a plugin's requests in flight to finish before swapping it anyway. */
  public static final String PLUGINS_UPGRADE_DRAIN_SECONDS = "plugins.upgrade-drain-seconds";

  private final Map<String, String> values;

  private Config(Map<String, String> values) { this.values = Map.copyOf(values); }

  public static Config of(Map<String, String> values) { return new Config(values); }

  /** Loads {@code <home>/conf/courtyard.properties} if present; system properties named {@code courtyard.<key>} win. */
  public static Config load(Path home) {
    Map<String, String> v = new HashMap<>();
    v.put(HOME, home.toAbsolutePath().normalize().toString());
    Path file = home.resolve("conf").resolve("courtyard.properties");
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).trim()));
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("courtyard.") && !k.equals(HOME))
        .forEach(k -> v.put(k.substring("courtyard.".length()), System.getProperty(k)));
    return new Config(v);
  }

  public Config with(String key, String value) {
    Map<String, String> v = new HashMap<>(values);
    v.put(key, value);
    return new Config(v);
  }

  public String get(String key, String fallback) { return values.getOrDefault(key, fallback); }

  public int getInt(String key, int fallback) {
    String v = values.get(key);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Setting " + key + " must be a whole number, not '" + v + "'");
    }
  }

  public long getLong(String key, long fallback) {
    String v = values.get(key);
    try {
      return v == null ? fallback : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Setting " + key + " must be a whole number, not '" + v + "'");
    }
  }

  public boolean getBool(String key, boolean fallback) {
    String v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v.trim());
  }

  /** Cookies are marked Secure when told so, or when the site's address is https. */
  public boolean secureCookies() {
    return getBool(HTTP_SECURE_COOKIES, false) || siteUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
  }

  /** The site's public address without a trailing slash ({@link #SITE_URL}, else the older {@link #SITE_ADDRESS}); empty when neither is set. */
  public String siteUrl() {
    String site = get(SITE_URL, "").trim();
    if (site.isEmpty()) site = get(SITE_ADDRESS, "").trim();
    while (site.endsWith("/")) site = site.substring(0, site.length() - 1);
    return site;
  }

  public Path home() { return Path.of(values.getOrDefault(HOME, ".")); }

  public Path dataDir() { return resolve(get(DATA_DIR, "data")); }

  public Path filesDir() { return values.containsKey(FILES_DIR) ? resolve(get(FILES_DIR, null)) : dataDir().resolve("files"); }

  public Path pluginsDir() { return resolve(get(PLUGINS_DIR, "plugins")); }

  public Path trustedPublishersDir() { return resolve(get(PLUGINS_TRUSTED_PUBLISHERS, "conf/trusted-publishers")); }

  /** Each configured repository: an http(s) address as given, a folder resolved against the home. */
  public java.util.List<String> pluginRepositories() {
    return java.util.Arrays.stream(get(PLUGINS_REPOSITORIES, "repository").split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> s.startsWith("http://") || s.startsWith("https://") ? s : resolve(s).toString()).toList();
  }

  public String dbUrl() {
    return get(DB_URL, "jdbc:derby:" + dataDir().resolve("db").toAbsolutePath() + ";create=true");
  }

  private Path resolve(String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? path : home().resolve(path).toAbsolutePath().normalize();
  }
}
