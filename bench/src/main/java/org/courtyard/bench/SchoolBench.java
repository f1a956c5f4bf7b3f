package org.courtyard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.roster.Roster;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.Passwords;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.roster.RosterSync;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A whole school under load: 1,500 learners in 60 classes (5 year groups of 300), 100 staff, 2,000
 * parents, with forum, blog, wiki and quiz content in every class. Three scenarios — the 8:50
 * sign-in storm, a class of 30 posting in one forum at once, a year group of 300 starting a quiz
 * together — each printing requests/s, p50/p99, errors and the server's peak memory, written to
 * {@code bench/target/school-bench.json} with a latency-over-time chart per scenario (SVG). The
 * ceiling: the same client against a bare Vert.x server returning the class page's bytes from
 * memory, measured in the same run.
 */
final class SchoolBench {
  static final int LEARNERS = 1500;
  static final int CLASSES = 60;
  static final int YEARS = 5;
  static final int STAFF = 100;
  static final int PARENTS = 2000;
  static final String LEARNER_PASSWORD = "storm-pass-1";
  static final String STAFF_PASSWORD = "staff-pass-1";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String BASE = "http://127.0.0.1:" + CoreBench.PORT;

  private SchoolBench() {}

  /** One request: when it started (ms after the scenario began), how long it took, whether it worked. */
  record Sample(String kind, double atMs, double ms, boolean ok) {}

  record Scenario(String name, String description, List<Sample> samples, double seconds, long peakRssKb) {
    long errors() { return samples.stream().filter(s -> !s.ok()).count(); }

    double perSecond() { return samples.size() / seconds; }

