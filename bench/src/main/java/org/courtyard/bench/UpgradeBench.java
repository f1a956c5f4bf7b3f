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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Upgrading a plugin in place while people use it: eight signed-in clients read the hello tool's page
 * without pause while the ICT leader uploads a new version (with a new migration) on the admin page.
 * Prints how long the upgrade took, how many of the tool's requests failed meanwhile (the goal is
 * none) and how long the slowest one waited (requests arriving during the swap are held, not refused).
 */
final class UpgradeBench {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final int CLIENTS = 8;

  private UpgradeBench() {}

  record Sample(long startNanos, long nanos, int status, String says) {}

  /** What an error page says (its main text), to tell one refusal from another. */
  static String says(String body) {
    Matcher m = Pattern.compile("<main[^>]*>(.*?)</main>", Pattern.DOTALL).matcher(body);
    String text = (m.find() ? m.group(1) : body).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    return text.length() > 160 ? text.substring(0, 160) : text;
  }

  static void run(Path install) throws Exception {
    System.out.println("== Plugin upgrade benchmark (" + CLIENTS + " clients reading the tool throughout)");
    Path home = Files.createTempDirectory("courtyard-upgrade-bench");
    CoreBench.Server s = CoreBench.Server.start(install, home);
    try {
      String page = "/s/2-willow/hello";
      HttpClient amira = CoreBench.waitForDemo("amira", "learner-demo-pass", page);
      HttpClient leader = CoreBench.signedIn("ict.leader", "ict-demo-pass");
      Path current;
      try (Stream<Path> jars = Files.list(install.resolve("plugins"))) {
        current = jars.filter(p -> p.getFileName().toString().startsWith("courtyard-hello-tool-")).findFirst().orElseThrow();
      }
      for (int round = 1; round <= 3; round++) {
        String version = "9." + round + ".0";
        Path next = nextVersion(current, version, home.resolve("hello-" + version + ".jar"), round);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> readers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          readers.add(pool.submit(() -> {
            while (running.get()) {
              long t0 = System.nanoTime();
              int status;
              String said = "";
              try {
                HttpResponse<String> r = amira.send(CoreBench.get(page), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status != 200) said = says(r.body());
              } catch (IOException e) {
                status = -1;
                said = e.toString();
              }
              samples.add(new Sample(t0, System.nanoTime() - t0, status, said));
            }
            return null;
          }));
        }
        Thread.sleep(2000);
        long u0 = System.nanoTime();
        int answer = upload(leader, next);
        long u1 = System.nanoTime();
        Thread.sleep(2000);
        running.set(false);
        for (Future<?> f : readers) f.get();
        pool.shutdown();
        if (answer != 303) throw new IllegalStateException("The upload of " + version + " answered " + answer + "; see " + home.resolve("server-" + CoreBench.PORT + ".log"));
        String plugins = leader.send(CoreBench.get("/admin/oakfield/plugins"), HttpResponse.BodyHandlers.ofString()).body();
        if (!plugins.contains(version)) throw new IllegalStateException("The plugins page does not show " + version);

        List<Sample> before = samples.stream().filter(x -> x.startNanos() + x.nanos() < u0).toList();
        List<Sample> during = samples.stream().filter(x -> x.startNanos() < u1 && x.startNanos() + x.nanos() > u0).toList();
        long failed = samples.stream().filter(x -> x.status() != 200).count();
        long slowestDuring = during.stream().mapToLong(Sample::nanos).max().orElse(0);
        double p50Before = before.stream().mapToLong(Sample::nanos).sorted().skip(before.size() / 2).findFirst().orElse(0) / 1e6;
        System.out.printf("Upgrade %d to %s (new migration, %d clients reading): %.0f ms from upload to new version serving; "
                + "tool requests in that time %d, failed %d of %d in the whole run; slowest request during it %.0f ms (p50 before %.1f ms)%n",
            round, version, CLIENTS, (u1 - u0) / 1e6, during.size(), failed, samples.size(), slowestDuring / 1e6, p50Before);
        samples.stream().filter(x -> x.status() != 200).forEach(x -> System.out.printf("  failed: HTTP %d, started %+.0f ms from the upload, took %.0f ms: %s%n",
            x.status(), (x.startNanos() - u0) / 1e6, x.nanos() / 1e6, x.says()));
        current = next;
      }
    } finally {
      s.stop();
    }
  }

  /** The installed jar as a newer version: plugin.properties says so, and a new migration adds an index. */
  static Path nextVersion(Path jar, String version, Path out, int round) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : Collections.list(in.entries())) {
        if (e.getName().startsWith("META-INF/") && (e.getName().endsWith(".SF") || e.getName().endsWith(".EC") || e.getName().endsWith(".RSA"))) continue;
        zip.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          if (e.getName().equals("plugin.properties")) {
            Properties p = new Properties();
            p.load(data);
            p.setProperty("plugin.version", version);
            p.store(zip, null);
          } else {
            data.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("db/hello/V" + (1 + round) + "__bench_" + round + ".sql"));
      zip.write(("CREATE INDEX hello_bench_" + round + " ON hello_notes(author_id, id)").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out;
  }

  /** The admin page's upload form, with the unsigned tick (this build is not signed). */
  private static int upload(HttpClient leader, Path jar) throws Exception {
    String form = leader.send(CoreBench.get("/admin/oakfield/plugins"), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = CSRF.matcher(form);
    if (!m.find()) throw new IllegalStateException("no CSRF token on the plugins page");
    String boundary = "----courtyard-bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"_csrf", m.group(1)}, {"allowUnsigned", "true"}}) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"plugin\"; filename=\"" + jar.getFileName()
        + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(jar));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CoreBench.PORT + "/admin/oakfield/plugins/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return leader.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
