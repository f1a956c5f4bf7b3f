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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collaboration tools under load: a forum discussion of 50 posts and a wiki page with 100
 * revisions, each viewed signed in by 50 concurrent clients.
 */
final class ToolsBench {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private ToolsBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Collaboration tools benchmark (50 concurrent signed-in clients)");
    CoreBench.Server s = CoreBench.Server.start(install, Files.createTempDirectory("courtyard-tools-bench"));
    try {
      HttpClient teacher = CoreBench.waitForDemo("mrs.patel", "teacher-demo-pass", "/s/2-willow");
      String forum = post(teacher, "/s/2-willow/forum/forums", Map.of("title", "Bench forum", "layout", "threaded"));
      String discussion = post(teacher, forum + "/discussions", Map.of("title", "Fifty posts", "body", "The first post"));
      for (int i = 2; i <= 50; i++) post(teacher, discussion + "/replies", Map.of("body", "Reply number " + i + " with a few words to make it realistic."));
      String page = "/s/2-willow/wiki/p/bench-page";
      for (int i = 1; i <= 100; i++) {
        String edit = get(teacher, page + "/edit");
        Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(edit);
        if (!base.find()) throw new IllegalStateException("no edit form");
        post(teacher, page, Map.of("base", base.group(1), "title", "Bench page", "text", "# Revision " + i + "\nSome **text** with a [[Link]] and more words.\n- one\n- two"));
      }
      HttpClient amira = CoreBench.signedIn("amira", "learner-demo-pass");
      for (String[] target : new String[][] {{"forum discussion, 50 posts", discussion}, {"wiki page, 100 revisions", page}}) {
        CoreBench.measure(amira, target[1], 50, Duration.ofSeconds(10), false);
        CoreBench.Result r = CoreBench.measure(amira, target[1], 50, Duration.ofSeconds(15), true);
        System.out.printf("GET %s (%s), 50 clients, 15 s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
            target[1], target[0], r.perSecond(), r.p50(), r.p99(), r.errors());
      }
    } finally {
      s.stop();
    }
  }

  private static String get(HttpClient c, String path) throws Exception {
    return c.send(CoreBench.get(path), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Posts a form with the CSRF token from the last page; returns where it redirected. */
  private static String post(HttpClient c, String path, Map<String, String> form) throws Exception {
    Matcher m = CSRF.matcher(get(c, "/"));
    if (!m.find()) throw new IllegalStateException("no CSRF token");
    StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
    form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CoreBench.PORT + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 303) throw new IllegalStateException("POST " + path + " answered " + r.statusCode());
    return r.headers().firstValue("Location").orElseThrow();
  }
}
