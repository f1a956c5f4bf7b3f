package org.courtyard.bench;

import java.lang.management.ManagementFactory;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Passwords;
import org.courtyard.core.identity.SignIn;
import org.courtyard.core.identity.SignInCounters;
import org.courtyard.core.relationships.RelationshipIndex;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.session.DatabaseSessionStore;

/**
 * What the trust work costs, at whole-school scale (the school of {@link SchoolBench}: 1,500 learners,
 * 60 classes, 100 staff, 2,000 parents):
 * <ol>
 *   <li>the relationship snapshot: time to build one school's (cold: forget, then the first question),
 *       questions per second answered from memory, heap it holds;</li>
 *   <li>{@code /pupils} and {@code /pupils/<id>} for a teacher of two classes under load, each against a
 *       bare Vert.x server returning the same bytes, in alternating rounds of the same run;</li>
 *   <li>sign-in: the counters' SQL per sign-in, password sign-ins per second against the bcrypt check
 *       alone, over HTTP and in process, the 8:50 storm; session rows before and after 1,000 anonymous
 *       {@code GET /login}.</li>
 * </ol>
 * Every figure is printed with the machine's load average when it was taken (the machine may be shared).
 */
final class TrustBench {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String BASE = "http://127.0.0.1:" + CoreBench.PORT;
  private static final int CONNECTIONS = 64;
  private static final int ROUNDS = 3;
  /** The teacher of two classes: a member of staff the school bench gives no group, made teacher of classes 1 and 2 here. */
  private static final String TWO_CLASS_TEACHER = "staff" + (SchoolBench.CLASSES + SchoolBench.YEARS);
  /** The head of year 1 (owner of the year group, so teacher of its 300 learners). */
  private static final String HEAD_OF_YEAR = "staff" + SchoolBench.CLASSES;

  private TrustBench() {}

  /** The people the figures ask about, by id. */
  record Ids(long twoClassTeacher, long headOfYear, long[] learners, long[] classTeacherOf, long[] staff, long[] parents, long pupilOfTwoClassTeacher) {}

  static void run(Path install) throws Exception {
    System.out.println("== Trust: relationships, /pupils, sign-in (" + Runtime.getRuntime().availableProcessors() + " cores, load generator on the same machine; "
        + "'load' is the 1-minute load average when the figure was taken)");
    Path home = Files.createTempDirectory("courtyard-trust-bench");
    CoreBench.Server first = CoreBench.Server.start(install, home);
    CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/2-willow");
    first.stop();
    long t0 = System.nanoTime();
    SchoolBench.School school = SchoolBench.seed(install, home);
    Config config = Config.of(Map.of(Config.HOME, home.toString(), Config.PLUGINS_DIR, install.resolve("plugins").toString(), Config.PASSWORD_COST, "4"));
    Ids ids;
    long sessionsBefore;
    try (Courtyard c = Courtyard.open(config)) {
      SpaceStore spaces = c.get(SpaceStore.class);
      Db db = c.get(Db.class);
      long teacher = userId(db, TWO_CLASS_TEACHER);
      for (int k = 1; k <= 2; k++) spaces.addMember(spaces.bySlug(school.classSlugs().get(k)).orElseThrow().id(), teacher, Role.TEACHER, false);
      ids = ids(db, teacher);
      sessionsBefore = c.get(DatabaseSessionStore.class).stored();
    }
    System.out.printf("Generated the school (and made %s teacher of two classes) in %.1f s%n", TWO_CLASS_TEACHER, (System.nanoTime() - t0) / 1e9);

    // Visitors who only look at the sign-in page: counted in the database before and after, with the server stopped.
    CoreBench.Server s = CoreBench.Server.start(install, home);
    double anonymousPerSecond;
    String anonymousLoad;
    try {
      anonymousPerSecond = anonymousLogins(1000);
      anonymousLoad = load();
    } finally {
      s.stop();
    }
    try (Courtyard c = Courtyard.open(config)) {
      long sessionsAfter = c.get(DatabaseSessionStore.class).stored();
      System.out.printf("Session rows before / after 1,000 anonymous GET /login (no cookies kept, each a new visitor): %d / %d (%+d); %.0f req/s [%s]%n",
          sessionsBefore, sessionsAfter, sessionsAfter - sessionsBefore, anonymousPerSecond, anonymousLoad);
      snapshot(c, ids);
      signInInProcess(c, ids, school);
    }

    s = CoreBench.Server.start(install, home);
    try {
      pupils(ids);
      signInOverHttp(school);
      SchoolBench.Scenario storm = SchoolBench.storm(s, school);
      String stormLoad = load();
      SchoolBench.print(storm);
      System.out.printf("    (the 8:50 storm above: class pages without the forum/blog/wiki content of bench/run school) [%s]%n", stormLoad);
    } finally {
      s.stop();
    }
  }

