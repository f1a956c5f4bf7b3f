package org.courtyard.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signs gallery's video path: one 20 MB video uploaded in 2 MB chunks through the resumable
 * upload, then streamed whole to 50 concurrent signed-in clients, then as 1 MB range requests (a
 * player seeking) by 50 clients. Prints MB/s, requests/s and the server process's resident memory
 * (VmRSS sampled every 50 ms during the load, and the kernel's VmHWM lifetime peak).
 */
final class StreamBench {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final int SIZE = 20 * 1024 * 1024;
  private static final int CHUNK = 2 * 1024 * 1024;
  private static final int CLIENTS = 50;

  private StreamBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Signs video streaming benchmark (" + Runtime.getRuntime().availableProcessors()
        + " cores, server as its own process with -Xmx256m, load generator on the same machine)");
    CoreBench.Server s = CoreBench.Server.start(install, Files.createTempDirectory("courtyard-stream-bench"));
    try {
      HttpClient teacher = CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/2-willow/signs");
      byte[] video = new byte[SIZE];
      new Random(42).nextBytes(video);
      byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1'};
      System.arraycopy(head, 0, video, 0, head.length);
      long rssBefore = s.rssKb();

      long t0 = System.nanoTime();
      String sign = upload(teacher, video);
      double uploadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("Upload of 20 MB in %d chunks of 2 MB (resumable upload, then joined and checked): %.2f s, %.1f MB/s%n",
          SIZE / CHUNK, uploadSeconds, 20 / uploadSeconds);

      HttpClient learner = CoreBench.signedIn("amira", "learner-demo-pass");
      HttpResponse<byte[]> check = learner.send(get(sign + "/video", null), HttpResponse.BodyHandlers.ofByteArray());
      if (check.statusCode() != 200 || !Arrays.equals(check.body(), video)) throw new IllegalStateException("the streamed video differs from the upload");

      MemorySampler memory = new MemorySampler(s);
      memory.start();
      load(learner, sign + "/video", false, Duration.ofSeconds(5), false); // warm-up
      Result whole = load(learner, sign + "/video", false, Duration.ofSeconds(15), true);
      Result ranges = load(learner, sign + "/video", true, Duration.ofSeconds(15), true);
      memory.stop();
      System.out.printf("Whole video (20 MB) to %d concurrent clients, 15 s: %.0f MB/s, %.1f req/s, p50 %.0f ms, p99 %.0f ms, errors %d%n",
          CLIENTS, whole.mbPerSecond, whole.perSecond, whole.p50, whole.p99, whole.errors);
      System.out.printf("1 MB range requests (206) at random offsets, %d concurrent clients, 15 s: %.0f MB/s, %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
          CLIENTS, ranges.mbPerSecond, ranges.perSecond, ranges.p50, ranges.p99, ranges.errors);
      System.out.printf("Server process resident memory (RSS): %d MB before the upload, peak %d MB while streaming (sampled every 50 ms), "
          + "VmHWM lifetime peak %d MB%n", rssBefore / 1024, memory.peakKb / 1024, s.hwmKb() / 1024);
    } finally {
      s.stop();
    }
  }

  /** The resumable upload as the gallery's script does it; returns the new sign's URL. */
  private static String upload(HttpClient c, byte[] video) throws Exception {
    String base = "/s/2-willow/signs";
    Matcher m = CSRF.matcher(c.send(get(base + "/new", null), HttpResponse.BodyHandlers.ofString()).body());
    if (!m.find()) throw new IllegalStateException("no CSRF token on the upload form");
    String token = m.group(1);
    String started = multipart(c, base + "/uploads", token, List.of("word", "Benchmark", "category", "classroom", "name", "bench.mp4",
        "size", Integer.toString(video.length)), null);
    String upload = base + "/uploads/" + field(started, "token");
    for (int off = 0; off < video.length; off += CHUNK) {
      multipart(c, upload + "/chunk?offset=" + off, token, List.of(), Arrays.copyOfRange(video, off, Math.min(video.length, off + CHUNK)));
    }
    return field(multipart(c, upload + "/complete", token, List.of(), null), "location");
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }

  private static String multipart(HttpClient c, String path, String csrf, List<String> fields, byte[] chunk) throws Exception {
    String boundary = "----bench" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n" + fields.get(i + 1) + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (chunk != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"chunk\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(chunk);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CoreBench.PORT + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-Token", csrf)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  /** A browser's media request: no compression, optionally one range. */
  private static HttpRequest get(String path, String range) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CoreBench.PORT + path)).timeout(Duration.ofSeconds(120))
        .header("Accept-Encoding", "identity").GET();
    if (range != null) b.header("Range", range);
    return b.build();
  }

  record Result(double perSecond, double mbPerSecond, double p50, double p99, long errors) {}

  private static Result load(HttpClient client, String path, boolean ranges, Duration duration, boolean record) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      final long seed = t;
      futures.add(pool.submit(() -> {
        Random random = new Random(seed);
        long[] lat = new long[100_000];
        int n = 0;
        byte[] buf = new byte[64 * 1024];
        while (System.nanoTime() < end && n < lat.length) {
          long t0 = System.nanoTime();
          String range = null;
          long expected = SIZE;
          if (ranges) {
            long start = random.nextInt(SIZE - 1024 * 1024);
            range = "bytes=" + start + "-" + (start + 1024 * 1024 - 1);
            expected = 1024 * 1024;
          }
          try {
            HttpResponse<InputStream> r = client.send(get(path, range), HttpResponse.BodyHandlers.ofInputStream());
            long got = 0;
            try (InputStream in = r.body()) {
              for (int k; (k = in.read(buf)) > 0; ) got += k;
            }
            bytes.addAndGet(got);
            if (r.statusCode() != (ranges ? 206 : 200) || got != expected) errors.incrementAndGet();
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
    return new Result(merged.length / seconds, bytes.get() / 1048576.0 / seconds, merged[merged.length / 2] / 1e6,
        merged[(int) (merged.length * 0.99)] / 1e6, errors.get());
  }

  /** Reads the server's VmRSS every 50 ms and keeps the highest. */
  private static final class MemorySampler {
    private final CoreBench.Server server;
    private volatile boolean running = true;
    private volatile long peakKb;
    private Thread thread;

    MemorySampler(CoreBench.Server server) { this.server = server; }

    void start() {
      thread = new Thread(() -> {
        while (running) {
          try {
            peakKb = Math.max(peakKb, server.rssKb());
            Thread.sleep(50);
          } catch (IOException | InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
