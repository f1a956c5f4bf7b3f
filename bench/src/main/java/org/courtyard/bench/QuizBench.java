package org.courtyard.bench;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A whole year group takes a quiz at once: 300 signed-in learners press Start together, save their
 * answers twice on the way and hand in a 20-question quiz. Prints the time until the last one is
 * marked and the latency of each kind of request.
 */
final class QuizBench {
  static final int LEARNERS = 300;
  static final int QUESTIONS = 20;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private QuizBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Quiz benchmark: " + LEARNERS + " learners start and hand in a " + QUESTIONS + "-question quiz at once");
    Path home = Files.createTempDirectory("courtyard-quiz-bench");
    // First start makes the demo school and the quiz tables; then the year group is added straight into the database.
    CoreBench.Server first = CoreBench.Server.start(install, home);
    CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/2-willow");
    first.stop();
    seedYearGroup(install, home);

    CoreBench.Server s = CoreBench.Server.start(install, home);
    try {
      HttpClient teacher = CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/year-9-bench");
      List<String> fields = new ArrayList<>(List.of("title", "Year 9 revision", "time-limit", "30", "attempts", "1", "shuffle", "on", "feedback", "immediate", "published", "on"));
      for (int i = 0; i < QUESTIONS; i++) {
        String type = switch (i % 5) {
          case 0, 1 -> "single";
          case 2 -> "true-false";
          case 3 -> "short-text";
          default -> "numeric";
        };
        String[] q = switch (type) {
          case "single" -> new String[] {"prompt", "Question " + i + ": which is right?", "choice.0", "This one", "choice.1", "That one", "choice.2", "Another", "correct", "0"};
          case "true-false" -> new String[] {"prompt", "Statement " + i + " is true.", "truth", "true"};
          case "short-text" -> new String[] {"prompt", "Word " + i + "?", "accept", "answer\nreply"};
          default -> new String[] {"prompt", "What is " + i + " times 3?", "number", String.valueOf(i * 3), "tolerance", "0"};
        };
        List<String> f = new ArrayList<>(List.of("title", "Bench question " + i));
        f.addAll(List.of(q));
        post(teacher, "/s/year-9-bench/quiz/bank/new/" + type, f);
      }
      Matcher ids = Pattern.compile("/quiz/bank/q/(\\d+)\"").matcher(get(teacher, "/s/year-9-bench/quiz/bank"));
      while (ids.find()) {
        fields.add("question");
        fields.add(ids.group(1));
      }
      String quiz = post(teacher, "/s/year-9-bench/quiz/new", fields);

      long t0 = System.nanoTime();
      List<HttpClient> learners = signInAll();
      System.out.printf("Signing in the %d learners beforehand (not part of the figures below): %.1f s%n", LEARNERS, (System.nanoTime() - t0) / 1e9);

      Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
      for (String k : List.of("POST start", "GET attempt page", "POST autosave", "POST hand in", "GET marked review")) latencies.put(k, new ConcurrentLinkedQueue<>());
      AtomicLong errors = new AtomicLong();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
      List<Future<?>> done = new ArrayList<>();
      for (HttpClient c : learners) {
        done.add(pool.submit(() -> {
          go.await();
          try {
            String attempt = timed(latencies.get("POST start"), () -> post(c, quiz + "/start", List.of()));
            String page = timed(latencies.get("GET attempt page"), () -> get(c, attempt));
            if (!page.contains("name=\"q" + (QUESTIONS - 1) + "\"")) throw new IllegalStateException("attempt page lacks questions");
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < QUESTIONS; i++) answers.addAll(List.of("q" + i, i % 2 == 0 ? "0" : "answer"));
            List<String> firstHalf = new ArrayList<>(List.of("autosave", "1"));
            firstHalf.addAll(answers.subList(0, QUESTIONS));
            timed(latencies.get("POST autosave"), () -> postText(c, attempt + "/save", firstHalf));
            List<String> secondHalf = new ArrayList<>(List.of("autosave", "1"));
            secondHalf.addAll(answers.subList(QUESTIONS, answers.size()));
            timed(latencies.get("POST autosave"), () -> postText(c, attempt + "/save", secondHalf));
            timed(latencies.get("POST hand in"), () -> post(c, attempt + "/submit", answers));
            String review = timed(latencies.get("GET marked review"), () -> get(c, attempt));
            if (!review.contains("Mark:")) throw new IllegalStateException("review shows no mark");
          } catch (Exception e) {
            errors.incrementAndGet();
            if (errors.get() <= 3) System.out.println("  error: " + e);
          }
          return null;
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : done) f.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      long requests = latencies.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
      System.out.printf("All %d learners started, saved twice, handed in and saw their marks in %.1f s (%d requests, %.0f req/s), errors %d%n",
          LEARNERS, seconds, requests, requests / seconds, errors.get());
      for (var e : latencies.entrySet()) {
        long[] l = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
        if (l.length == 0) continue;
        System.out.printf("  %-18s n=%4d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", e.getKey(), l.length, l[l.length / 2] / 1e6,
            l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6, l[l.length - 1] / 1e6);
      }
      String results = get(teacher, quiz + "/results");
      System.out.printf("Teacher's results page afterwards lists %d marked tries%n", count(results, "%)"));
      System.out.printf("Resident memory (VmRSS) of the server afterwards, -Xmx256m: %d MB%n", s.rssKb() / 1024);
    } finally {
      s.stop();
    }
  }

  /** A class space of 300 learners, taught by the demo teacher, with the quiz tool in it. */
  private static void seedYearGroup(Path install, Path home) {
    // bcrypt cost 4 for these bench accounts only: signing 300 in beforehand is not what is measured.
    Config config = Config.of(Map.of(Config.HOME, home.toString(), Config.PLUGINS_DIR, install.resolve("plugins").toString(), Config.PASSWORD_COST, "4"));
    try (Courtyard c = Courtyard.open(config)) {
      SpaceStore spaces = c.get(SpaceStore.class);
      UserStore users = c.get(UserStore.class);
      Space school = spaces.bySlug("oakfield").orElseThrow();
      Space year = spaces.create(new SpaceStore.NewSpace(school.id(), SpaceKind.CLASS, "year-9-bench", "Year 9 (benchmark)", ""));
      spaces.addMember(year.id(), users.byUsername("mrs.patel").orElseThrow().id(), Role.OWNER, false);
      spaces.addTool(year.id(), "quiz");
      Accounts accounts = c.get(Accounts.class);
      for (int i = 0; i < LEARNERS; i++) {
        var u = accounts.create(new UserStore.NewUser(school.id(), "y9.learner" + i, "Learner " + i, UserKind.LEARNER, null, "bench-pass-" + i, null, false));
        spaces.addMember(year.id(), u.id(), Role.MEMBER, false);
      }
    }
  }

  private static List<HttpClient> signInAll() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<HttpClient>> fs = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      int n = i;
      fs.add(pool.submit(() -> CoreBench.signedIn("y9.learner" + n, "bench-pass-" + n)));
    }
    List<HttpClient> out = new ArrayList<>();
    for (Future<HttpClient> f : fs) out.add(f.get());
    pool.shutdown();
    return out;
  }

  interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T timed(ConcurrentLinkedQueue<Long> into, Call<T> call) throws Exception {
    long t0 = System.nanoTime();
    T result = call.run();
    into.add(System.nanoTime() - t0);
    return result;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) n++;
    return n;
  }

  private static final Map<HttpClient, String> TOKENS = new ConcurrentHashMap<>();

  private static String get(HttpClient c, String path) throws Exception {
    HttpResponse<String> r = c.send(CoreBench.get(path), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) TOKENS.put(c, m.group(1));
    return r.body();
  }

  private static HttpResponse<String> send(HttpClient c, String path, List<String> form) throws Exception {
    if (!TOKENS.containsKey(c)) get(c, "/");
    StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(TOKENS.get(c), StandardCharsets.UTF_8));
    for (int i = 0; i + 1 < form.size(); i += 2) {
      body.append('&').append(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
    }
    return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CoreBench.PORT + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form; returns where it redirected. */
  private static String post(HttpClient c, String path, List<String> form) throws Exception {
    HttpResponse<String> r = send(c, path, form);
    if (r.statusCode() != 303) throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(200, r.body().length())));
    return r.headers().firstValue("Location").orElseThrow();
  }

  /** Posts an autosave; it answers 200 "saved". */
  private static String postText(HttpClient c, String path, List<String> form) throws Exception {
    HttpResponse<String> r = send(c, path, form);
    if (r.statusCode() != 200) throw new IllegalStateException("POST " + path + " answered " + r.statusCode());
    return r.body();
  }

}
