package org.courtyard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.demo.DemoSchool;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Boots a real Courtyard for a test class: Derby files in a temporary folder, a random port, the
 * plugins you name installed from jars, and (optionally) the demo school with its known accounts.
 * <pre>
 * &#64;RegisterExtension
 * static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
 *     .plugin(PluginJar.fromClasses(Path.of("target/classes")));
 * ...
 * TestClient teacher = courtyard.signIn("mrs.patel");
 * TestPerson zara = courtyard.school().addLearner("Zara Ahmed");
 * </pre>
 * The server's log goes to {@code <home>/logs/server.log}; when a test fails, the extension prints
 * what the server logged during it (and the record behind any "reference 5134fcba" in the failure)
 * to the test's output. {@link #logFor(String)} finds that record for a test's own assertions.
 */
public final class CourtyardExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
  /** How many lines of the server's log a failed test prints at most. */
  private static final int LOG_LINES_ON_FAILURE = 150;
  private final boolean demo;
  private final List<PluginJar> plugins = new ArrayList<>();
  private final Map<String, String> settings = new HashMap<>();
  private Path home;
  private Courtyard courtyard;
  /** The database made for this installation when the suite runs on PostgreSQL ({@value #POSTGRES}). */
  private String pgDatabase;

  /**
   * System property naming a PostgreSQL server (a JDBC URL ending in {@code /}, e.g.
   * {@code jdbc:postgresql://127.0.0.1:55432/}): when set, every installation gets a fresh database of
   * its own there instead of embedded Derby. {@code ./run-tests} runs the suite a second time so.
   */
  public static final String POSTGRES = "courtyard.test.postgres";
  private CourtyardExtension sharingWith;
  private ServerLog log;
  /** Where the log stood when the current test began. */
  private volatile int logMark;
  /** Passwords the testkit knows: the demo accounts' and those of people it made, by account id. */
  private final Map<Long, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();

  private CourtyardExtension(boolean demo) { this.demo = demo; }

  /** A core with the demo school (accounts in {@link DemoSchool#ACCOUNTS}) and every installed plugin enabled. */
  public static CourtyardExtension withDemoSchool() { return new CourtyardExtension(true); }

  /** An empty installation: no school, no users. */
  public static CourtyardExtension empty() { return new CourtyardExtension(false); }

  public CourtyardExtension plugin(PluginJar jar) { plugins.add(jar); return this; }

  /** A configuration value ({@link Config} keys), e.g. a small upload limit. */
  public CourtyardExtension setting(String key, String value) { settings.put(key, value); return this; }

  /**
   * Sends the server's e-mail to an SMTP server on this machine ({@code 127.0.0.1:port}): plain SMTP, or
   * TLS from the first byte trusting the server's own certificate. The core's tests use the testkit's
   * {@code TestMailServer} (GreenMail); any test SMTP server will do.
   */
  public CourtyardExtension smtpServer(int port, boolean tls) {
    settings.put(Config.MAIL_SMTP_HOST, "127.0.0.1");
    settings.put(Config.MAIL_SMTP_PORT, String.valueOf(port));
    settings.put(Config.MAIL_SMTP_TLS, tls ? "tls" : "none");
    if (tls) settings.put(Config.MAIL_SMTP_TRUST, "127.0.0.1");
    return this;
  }

  /**
   * Makes this installation another node of {@code first}'s: the same database and file store. Only
   * on PostgreSQL (embedded Derby belongs to one process); start {@code first} before this one.
   */
  public CourtyardExtension sharingStorageWith(CourtyardExtension first) { this.sharingWith = first; return this; }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception { open(); }

  /** Creates the home and starts the installation (what {@code beforeAll} does, for tests that start nodes themselves). */
  public void open() throws Exception {
    home = Files.createTempDirectory("courtyard-test");
    log = new ServerLog(home.resolve("logs").resolve("server.log"));
    if (sharingWith != null) {
      Config first = sharingWith.courtyard.config();
      settings.putIfAbsent(Config.DB_URL, first.dbUrl());
      settings.putIfAbsent(Config.DB_USER, first.get(Config.DB_USER, ""));
      settings.putIfAbsent(Config.FILES_DIR, first.filesDir().toString());
    }
    Path pluginsDir = home.resolve("plugins");
    Files.createDirectories(pluginsDir);
    for (PluginJar p : plugins) p.writeTo(pluginsDir);
    String pg = System.getProperty(POSTGRES);
    if (pg != null && !pg.isBlank() && sharingWith == null) {
      pgDatabase = "courtyard_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
        c.createStatement().execute("CREATE DATABASE " + pgDatabase);
      }
      settings.putIfAbsent(Config.DB_URL, pg + pgDatabase);
      settings.putIfAbsent(Config.DB_USER, "postgres");
      // The command line (CommandLine, another JVM) reads the same database from the home's configuration.
      Path conf = home.resolve("conf");
      Files.createDirectories(conf);
      Files.writeString(conf.resolve("courtyard.properties"), Config.DB_URL + "=" + settings.get(Config.DB_URL) + "\n" + Config.DB_USER + "=postgres\n");
    }
    try {
      start();
    } catch (RuntimeException | Error e) {
      System.err.println("Courtyard did not start.\n" + log.report(e, 0, LOG_LINES_ON_FAILURE));
      throw e;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) { if (log != null) logMark = log.mark(); }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (log == null) return;
    System.err.println("== " + context.getDisplayName() + " failed; the server's log follows.\n" + log.report(cause, logMark, LOG_LINES_ON_FAILURE));
  }

  /**
   * The server's log records about an error reference, each with its stack trace: pass what a 500
   * page shows ("reference 5134fcba") or the bare reference. Empty when nothing was logged with it.
   */
  public List<String> logFor(String reference) { return log.about(reference); }

  /** The server's log file ({@code <home>/logs/server.log}). */
  public Path serverLog() { return log.file(); }

  private void start() {
    Map<String, String> values = new HashMap<>();
    values.put(Config.HOME, home.toString());
    values.put(Config.HTTP_PORT, "0");
    values.put(Config.HTTP_HOST, "127.0.0.1");
    // Still bcrypt, at its cheapest cost, so a test suite does not spend minutes hashing.
    values.put(Config.PASSWORD_COST, "4");
    values.putAll(settings);
    courtyard = Courtyard.open(Config.of(values)).serve(c -> {
      if (demo) DemoSchool.ensure(c);
    });
  }

  /** Stops the server and closes its database, keeping its files (to run the command line on it). */
  public void stop() {
    if (courtyard != null) courtyard.close();
    courtyard = null;
  }

  /** Starts the installation again with configuration values changed (key, value, key, value…; e.g. another db.url and db.user). */
  public void startWith(String... keysAndValues) {
    if (courtyard != null) courtyard.close();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) settings.put(keysAndValues[i], keysAndValues[i + 1]);
    start();
  }

  /** Stops and starts the same installation (same files), as after a power cut or an upgrade. */
  public void restart() {
    courtyard.close();
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) { close(); }

  /** Stops the installation and deletes its home (and its test database). */
  public void close() {
    if (courtyard != null) courtyard.close();
    courtyard = null;
    if (log != null) log.close();
    deleteQuietly(home);
    if (pgDatabase != null) {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty(POSTGRES) + "postgres", "postgres", "")) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
      } catch (java.sql.SQLException e) {
        // a leftover test database on a throwaway server is harmless; the server is deleted after the run
      }
    }
  }

  public Courtyard courtyard() { return courtyard; }

  public <T> T get(Class<T> type) { return courtyard.get(type); }

  public Path home() { return home; }

  public Path pluginsDir() { return home.resolve("plugins"); }

  public URI baseUri() { return URI.create("http://127.0.0.1:" + courtyard.port() + "/"); }

  /** The server's time now (moved on by {@link #advanceClock}), e.g. to fill a date field relative to it. */
  public java.time.Instant now() { return get(java.time.Clock.class).instant(); }

  /** Moves the server's clock on, to see what happens when a time limit or a due date passes without waiting for it. */
  public void advanceClock(java.time.Duration by) { ((org.courtyard.core.services.ServerClock) get(java.time.Clock.class)).advance(by); }

  /**
   * Runs now, on this node, every scheduled job that is due (move the clock on first with
   * {@link #advanceClock}); returns how many ran here. The server also looks by itself every
   * {@code jobs.tick-ms}; tests call this instead of waiting.
   */
  public int runDueJobs() { return get(org.courtyard.core.jobs.JobScheduler.class).runDue(); }

  /** The id of an account, for admin pages that name people by id (e.g. {@code /admin/oakfield/users/<id>/data.zip}). */
  public long userId(String username) {
    return get(org.courtyard.core.identity.UserStore.class).byUsername(username)
        .orElseThrow(() -> new IllegalArgumentException("There is no account " + username)).id();
  }

  /**
   * Everything a subject access download holds about the person, as the ICT leader of the demo school
   * gets it: file name in the zip → content ({@code index.html}, {@code data.json}, {@code files/...}).
   */
  /** The subject access download for one person, by username: file name to bytes. */
  /**
   * What every tool's agenda says is waiting for the person, as the core filters it (their capabilities),
   * oldest first: for a tool's test of its {@code Agenda} before looking at the home page.
   */
  public java.util.List<org.courtyard.api.agenda.Waiting> waitingFor(String username) {
    org.courtyard.core.identity.User u = courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername(username).orElseThrow();
    return courtyard.get(org.courtyard.core.agenda.AgendaService.class).waitingFor(u).stream().map(org.courtyard.core.agenda.AgendaService.WaitingItem::waiting).toList();
  }

  /** The person's dated items between the two instants (a parent's: their children's), soonest first. */
  public java.util.List<org.courtyard.api.agenda.Dated> datesFor(String username, java.time.Instant from, java.time.Instant to) {
    org.courtyard.core.identity.User u = courtyard.get(org.courtyard.core.identity.UserStore.class).byUsername(username).orElseThrow();
    org.courtyard.core.agenda.AgendaService agenda = courtyard.get(org.courtyard.core.agenda.AgendaService.class);
    var items = u.kind() == org.courtyard.api.UserKind.PARENT ? agenda.childrensDates(u, from, to) : agenda.datesFor(u, from, to);
    return items.stream().map(org.courtyard.core.agenda.AgendaService.DatedItem::dated).toList();
  }

  public java.util.Map<String, byte[]> subjectAccess(String username) { return subjectAccess(userId(username)); }

  /** The subject access download for one person, by id (a username changes when a person is erased). */
  public java.util.Map<String, byte[]> subjectAccess(long userId) {
    TestClient leader = signIn("ict.leader");
    try {
      Path zip = Files.createTempFile("subject-access", ".zip");
      TestClient.Response r = leader.download("/admin/oakfield/users/" + userId + "/data.zip", zip);
      if (r.status() != 200) throw new AssertionError("The subject access download answered " + r.status());
      java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
      try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
        for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
      }
      Files.delete(zip);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Erases a person as an ICT leader would on their data page; returns their id, which stays the same. */
  public long erase(String username) {
    long id = userId(username);
    TestClient.Response r = signIn("ict.leader").post("/admin/oakfield/users/" + id + "/erase", java.util.Map.of("confirm", username));
    if (r.status() != 303) throw new AssertionError("Erasing " + username + " answered " + r.status() + ": " + r.body());
    return id;
  }

  /** The demo school, {@code oakfield} (or the first school, in an installation without the demo). */
  public TestSchool school() {
    if (demo) return school("oakfield");
    List<org.courtyard.core.spaces.Space> schools = get(org.courtyard.core.spaces.SpaceStore.class).schools();
    if (schools.isEmpty()) throw new IllegalStateException("This installation has no school: use withDemoSchool() or addSchool(slug, name)");
    return new TestSchool(this, schools.get(0).id());
  }

  /** A school by its slug. */
  public TestSchool school(String slug) {
    org.courtyard.core.spaces.Space s = get(org.courtyard.core.spaces.SpaceStore.class).bySlug(slug)
        .orElseThrow(() -> new IllegalArgumentException("There is no school " + slug));
    if (s.kind() != org.courtyard.api.SpaceKind.SCHOOL) throw new IllegalArgumentException(slug + " is not a school");
    return new TestSchool(this, s.id());
  }

  /** Makes another school (e.g. to check that one school never sees another's data). */
  public TestSchool addSchool(String slug, String name) {
    return new TestSchool(this, get(org.courtyard.core.spaces.SpaceStore.class).createSchool(slug, name).id());
  }

  /** The installation's database, for a plugin test that checks its own rows. */
  public TestDatabase database() { return new TestDatabase(get(org.courtyard.core.db.Db.class)); }

  TestPerson person(long id) {
    String password = passwords.get(id);
    if (password == null) {
      String username = get(org.courtyard.core.identity.UserStore.class).byId(id).map(u -> u.username()).orElse(null);
      password = DemoSchool.ACCOUNTS.stream().filter(a -> a.username().equals(username)).map(DemoSchool.Account::password).findFirst().orElse(null);
    }
    return new TestPerson(this, id, password);
  }

  TestSpace space(long id) { return new TestSpace(this, id); }

  void rememberPassword(long id, String password) { passwords.put(id, password); }

  /** A browser nobody has signed in on. */
  public TestClient anonymous() { return new TestClient(baseUri()); }

  /** A browser signed in as one of the demo accounts. */
  public TestClient signIn(String username) {
    String password = DemoSchool.ACCOUNTS.stream().filter(a -> a.username().equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(username + " is not a demo account; use signIn(username, password)")).password();
    return signIn(username, password);
  }

  public TestClient signIn(String username, String password) { return anonymous().login(username, password); }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