  // ---- 1. the relationship snapshot ----

  private static void snapshot(Courtyard c, Ids ids) throws Exception {
    RelationshipIndex index = c.get(RelationshipIndex.class);
    Db db = c.get(Db.class);
    long users = db.count("SELECT COUNT(*) FROM users WHERE school_id = (SELECT school_id FROM users WHERE id = ?)", ids.twoClassTeacher());
    long memberships = db.count("SELECT COUNT(*) FROM memberships m JOIN spaces s ON s.id = m.space_id WHERE s.school_id = (SELECT school_id FROM users WHERE id = ?) AND s.kind <> 'PERSONAL'", ids.twoClassTeacher());
    long links = db.count("SELECT COUNT(*) FROM parent_links");
    long learner = ids.learners()[0];
    long teacher = ids.classTeacherOf()[0];
    // Every account's school is remembered for good after its first question; ask once for each so that is not in the figures.
    for (long id : ids.learners()) index.is(Relationships.Relation.TEACHER_OF, teacher, id);
    for (long id : ids.staff()) index.learnersOf(id);
    for (long id : ids.parents()) index.childrenOf(id);

    index.forget();
    long f0 = System.nanoTime();
    if (!index.is(Relationships.Relation.TEACHER_OF, teacher, learner)) throw new IllegalStateException("the class teacher is not her learner's teacher");
    double firstMs = (System.nanoTime() - f0) / 1e6;
    List<Double> builds = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      index.forget();
      long b0 = System.nanoTime();
      index.is(Relationships.Relation.TEACHER_OF, teacher, learner);
      builds.add((System.nanoTime() - b0) / 1e6);
    }
    String buildLoad = load();
    double[] b = builds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "Relationship snapshot of one school (%d accounts, %d memberships of its groups, %d carer links): build (forget() then the first question) "
        + "first %.0f ms, then median %.0f ms of %d (min %.0f, max %.0f) [%s]%n", users, memberships, links, firstMs, b[b.length / 2], b.length, b[0], b[b.length - 1], buildLoad);

    // Heap: full GCs before and after one build, the snapshot held by the index in between.
    List<Long> heaps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      index.forget();
      long before = usedAfterGc();
      index.is(Relationships.Relation.TEACHER_OF, teacher, learner);
      long after = usedAfterGc();
      heaps.add(after - before);
    }
    long[] h = heaps.stream().mapToLong(Long::longValue).sorted().toArray();
    long pairs = 0;
    for (long id : ids.staff()) pairs += index.learnersOf(id).size();
    System.out.printf(Locale.ROOT, "Heap held by the snapshot: median %.1f MB of 5 (%.1f–%.1f MB; heap used after System.gc() x3 with the snapshot minus before it, "
        + "same JVM, Derby's page cache already warm); it holds %d teacher–learner pairs [%s]%n",
        h[2] / 1048576.0, h[0] / 1048576.0, h[4] / 1048576.0, pairs, load());

    long[] learners = ids.learners();
    long[] teacherOf = ids.classTeacherOf();
    long[] staff = ids.staff();
    long[] parents = ids.parents();
    index.is(Relationships.Relation.TEACHER_OF, teacher, learner);
    rate("is(TEACHER_OF, staff, learner), half of them true", i -> {
      int n = (int) (i % learners.length);
      long t = (i & 1) == 0 ? teacherOf[n] : staff[(int) ((i * 7) % staff.length)];
      return index.is(Relationships.Relation.TEACHER_OF, t, learners[n]) ? 1 : 0;
    });
    rate("is(CARER_OF, parent, learner)", i -> index.is(Relationships.Relation.CARER_OF, parents[(int) (i % parents.length)], learners[(int) ((i * 3) % learners.length)]) ? 1 : 0);
    rate("learnersOf(class teacher), 25–30 learners, sorted by name", i -> index.learnersOf(staff[(int) (i % SchoolBench.CLASSES)]).size());
    rate("learnersOf(teacher of 2 classes), " + index.learnersOf(ids.twoClassTeacher()).size() + " learners", i -> index.learnersOf(ids.twoClassTeacher()).size());
    rate("learnersOf(head of year), " + index.learnersOf(ids.headOfYear()).size() + " learners", i -> index.learnersOf(ids.headOfYear()).size());
    rate("childrenOf(parent)", i -> index.childrenOf(parents[(int) (i % parents.length)]).size());
    rate("teachersOf(learner)", i -> index.teachersOf(learners[(int) (i % learners.length)]).size());
    churn(index, ids);
    pupilReads(c, index, ids);
  }

  /**
   * Questions from 4 threads while memberships change: any MemberAdded/MemberRemoved/RelationshipsChanged,
   * in any space of any school, forgets every school's snapshot, and a snapshot read while one came is not kept.
   */
  private static void churn(RelationshipIndex index, Ids ids) throws Exception {
    long[] learners = ids.learners();
    long[] teacherOf = ids.classTeacherOf();
    AtomicLong n = new AtomicLong();
    LongSupplier ask = () -> {
      int k = (int) (n.incrementAndGet() % learners.length);
      return index.is(Relationships.Relation.TEACHER_OF, teacherOf[k], learners[k]) ? 1 : 0;
    };
    for (long every : new long[] {0, 1000, 100}) {
      java.util.concurrent.ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
      if (every > 0) changes.scheduleAtFixedRate(index::forget, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
      index.is(Relationships.Relation.TEACHER_OF, teacherOf[0], learners[0]);
      Timed t = timedLoop(ask, 4, Duration.ofSeconds(4));
      changes.shutdownNow();
      System.out.printf(Locale.ROOT, "    is(TEACHER_OF) from 4 threads, %-36s %,12.0f /s, p50 %.4f ms, p99 %.1f ms [%s]%n",
          every == 0 ? "no membership changes:" : "a membership change every " + every + " ms:", t.perSecond(), t.p50(), t.p99(), load());
    }
  }

  /** What /pupils reads besides the snapshot: one users.byId per pupil listed, against one query for them all. */
  private static void pupilReads(Courtyard c, RelationshipIndex index, Ids ids) throws Exception {
    org.courtyard.core.identity.UserStore users = c.get(org.courtyard.core.identity.UserStore.class);
    Db db = c.get(Db.class);
    for (long who : new long[] {ids.twoClassTeacher(), ids.headOfYear()}) {
      List<org.courtyard.api.UserRef> pupils = index.learnersOf(who);
      String in = String.join(",", pupils.stream().map(p -> Long.toString(p.id())).toList());
      LongSupplier oneByOne = () -> {
        long k = 0;
        for (org.courtyard.api.UserRef p : pupils) k += users.byId(p.id()).isPresent() ? 1 : 0;
        return k;
      };
      // The same rows in one statement (all columns, as byId reads them); ids inlined: they are numbers from the index.
      LongSupplier together = () -> db.query("SELECT * FROM users WHERE id IN (" + in + ")", rs -> rs.getLong("id")).size();
      timedLoop(oneByOne, 1, Duration.ofSeconds(2));
      timedLoop(together, 1, Duration.ofSeconds(2));
      Timed a = timedLoop(oneByOne, 1, Duration.ofSeconds(3));
      Timed b = timedLoop(together, 1, Duration.ofSeconds(3));
      System.out.printf(Locale.ROOT, "    /pupils' reads for %d pupils (one thread): %d × users.byId p50 %.2f ms; one SELECT … WHERE id IN (…) p50 %.2f ms [%s]%n",
          pupils.size(), pupils.size(), a.p50(), b.p50(), load());
    }
  }

  interface Question {
    long ask(long i);
  }

  /** Questions per second on one thread: 1 s warm-up, then the median of three 1 s runs. */
  private static void rate(String what, Question q) {
    long sink = 0;
    double[] rates = new double[3];
    for (int run = -1; run < 3; run++) {
      long n = 0;
      long start = System.nanoTime();
      long end = start + 1_000_000_000L;
      while (true) {
        for (int k = 0; k < 256; k++) sink += q.ask(n++);
        if (System.nanoTime() >= end) break;
      }
      if (run >= 0) rates[run] = n / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf(Locale.ROOT, "    %-62s %,12.0f /s on one thread (median of 3; %.0f–%.0f) [%s]%s%n", what, rates[1], rates[0], rates[2], load(), sink == 42 ? " " : "");
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---- 2. /pupils under load, with the ceiling ----

  private static void pupils(Ids ids) throws Exception {
    SchoolBench.Client teacher = SchoolBench.Client.signIn(TWO_CLASS_TEACHER, SchoolBench.STAFF_PASSWORD);
    SchoolBench.Client head = SchoolBench.Client.signIn(HEAD_OF_YEAR, SchoolBench.STAFF_PASSWORD);
    String list = "/pupils";
    String one = "/pupils/" + ids.pupilOfTwoClassTeacher();
    byte[] listBytes = teacher.getBytes(list);
    byte[] oneBytes = teacher.getBytes(one);
    byte[] headBytes = head.getBytes(list);
    int listed = count(new String(listBytes, StandardCharsets.UTF_8));
    int headListed = count(new String(headBytes, StandardCharsets.UTF_8));
    teacher.get(one); // answers 200 (or throws)
    if (listed < 50) throw new IllegalStateException("/pupils lists " + listed + " pupils for the teacher of two classes");
    int listPort = CoreBench.PORT + 1;
    int onePort = CoreBench.PORT + 2;
    Process bareList = SchoolBench.startBare(listPort, listBytes);
    Process bareOne = SchoolBench.startBare(onePort, oneBytes);
    try {
      String[] names = {"/pupils (teacher of 2 classes)", "bare Vert.x, same bytes", "/pupils/<id>", "bare Vert.x, same bytes", "/pupils (head of year)"};
      SchoolBench.Client[] clients = {teacher, new SchoolBench.Client(), teacher, new SchoolBench.Client(), head};
      String[] urls = {BASE + list, "http://127.0.0.1:" + listPort + list, BASE + one, "http://127.0.0.1:" + onePort + one, BASE + list};
      List<List<SchoolBench.Scenario>> results = new ArrayList<>();
      List<String> loads = new ArrayList<>();
      for (int k = 0; k < names.length; k++) results.add(new ArrayList<>());
      for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < names.length; k++) {
          // The first round warms each up (the JIT, connection pools) for 10 s; then 8 s measured, alternating, so a busy spell hits all alike.
          results.get(k).add(SchoolBench.closedLoop(names[k], clients[k], urls[k], CONNECTIONS, Duration.ofSeconds(round == 0 ? 10 : 0), Duration.ofSeconds(8)));
        }
        loads.add(load());
      }
      System.out.printf("Signed-in pages that ask relationships, %d connections, %d rounds of 8 s each (alternating with the bare server; loads at the end of each round: %s):%n",
          CONNECTIONS, ROUNDS, String.join(", ", loads));
      int[] sizes = {listBytes.length, listBytes.length, oneBytes.length, oneBytes.length, headBytes.length};
      for (int k = 0; k < names.length; k++) {
        List<SchoolBench.Scenario> rs = results.get(k);
        double[] perSecond = rs.stream().mapToDouble(SchoolBench.Scenario::perSecond).sorted().toArray();
        double[] p50 = rs.stream().mapToDouble(x -> x.percentile(0.5)).sorted().toArray();
        double[] p99 = rs.stream().mapToDouble(x -> x.percentile(0.99)).sorted().toArray();
        long errors = rs.stream().mapToLong(SchoolBench.Scenario::errors).sum();
        String extra = k == 0 ? ", " + listed + " pupils listed" : k == 4 ? ", " + headListed + " pupils listed" : "";
        System.out.printf(Locale.ROOT, "    %-32s %6d bytes: median %,6.0f req/s (%,.0f–%,.0f), p50 %.1f ms, p99 %.1f ms (medians of rounds), errors %d%s%n",
            names[k], sizes[k], perSecond[ROUNDS / 2], perSecond[0], perSecond[ROUNDS - 1], p50[ROUNDS / 2], p99[ROUNDS / 2], errors, extra);
      }
      for (int k = 0; k < 4; k += 2) {
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) ratios[round] = results.get(k).get(round).perSecond() / results.get(k + 1).get(round).perSecond();
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "    %s reaches %.0f%% of the bare server's rate (median of the rounds' ratios; %.0f–%.0f%%)%n",
            names[k], 100 * ratios[ROUNDS / 2], 100 * ratios[0], 100 * ratios[ROUNDS - 1]);
      }
    } finally {
      SchoolBench.stopBare(bareList);
      SchoolBench.stopBare(bareOne);
    }
  }

  private static int count(String page) {
    Matcher m = Pattern.compile("href=\"/pupils/\\d+\"").matcher(page);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  // ---- 3. sign-in ----

  /** In process: the counters' SQL per sign-in, and SignIn.withPassword against the bcrypt check alone, alternating. */
  private static void signInInProcess(Courtyard c, Ids ids, SchoolBench.School school) throws Exception {
    SignInCounters counters = c.get(SignInCounters.class);
    SignIn signIn = c.get(SignIn.class);
    Db db = c.get(Db.class);
    String hash = db.queryOne("SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), ids.learners()[0]).orElseThrow();
    Passwords bcrypt = new Passwords(4); // verifies at the hash's own cost (10)
    int cost = Integer.parseInt(hash.substring(4, 6));
    // The three limits SignIn takes a try from, reserved and given back as a success does, on one thread.
    AtomicLong who = new AtomicLong();
    LongSupplier countersOnly = () -> {
      long n = who.incrementAndGet();
      String name = school.learners().get((int) (n % SchoolBench.LEARNERS));
      String address = "10.1." + (n % 200) + ".1";
      List<SignInCounters.Limit> limits = List.of(SignInCounters.Limit.of("addr", address, 300, 15 * 60_000L),
          SignInCounters.Limit.of("acct", name, 100, 24 * 3_600_000L), SignInCounters.Limit.progressive("acct", name + "|" + address, 5, 24 * 3_600_000L));
      long now = System.currentTimeMillis();
      for (SignInCounters.Limit l : limits) if (!counters.reserve(l, now)) throw new IllegalStateException("held back: " + l.key());
      counters.succeeded(limits.get(0), false);
      counters.succeeded(limits.get(1), true);
      counters.succeeded(limits.get(2), true);
      return 1;
    };
    timedLoop(countersOnly, 1, Duration.ofSeconds(3));
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] cpuNanos = new long[2];
    LongSupplier countersCpu = () -> {
      long c0 = cpu.getCurrentThreadCpuTime();
      long r = countersOnly.getAsLong();
      cpuNanos[0] += cpu.getCurrentThreadCpuTime() - c0;
      cpuNanos[1]++;
      return r;
    };
    Timed cs = timedLoop(countersCpu, 1, Duration.ofSeconds(5));
    // 12 statements: the address's row exists (1 UPDATE); the account's and account+address rows were deleted by
    // the last success (UPDATE, UPDATE, SELECT COUNT, INSERT each); given back with 1 UPDATE and 2 DELETEs.
    System.out.printf(Locale.ROOT, "Sign-in counters alone (3 limits reserved, then given back as on success: 12 SQL statements, 6 of them commits that write; "
        + "embedded Derby, one thread): p50 %.2f ms, p99 %.2f ms per sign-in, of which %.2f ms CPU on the calling thread; %,.0f /s [%s]%n",
        cs.p50(), cs.p99(), cpuNanos[0] / 1e6 / Math.max(1, cpuNanos[1]), cs.perSecond(), load());

    LongSupplier bcryptOnly = () -> bcrypt.matches(SchoolBench.LEARNER_PASSWORD, hash) ? 1 : 0;
    LongSupplier whole = () -> {
      long n = who.incrementAndGet();
      SignIn.Result r = signIn.withPassword(school.learners().get((int) (n % SchoolBench.LEARNERS)), SchoolBench.LEARNER_PASSWORD, "10.2." + (n % 200) + ".1");
      if (r.user().isEmpty()) throw new IllegalStateException(r.message());
      return 1;
    };
    int threads = Runtime.getRuntime().availableProcessors();
    timedLoop(bcryptOnly, threads, Duration.ofSeconds(3));
    timedLoop(whole, threads, Duration.ofSeconds(3));
    List<Timed> bs = new ArrayList<>();
    List<Timed> ws = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      bs.add(timedLoop(bcryptOnly, threads, Duration.ofSeconds(5)));
      ws.add(timedLoop(whole, threads, Duration.ofSeconds(5)));
      loads.add(load());
    }
    System.out.printf(Locale.ROOT, "In process, %d threads, bcrypt cost %d, %d alternating rounds of 5 s (loads %s):%n", threads, cost, ROUNDS, String.join(", ", loads));
    print("    bcrypt check alone", bs);
    print("    SignIn.withPassword (counters + reads + bcrypt + recordSuccess)", ws);
    System.out.printf(Locale.ROOT, "    sign-ins reach %.0f%% of the bcrypt-alone rate (median of the rounds' ratios)%n", 100 * medianRatio(ws, bs));
  }

  /** Over HTTP: GET /login then POST /login as a fresh visitor, 4 at a time, alternating with the bcrypt check alone in this JVM. */
  private static void signInOverHttp(SchoolBench.School school) throws Exception {
    String hash = new Passwords(10).hash(SchoolBench.LEARNER_PASSWORD);
    LongSupplier bcryptOnly = () -> new Passwords(4).matches(SchoolBench.LEARNER_PASSWORD, hash) ? 1 : 0;
    int clients = 4;
    AtomicLong next = new AtomicLong();
    ThreadLocal<CookieManager> cookies = ThreadLocal.withInitial(CookieManager::new);
    ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> HttpClient.newBuilder().cookieHandler(cookies.get()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build());
    ConcurrentLinkedQueue<Double> posts = new ConcurrentLinkedQueue<>();
    LongSupplier signInOnce = () -> {
      try {
        cookies.get().getCookieStore().removeAll();
        HttpClient h = http.get();
        String form = h.send(HttpRequest.newBuilder(URI.create(BASE + "/login")).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) throw new IllegalStateException("no form token on /login");
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username="
            + school.learners().get((int) (next.incrementAndGet() % SchoolBench.LEARNERS)) + "&password=" + SchoolBench.LEARNER_PASSWORD;
        long p0 = System.nanoTime();
        int status = h.send(HttpRequest.newBuilder(URI.create(BASE + "/login")).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        posts.add((System.nanoTime() - p0) / 1e6);
        if (status != 303) throw new IllegalStateException("POST /login answered " + status);
        return 1;
      } catch (java.io.IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
    int threads = Runtime.getRuntime().availableProcessors();
    timedLoop(signInOnce, clients, Duration.ofSeconds(5));
    List<Timed> bs = new ArrayList<>();
    List<Timed> ws = new ArrayList<>();
    List<double[]> postLat = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      bs.add(timedLoop(bcryptOnly, threads, Duration.ofSeconds(6)));
      posts.clear();
      ws.add(timedLoop(signInOnce, clients, Duration.ofSeconds(6)));
      postLat.add(posts.stream().mapToDouble(Double::doubleValue).sorted().toArray());
      loads.add(load());
    }
    System.out.printf(Locale.ROOT, "Password sign-in over HTTP (GET /login, then POST /login as a new visitor; %d clients), against the bcrypt check alone in the bench's JVM (%d threads, server idle), "
        + "%d alternating rounds of 6 s (loads %s):%n", clients, threads, ROUNDS, String.join(", ", loads));
    print("    bcrypt check alone (cost 10)", bs);
    print("    GET+POST /login", ws);
    double[] p50 = postLat.stream().mapToDouble(l -> l[l.length / 2]).sorted().toArray();
    double[] p99 = postLat.stream().mapToDouble(l -> l[Math.min(l.length - 1, (int) (l.length * 0.99))]).sorted().toArray();
    System.out.printf(Locale.ROOT, "    POST /login alone: p50 %.1f ms, p99 %.1f ms (medians of rounds)%n", p50[ROUNDS / 2], p99[ROUNDS / 2]);
    System.out.printf(Locale.ROOT, "    sign-ins over HTTP reach %.0f%% of the bcrypt-alone rate (median of the rounds' ratios)%n", 100 * medianRatio(ws, bs));
  }

  record Timed(double perSecond, double p50, double p99, long errors) {}

  /** {@code threads} threads calling {@code work} for {@code duration}; failures counted, not thrown. */
  private static Timed timedLoop(LongSupplier work, int threads, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<Double> lat = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            work.getAsLong();
            lat.add((System.nanoTime() - t0) / 1e6);
          } catch (RuntimeException e) {
            if (errors.incrementAndGet() == 1) System.out.println("    (first error: " + e.getMessage() + ")");
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs) f.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    double[] l = lat.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (l.length == 0) return new Timed(0, 0, 0, errors.get());
    return new Timed(l.length / seconds, l[l.length / 2], l[Math.min(l.length - 1, (int) (l.length * 0.99))], errors.get());
  }

  private static void print(String what, List<Timed> runs) {
    double[] perSecond = runs.stream().mapToDouble(Timed::perSecond).sorted().toArray();
    double[] p50 = runs.stream().mapToDouble(Timed::p50).sorted().toArray();
    double[] p99 = runs.stream().mapToDouble(Timed::p99).sorted().toArray();
    long errors = runs.stream().mapToLong(Timed::errors).sum();
    int mid = runs.size() / 2;
    System.out.printf(Locale.ROOT, "%-70s median %6.1f /s (%.1f–%.1f), p50 %.1f ms, p99 %.1f ms (medians of rounds), errors %d%n",
        what, perSecond[mid], perSecond[0], perSecond[runs.size() - 1], p50[mid], p99[mid], errors);
  }

  private static double medianRatio(List<Timed> a, List<Timed> b) {
    double[] r = new double[a.size()];
    for (int i = 0; i < r.length; i++) r[i] = a.get(i).perSecond() / b.get(i).perSecond();
    Arrays.sort(r);
    return r[r.length / 2];
  }

  /** {@code n} GET /login, 8 at a time, none keeping cookies: each is a new visitor. Returns requests/s. */
  private static double anonymousLogins(int n) throws Exception {
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong left = new AtomicLong(n);
    AtomicLong bad = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      fs.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          if (plain.send(CoreBench.get("/login"), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) bad.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : fs) f.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    if (bad.get() > 0) throw new IllegalStateException(bad.get() + " of the anonymous GET /login did not answer 200");
    return n / seconds;
  }

  // ---- the people ----

  private static long userId(Db db, String username) {
    return db.queryOne("SELECT id FROM users WHERE username = ?", rs -> rs.getLong(1), username).orElseThrow();
  }

  private static long externalId(Db db, String external) {
    return db.queryOne("SELECT id FROM users WHERE external_id = ?", rs -> rs.getLong(1), external).orElseThrow();
  }

  private static Ids ids(Db db, long twoClassTeacher) {
    long[] staff = new long[SchoolBench.STAFF];
    for (int i = 0; i < staff.length; i++) staff[i] = userId(db, "staff" + i);
    long[] learners = new long[SchoolBench.LEARNERS];
    long[] teacherOf = new long[SchoolBench.LEARNERS];
    for (int i = 0; i < learners.length; i++) {
      learners[i] = externalId(db, "L" + i);
      teacherOf[i] = staff[i % SchoolBench.CLASSES]; // staff k owns class k; learner i is in class i % 60
    }
    long[] parents = new long[SchoolBench.PARENTS];
    for (int p = 0; p < parents.length; p++) parents[p] = externalId(db, "P" + p);
    // Learner 61 is in class 1 (and in no other class: class 0 took learners 1, 61, … only up to 5 × 60, so use 1 + 60 × 6).
    return new Ids(twoClassTeacher, staff[SchoolBench.CLASSES], learners, teacherOf, staff, parents, learners[1 + SchoolBench.CLASSES * 6]);
  }

  /** The 1-minute load average now, for the figure printed next to it. */
  static String load() {
    try {
      return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "load ?";
    }
  }
}
