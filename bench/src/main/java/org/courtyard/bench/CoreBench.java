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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the real distribution ({@code bin/courtyard demo}) on a fresh home and measures: time from
 * JVM start to the first 200, resident memory with all bundled plugins loaded, and requests/s with
 * p50/p99 latency for a signed-in space page.
 */
final class CoreBench {
  /** The benchmark server's port: 18080, or BENCH_PORT from bench/run when another run on the machine has that one. */
  static final int PORT = Integer.getInteger("courtyard.bench.port", 18080);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private CoreBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Courtyard core benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, load generator on the same machine)");
    List<Long> starts = new ArrayList<>();
    Path home = null;
    for (int i = 0; i < 3; i++) {
      home = Files.createTempDirectory("courtyard-bench");
      Server s = Server.start(install, home);
      try {
        starts.add(s.startMillis);
        if (i == 2) load(s);
      } finally {
        s.stop();
      }
    }
    // A restart (every morning, after an upgrade) finds its tables made and the school there.
    List<Long> restarts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Server s = Server.start(install, home);
      restarts.add(s.startMillis);
      s.stop();
    }
    System.out.printf("JVM start to first 200 (fresh demo school, all plugins): %s ms; median %d ms%n", starts, median(starts));
    System.out.printf("JVM start to first 200 (restart of that school): %s ms; median %d ms%n", restarts, median(restarts));
  }

  private static long median(List<Long> three) { return three.stream().mapToLong(Long::longValue).sorted().toArray()[1]; }

  /** The demo school is created just after the server starts listening: signs in once a page of it answers. */
  static HttpClient waitForDemo(String user, String password, String page) throws Exception {
    for (int tries = 0; ; tries++) {
      try {
        HttpClient c = signedIn(user, password);
        if (c.send(get(page), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return c;
      } catch (IllegalStateException e) {
        if (tries > 300) throw e;
      }
      Thread.sleep(100);
    }
  }

  private static void load(Server s) throws Exception {
    String page = "/s/2-willow";
    HttpClient client = waitForDemo("amira", "learner-demo-pass", page);
    for (int concurrency : new int[] {32, 64}) {
      measure(client, page, concurrency, Duration.ofSeconds(10), false);
      Result r = measure(client, page, concurrency, Duration.ofSeconds(15), true);
      System.out.printf("GET %s signed in, %d connections, 15 s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
          page, concurrency, r.perSecond, r.p50, r.p99, r.errors);
    }
    System.out.printf("Resident memory (VmRSS) after load, all plugins loaded, -Xmx256m: %d MB%n", s.rssKb() / 1024);
  }

  record Result(double perSecond, double p50, double p99, long errors) {}

  static Result measure(HttpClient client, String path, int concurrency, Duration duration, boolean record) throws Exception {
    return measureAt(client, "http://127.0.0.1:" + PORT + path, concurrency, duration, record);
  }

  /** The same against any address (the bare Vert.x ceiling), recorded. */
  static Result measureUrl(HttpClient client, String url, int concurrency, Duration duration) throws Exception {
    measureAt(client, url, concurrency, Duration.ofSeconds(5), false);
    return measureAt(client, url, concurrency, duration, true);
  }

  private static Result measureAt(HttpClient client, String url, int concurrency, Duration duration, boolean record) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      futures.add(pool.submit(() -> {
        long[] lat = new long[200_000];
        int n = 0;
        while (System.nanoTime() < end && n < lat.length) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) errors.incrementAndGet();
          } catch (IOException e) {
            errors.incrementAndGet();
          }
          lat[n++] = System.nanoTime() - t0;
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : futures) all.add(f.get());
    pool.shutdown();
    if (!record) return null;
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = duration.toNanos() / 1e9;
    return new Result(merged.length / seconds, merged[merged.length / 2] / 1e6, merged[(int) (merged.length * 0.99)] / 1e6, errors.get());
  }

  static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  static HttpClient signedIn(String user, String password) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
    String form = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = CSRF.matcher(form);
    if (!m.find()) throw new IllegalStateException("no CSRF token on /login");
    String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 303) throw new IllegalStateException("sign-in failed: " + r.statusCode());
    return client;
  }

  /** The distribution running as its own process. */
  static final class Server {
    final Process process;
    final long startMillis;

    private Server(Process process, long startMillis) {
      this.process = process;
      this.startMillis = startMillis;
    }

    static Server start(Path install, Path home) throws Exception { return start(install, home, PORT); }

    /** A server on another port (a second node of the same installation). */
    static Server start(Path install, Path home, int port) throws Exception { return start(install, home, port, ""); }

    /** As above with more JVM options (e.g. {@code -Dcourtyard.cluster.port=…}) and words after {@code demo} (e.g. {@code --cluster}). */
    static Server start(Path install, Path home, int port, String javaOpts, String... args) throws Exception {
      // Another benchmark's server on the port would answer our probes and be measured instead.
      try (java.net.ServerSocket free = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
        free.setReuseAddress(true);
      } catch (IOException e) {
        throw new IllegalStateException("Port " + port + " is in use (another server or benchmark?); run with BENCH_PORT=<free port> bench/run ...");
      }
      java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(install.resolve("bin/courtyard").toString(), "demo"));
      command.addAll(java.util.List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(home.resolve("server-" + port + ".log").toFile());
      pb.environment().put("COURTYARD_HOME", home.toString());
      pb.environment().put("JAVA_OPTS", "-Dcourtyard.http.port=" + port + " " + javaOpts);
      long t0 = System.nanoTime();
      Process p = pb.start();
      HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
      long deadline = t0 + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) throw new IllegalStateException("server exited; see " + home.resolve("server-" + port + ".log"));
        try {
          if (probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return new Server(p, (System.nanoTime() - t0) / 1_000_000);
          }
        } catch (IOException e) {
          Thread.sleep(10); // polling for the port to open; 10 ms is the resolution of the start-up figure
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("server did not answer within 120 s");
    }

    long rssKb() throws IOException { return status("VmRSS:"); }

    /** The highest resident memory the process has had since it started (the kernel's high-water mark). */
    long hwmKb() throws IOException { return status("VmHWM:"); }

    private long status(String field) throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
      return -1;
    }

    /** Starts counting the peak resident memory afresh (Linux clear_refs; without it the peak is since start). */
    void resetPeak() {
      try {
        Files.writeString(Path.of("/proc/" + process.pid() + "/clear_refs"), "5");
      } catch (IOException e) {
        // not permitted here: the figure is then the peak since the server started
      }
    }

    /** The server's peak resident memory (VmHWM) since start or the last {@link #resetPeak}. */
    long peakRssKb() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
      return -1;
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }
}