    double percentile(double p) {
      double[] l = samples.stream().mapToDouble(Sample::ms).sorted().toArray();
      return l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) (l.length * p))];
    }
  }

  static void run(Path install) throws Exception {
    System.out.println("== School-scale load: " + LEARNERS + " learners, " + CLASSES + " classes, " + STAFF + " staff, " + PARENTS + " parents");
    Path home = Files.createTempDirectory("courtyard-school-bench");
    CoreBench.Server first = CoreBench.Server.start(install, home);
    CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/2-willow");
    first.stop();
    long t0 = System.nanoTime();
    School school = seed(install, home);
    System.out.printf("Generated the school in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    List<Scenario> scenarios = new ArrayList<>();
    CoreBench.Server s = CoreBench.Server.start(install, home);
    try {
      t0 = System.nanoTime();
      Content content = content(school);
      System.out.printf("Wrote forum, blog, wiki and quiz content in every class through HTTP in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      scenarios.add(storm(s, school));
      scenarios.add(classPosting(s, school, content));
      scenarios.add(yearGroupQuiz(s, school, content));
      Ceiling ceiling = ceiling(s, school);
      for (Scenario sc : scenarios) print(sc);
      System.out.printf("Ceiling, signed-in class page at 64 connections for 15 s: Courtyard %.0f req/s (p99 %.1f ms); bare Vert.x returning the same %d bytes from memory %.0f req/s (p99 %.1f ms): Courtyard reaches %.0f%% of the framework's limit on this machine%n",
          ceiling.courtyard().perSecond(), ceiling.courtyard().percentile(0.99), ceiling.bytes(), ceiling.bare().perSecond(), ceiling.bare().percentile(0.99),
          100 * ceiling.courtyard().perSecond() / ceiling.bare().perSecond());
      Path out = Path.of("bench/target");
      Files.createDirectories(out);
      Files.writeString(out.resolve("school-bench.json"), json(scenarios, ceiling));
      for (Scenario sc : scenarios) Files.writeString(out.resolve("school-bench-" + sc.name() + ".svg"), Chart.svg(sc));
      System.out.println("Figures: bench/target/school-bench.json; charts: bench/target/school-bench-<scenario>.svg");
    } finally {
      s.stop();
    }
  }

  // ---- the school ----

  record School(List<String> learners, List<String> classSlugs, List<String> yearSlugs, List<Integer> classOf) {}

  static Roster roll() {
    List<Roster.Person> people = new ArrayList<>();
    List<Roster.Group> groups = new ArrayList<>();
    List<Roster.Enrolment> enrol = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();
    for (int y = 1; y <= YEARS; y++) groups.add(new Roster.Group("year:" + y, SpaceKind.YEAR_GROUP, "Year " + (y + 2), null, false, "gen"));
    for (int c = 0; c < CLASSES; c++) {
      int y = c % YEARS + 1;
      groups.add(new Roster.Group("class:" + c, SpaceKind.CLASS, "Class " + (y + 2) + (char) ('A' + c / YEARS), "year:" + y, false, "gen"));
    }
    for (int i = 0; i < LEARNERS; i++) {
      String id = "L" + i;
      people.add(new Roster.Person(id, UserKind.LEARNER, "Learner" + i, "Family" + (i / 2), null, null, null, false, "row " + i));
      int c = i % CLASSES;
      enrol.add(new Roster.Enrolment("class:" + c, id, Role.MEMBER, false, "row " + i));
      enrol.add(new Roster.Enrolment("year:" + (c % YEARS + 1), id, Role.MEMBER, false, "row " + i));
    }
    for (int p = 0; p < PARENTS; p++) {
      String id = "P" + p;
      int family = p % (LEARNERS / 2);
      people.add(new Roster.Person(id, UserKind.PARENT, "Parent" + p, "Family" + family, null, "parent" + p + "@home.example", null, false, "contact " + p));
      links.add(new Roster.ParentLink(id, "L" + (2 * family), "contact " + p));
      links.add(new Roster.ParentLink(id, "L" + (2 * family + 1), "contact " + p));
    }
    return new Roster(Roster.Scope.WHOLE_SCHOOL, people, groups, enrol, links, List.of());
  }

  /** Imports the roll into the demo school, adds staff owning the classes and year groups, gives learners a real (cost 10) password. */
  static School seed(Path install, Path home) {
    Config config = Config.of(Map.of(Config.HOME, home.toString(), Config.PLUGINS_DIR, install.resolve("plugins").toString(), Config.PASSWORD_COST, "4"));
    try (Courtyard c = Courtyard.open(config)) {
      SpaceStore spaces = c.get(SpaceStore.class);
      Db db = c.get(Db.class);
      Space oakfield = spaces.bySlug("oakfield").orElseThrow();
      long run = db.insert("INSERT INTO import_runs (school_id, format, file_name, status) VALUES (?, 'bench', 'generated', 'RUNNING')", oakfield.id());
      c.get(RosterSync.class).apply(oakfield.id(), roll(), Roster.Scope.WHOLE_SCHOOL, run, null, null);
      // One bcrypt hash at the production cost, shared: every sign-in in the storm pays the real price.
      String hash = new Passwords(10).hash(LEARNER_PASSWORD);
      db.update("UPDATE users SET password_hash = ? WHERE kind = 'LEARNER' AND external_id IS NOT NULL", hash);
      db.update("DELETE FROM first_login_codes");
      List<String> learners = new ArrayList<>();
      for (int i = 0; i < LEARNERS; i++) {
        learners.add(db.queryOne("SELECT username FROM users WHERE external_id = ?", rs -> rs.getString(1), "L" + i).orElseThrow());
      }
      List<String> classSlugs = new ArrayList<>();
      for (int k = 0; k < CLASSES; k++) classSlugs.add(db.queryOne("SELECT slug FROM spaces WHERE external_id = ?", rs -> rs.getString(1), "class:" + k).orElseThrow());
      List<String> yearSlugs = new ArrayList<>();
      for (int y = 1; y <= YEARS; y++) yearSlugs.add(db.queryOne("SELECT slug FROM spaces WHERE external_id = ?", rs -> rs.getString(1), "year:" + y).orElseThrow());
      Accounts accounts = c.get(Accounts.class);
      for (int i = 0; i < STAFF; i++) {
        var u = accounts.create(new UserStore.NewUser(oakfield.id(), "staff" + i, "Teacher " + i, UserKind.STAFF, null, STAFF_PASSWORD, null, false));
        if (i < CLASSES) spaces.addMember(spaces.bySlug(classSlugs.get(i)).orElseThrow().id(), u.id(), Role.OWNER, false);
        else if (i < CLASSES + YEARS) spaces.addMember(spaces.bySlug(yearSlugs.get(i - CLASSES)).orElseThrow().id(), u.id(), Role.OWNER, false);
      }
      for (String slug : classSlugs) for (String tool : List.of("forum", "blog", "wiki", "quiz", "homework")) spaces.addTool(spaces.bySlug(slug).orElseThrow().id(), tool);
      spaces.addTool(spaces.bySlug(yearSlugs.get(0)).orElseThrow().id(), "quiz");
      // Class 0 takes five more learners from class 1 for the forum scenario: a class of 30.
      long class0 = spaces.bySlug(classSlugs.get(0)).orElseThrow().id();
      for (int i = 1; i < 5 * CLASSES; i += CLASSES) {
        spaces.addMember(class0, db.queryOne("SELECT id FROM users WHERE external_id = ?", rs -> rs.getLong(1), "L" + i).orElseThrow(), Role.MEMBER, false);
      }
      List<Integer> classOf = new ArrayList<>();
      for (int i = 0; i < LEARNERS; i++) classOf.add(i % CLASSES);
      return new School(learners, classSlugs, yearSlugs, classOf);
    }
  }

  record Content(String class0Discussion, String yearQuiz) {}

  /** Each class teacher writes a forum discussion with replies, a blog post, a wiki page and a quiz. */
  static Content content(School school) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> discussions = new ArrayList<>();
    for (int k = 0; k < CLASSES; k++) {
      int n = k;
      discussions.add(pool.submit(() -> {
        Client t = Client.signIn("staff" + n, STAFF_PASSWORD);
        String slug = school.classSlugs().get(n);
        String forum = t.redirectOf("/s/" + slug + "/forum/forums", "title", "Class talk", "layout", "threaded");
        String d = t.redirectOf(forum + "/discussions", "title", "What did you read this week?", "body", "Tell us about a book you enjoyed.");
        for (int r = 0; r < 5; r++) t.redirectOf(d + "/replies", "body", "Reply " + r + " from the teacher with a few more words in it.");
        t.redirectOf("/s/" + slug + "/blog/posts", "title", "Our trip to the museum", "body", "<p>We saw <strong>dinosaurs</strong>.</p>", "action", "publish");
        String edit = t.get("/s/" + slug + "/wiki/p/our-class/edit");
        Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(edit);
        t.redirectOf("/s/" + slug + "/wiki/p/our-class", "base", base.find() ? base.group(1) : "0", "title", "Our class", "text", "# Our class\nWe are **" + slug + "**.");
        for (int q = 0; q < 5; q++) {
          t.redirectOf("/s/" + slug + "/quiz/bank/new/single", "title", "Q" + q, "prompt", "Question " + q + "?", "choice.0", "Right", "choice.1", "Wrong", "correct", "0");
        }
        return d;
      }));
    }
    List<String> ds = new ArrayList<>();
    for (Future<String> f : discussions) ds.add(f.get());
    pool.shutdown();
    Client head = Client.signIn("staff" + CLASSES, STAFF_PASSWORD);
    String year = school.yearSlugs().get(0);
    List<String> quiz = new ArrayList<>(List.of("title", "Year quiz", "time-limit", "30", "attempts", "1", "shuffle", "on", "feedback", "immediate", "published", "on"));
    for (int q = 0; q < 20; q++) {
      head.redirectOf("/s/" + year + "/quiz/bank/new/" + (q % 2 == 0 ? "single" : "true-false"), q % 2 == 0
          ? new String[] {"title", "Year question " + q, "prompt", "Which is right (" + q + ")?", "choice.0", "Right", "choice.1", "Wrong", "choice.2", "Also wrong", "correct", "0"}
          : new String[] {"title", "Year question " + q, "prompt", "Statement " + q + " is true.", "truth", "true"});
    }
    Matcher ids = Pattern.compile("/quiz/bank/q/(\\d+)\"").matcher(head.get("/s/" + year + "/quiz/bank"));
    while (ids.find()) {
      quiz.add("question");
      quiz.add(ids.group(1));
    }
    return new Content(ds.get(0), head.redirectOf("/s/" + year + "/quiz/new", quiz.toArray(String[]::new)));
  }

  // ---- scenarios ----

  /** 8:50: every learner signs in within 60 s (evenly spread), then opens their class page. */
  static Scenario storm(CoreBench.Server s, School school) throws Exception {
    s.resetPeak();
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(1);
    ExecutorService people = Executors.newFixedThreadPool(400);
    CountDownLatch done = new CountDownLatch(LEARNERS);
    long start = System.nanoTime();
    for (int i = 0; i < LEARNERS; i++) {
      int n = i;
      arrivals.schedule(() -> people.submit(() -> {
        try {
          Client c = new Client();
          c.timed(samples, start, "GET /login", () -> c.get("/login"));
          c.timed(samples, start, "POST /login", () -> c.redirectOf("/login", "username", school.learners().get(n), "password", LEARNER_PASSWORD));
          c.timed(samples, start, "GET class page", () -> c.get("/s/" + school.classSlugs().get(school.classOf().get(n))));
        } catch (Exception e) {
          // counted as a failed sample by timed()
        } finally {
          done.countDown();
        }
      }), n * 60_000L / LEARNERS, TimeUnit.MILLISECONDS);
    }
    done.await(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    arrivals.shutdown();
    people.shutdown();
    return new Scenario("storm", LEARNERS + " learners sign in within 60 s, then open their class page", List.copyOf(samples), seconds, s.peakRssKb());
  }

  /** A class of 30, signed in, each opening the discussion and posting a reply at the same moment. */
  static Scenario classPosting(CoreBench.Server s, School school, Content content) throws Exception {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < LEARNERS && clients.size() < 30; i++) {
      if (school.classOf().get(i) == 0 || (i % CLASSES == 1 && i < 5 * CLASSES)) clients.add(Client.signIn(school.learners().get(i), LEARNER_PASSWORD));
    }
    return together(s, "class-forum", "a class of " + clients.size() + " posting in one forum discussion at once", clients, (c, samples, start) -> {
      c.timed(samples, start, "GET discussion", () -> c.get(content.class0Discussion()));
      c.timed(samples, start, "POST reply", () -> c.redirectOf(content.class0Discussion() + "/replies", "body", "My favourite book is about dragons and a castle."));
      c.timed(samples, start, "GET discussion", () -> c.get(content.class0Discussion()));
    });
  }

  /** A year group of 300 starting the same 20-question quiz together, saving once and handing in. */
  static Scenario yearGroupQuiz(CoreBench.Server s, School school, Content content) throws Exception {
    List<Client> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Client>> fs = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      if (school.classOf().get(i) % YEARS != 0) continue;
      int n = i;
      fs.add(pool.submit(() -> Client.signIn(school.learners().get(n), LEARNER_PASSWORD)));
    }
    for (Future<Client> f : fs) clients.add(f.get());
    pool.shutdown();
    return together(s, "year-quiz", "a year group of " + clients.size() + " starting, saving and handing in a 20-question quiz together", clients, (c, samples, start) -> {
      String attempt = c.timed(samples, start, "POST start", () -> c.redirectOf(content.yearQuiz() + "/start"));
      c.timed(samples, start, "GET attempt", () -> c.get(attempt));
      List<String> answers = new ArrayList<>(List.of("autosave", "1"));
      for (int q = 0; q < 20; q++) answers.addAll(List.of("q" + q, "0"));
      c.timed(samples, start, "POST autosave", () -> c.post(attempt + "/save", answers.toArray(String[]::new)));
      c.timed(samples, start, "POST hand in", () -> c.redirectOf(attempt + "/submit", answers.subList(2, answers.size()).toArray(String[]::new)));
    });
  }

  interface Steps {
    void run(Client c, ConcurrentLinkedQueue<Sample> samples, long start) throws Exception;
  }

  static Scenario together(CoreBench.Server s, String name, String description, List<Client> clients, Steps steps) throws Exception {
    s.resetPeak();
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> fs = new ArrayList<>();
    long[] start = new long[1];
    for (Client c : clients) {
      fs.add(pool.submit(() -> {
        go.await();
        try {
          steps.run(c, samples, start[0]);
        } catch (Exception e) {
          // a failed step is counted by timed(); the rest of this learner's steps are skipped
        }
        return null;
      }));
    }
    start[0] = System.nanoTime();
    go.countDown();
    for (Future<?> f : fs) f.get();
    double seconds = (System.nanoTime() - start[0]) / 1e9;
    pool.shutdown();
    return new Scenario(name, description, List.copyOf(samples), seconds, s.peakRssKb());
  }

  // ---- the ceiling ----

  record Ceiling(Scenario courtyard, Scenario bare, int bytes) {}

  /** The class page as a learner sees it, from Courtyard and from a bare Vert.x server holding its bytes. */
  static Ceiling ceiling(CoreBench.Server s, School school) throws Exception {
    Client learner = Client.signIn(school.learners().get(0), LEARNER_PASSWORD);
    String page = "/s/" + school.classSlugs().get(0);
    byte[] bytes = learner.getBytes(page);
    Scenario courtyard = closedLoop("ceiling-courtyard", learner, BASE + page, 64, Duration.ofSeconds(15));
    int barePort = CoreBench.PORT + 1;
    Process bare = startBare(barePort, bytes);
    try {
      Scenario bareRun = closedLoop("ceiling-bare-vertx", new Client(), "http://127.0.0.1:" + barePort + page, 64, Duration.ofSeconds(15));
      return new Ceiling(courtyard, bareRun, bytes.length);
    } finally {
      stopBare(bare);
    }
  }

  /** A bare Vert.x server ({@link BarePage}) on {@code port} answering every request with {@code bytes}, once it answers. */
  static Process startBare(int port, byte[] bytes) throws Exception {
    Path file = Files.createTempFile("bare-page", ".html");
    Files.write(file, bytes);
    file.toFile().deleteOnExit();
    Process bare = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), BarePage.class.getName(),
        String.valueOf(port), file.toString()).inheritIO().start();
    HttpClient probe = HttpClient.newHttpClient();
    for (int tries = 0; ; tries++) {
      try {
        if (probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return bare;
      } catch (IOException e) {
        if (tries > 300) {
          stopBare(bare);
          throw e;
        }
        Thread.sleep(50); // polling for the bare server's port to open
      }
    }
  }

  static void stopBare(Process bare) throws InterruptedException {
    bare.destroy();
    bare.waitFor(10, TimeUnit.SECONDS);
  }

  /** As many GETs as {@code connections} clients can make in {@code duration}, after a 10 s warm-up (the JIT). */
  static Scenario closedLoop(String name, Client client, String url, int connections, Duration duration) throws Exception {
    return closedLoop(name, client, url, connections, Duration.ofSeconds(10), duration);
  }

  /** As above with a warm-up of one's choosing (zero: none, e.g. for the later rounds of alternating runs). */
  static Scenario closedLoop(String name, Client client, String url, int connections, Duration warmUp, Duration duration) throws Exception {
    for (boolean record : new boolean[] {false, true}) {
      if (!record && warmUp.isZero()) continue;
      ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(connections);
      long start = System.nanoTime();
      long end = start + (record ? duration : warmUp).toNanos();
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        fs.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            try {
              client.timed(samples, start, "GET page", () -> client.getAbsolute(url));
            } catch (Exception e) {
              // counted as a failed sample by timed(); the connection carries on
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
      pool.shutdown();
      if (record) return new Scenario(name, "GET " + url.replaceFirst("^http://[^/]+", "") + ", " + connections + " connections", List.copyOf(samples), (System.nanoTime() - start) / 1e9, 0);
    }
    throw new IllegalStateException();
  }

  // ---- reporting ----

  static void print(Scenario sc) {
    System.out.printf("%s — %s: %d requests in %.1f s (%.0f req/s), p50 %.1f ms, p99 %.1f ms, errors %d, server peak memory %d MB%n",
        sc.name(), sc.description(), sc.samples().size(), sc.seconds(), sc.perSecond(), sc.percentile(0.5), sc.percentile(0.99), sc.errors(), sc.peakRssKb() / 1024);
    Map<String, List<Sample>> byKind = new LinkedHashMap<>();
    for (Sample x : sc.samples()) byKind.computeIfAbsent(x.kind(), k -> new ArrayList<>()).add(x);
    for (var e : byKind.entrySet()) {
      double[] l = e.getValue().stream().mapToDouble(Sample::ms).sorted().toArray();
      System.out.printf(Locale.ROOT, "    %-16s n=%5d  p50 %8.1f ms  p99 %8.1f ms%n", e.getKey(), l.length, l[l.length / 2], l[Math.min(l.length - 1, (int) (l.length * 0.99))]);
    }
  }

  static String json(List<Scenario> scenarios, Ceiling ceiling) {
    StringBuilder b = new StringBuilder("{\n  \"date\": \"" + LocalDate.now() + "\",\n  \"cores\": " + Runtime.getRuntime().availableProcessors()
        + ",\n  \"school\": {\"learners\": " + LEARNERS + ", \"classes\": " + CLASSES + ", \"staff\": " + STAFF + ", \"parents\": " + PARENTS + "},\n  \"scenarios\": [\n");
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario sc = scenarios.get(i);
      b.append(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"description\": \"%s\", \"requests\": %d, \"seconds\": %.2f, \"requestsPerSecond\": %.1f, \"p50Ms\": %.1f, \"p99Ms\": %.1f, \"errors\": %d, \"peakMemoryMb\": %d}%s%n",
          sc.name(), sc.description(), sc.samples().size(), sc.seconds(), sc.perSecond(), sc.percentile(0.5), sc.percentile(0.99), sc.errors(), sc.peakRssKb() / 1024,
          i < scenarios.size() - 1 ? "," : ""));
    }
    b.append(String.format(Locale.ROOT, "  ],\n  \"ceiling\": {\"page\": \"signed-in class page\", \"bytes\": %d, \"courtyardRequestsPerSecond\": %.1f, \"bareVertxRequestsPerSecond\": %.1f, \"ratio\": %.3f}\n}\n",
        ceiling.bytes(), ceiling.courtyard().perSecond(), ceiling.bare().perSecond(), ceiling.courtyard().perSecond() / ceiling.bare().perSecond()));
    return b.toString();
  }

  // ---- a browser-like client ----

  /** One person's HTTP client with cookies and the CSRF token of the last page it saw. */
  static final class Client {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    volatile String csrf;
    final String base;

    Client() { this(BASE); }

    /** A client of another server, e.g. the second node: {@code http://127.0.0.1:18081}. */
    Client(String base) { this.base = base; }

    static Client signIn(String username, String password) throws Exception { return signIn(BASE, username, password); }

    static Client signIn(String base, String username, String password) throws Exception {
      Client c = new Client(base);
      c.get("/login");
      c.redirectOf("/login", "username", username, "password", password);
      return c;
    }

    interface Call<T> {
      T run() throws Exception;
    }

    <T> T timed(ConcurrentLinkedQueue<Sample> into, long scenarioStart, String kind, Call<T> call) throws Exception {
      long t0 = System.nanoTime();
      try {
        T result = call.run();
        into.add(new Sample(kind, (t0 - scenarioStart) / 1e6, (System.nanoTime() - t0) / 1e6, true));
        return result;
      } catch (Exception e) {
        into.add(new Sample(kind, (t0 - scenarioStart) / 1e6, (System.nanoTime() - t0) / 1e6, false));
        throw e;
      }
    }

    String get(String path) throws Exception { return getAbsolute(base + path); }

    String getAbsolute(String url) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) csrf = m.group(1);
      return r.body();
    }

    byte[] getBytes(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    HttpResponse<String> send(String path, String... form) throws Exception {
      if (csrf == null) get("/login");
      StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      for (int i = 0; i + 1 < form.length; i += 2) {
        body.append('&').append(URLEncoder.encode(form[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
      }
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form that answers with a redirect; returns where to. */
    String redirectOf(String path, String... form) throws Exception {
      HttpResponse<String> r = send(path, form);
      if (r.statusCode() != 303) throw new IllegalStateException("POST " + path + " answered " + r.statusCode());
      return r.headers().firstValue("Location").orElseThrow();
    }

    /** Posts a form that answers 200 (an autosave). */
    String post(String path, String... form) throws Exception {
      HttpResponse<String> r = send(path, form);
      if (r.statusCode() != 200) throw new IllegalStateException("POST " + path + " answered " + r.statusCode());
      return r.body();
    }
  }

}
