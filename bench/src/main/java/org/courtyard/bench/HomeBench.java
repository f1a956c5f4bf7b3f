package org.courtyard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Home pages by role against the class page, in the same run on the same server (the demo school with
 * every plugin and its agenda): each role's {@code /} and a learner's {@code /s/2-willow}, 32 connections,
 * and the bare Vert.x ceiling for a page of the home page's size. Prints req/s, p99 and the ratios.
 */
final class HomeBench {
  private HomeBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Home pages by role against the class page (" + Runtime.getRuntime().availableProcessors() + " cores, load generator on the same machine)");
    Path home = Files.createTempDirectory("courtyard-bench-home");
    CoreBench.Server s = CoreBench.Server.start(install, home);
    try {
      Map<String, String[]> pages = new LinkedHashMap<>();
      pages.put("class page (learner)", new String[] {"amira", "learner-demo-pass", "/s/2-willow"});
      pages.put("home, teacher", new String[] {"mrs.patel", "teacher-demo-pass", "/"});
      pages.put("home, learner", new String[] {"amira", "learner-demo-pass", "/"});
      pages.put("home, parent", new String[] {"mr.khan", "parent-demo-pass", "/"});
      pages.put("home, ICT leader", new String[] {"ict.leader", "ict-demo-pass", "/"});
      double classPage = 0;
      byte[] teacherHome = null;
      for (var e : pages.entrySet()) {
        String[] p = e.getValue();
        HttpClient client = CoreBench.waitForDemo(p[0], p[1], p[2]);
        if (p[0].equals("mrs.patel")) teacherHome = client.send(CoreBench.get(p[2]), HttpResponse.BodyHandlers.ofByteArray()).body();
        CoreBench.measure(client, p[2], 32, Duration.ofSeconds(8), false);
        CoreBench.Result r = CoreBench.measure(client, p[2], 32, Duration.ofSeconds(15), true);
        if (classPage == 0) classPage = r.perSecond();
        System.out.printf("%-22s GET %-12s 32 connections, 15 s: %6.0f req/s, p50 %6.2f ms, p99 %6.2f ms, errors %d, %.2f of the class page%n",
            e.getKey(), p[2], r.perSecond(), r.p50(), r.p99(), r.errors(), r.perSecond() / classPage);
      }
      s.stop();
      s = null;
      int barePort = CoreBench.PORT + 7;
      Process bare = SchoolBench.startBare(barePort, teacherHome == null ? "<html></html>".getBytes(StandardCharsets.UTF_8) : teacherHome);
      try {
        HttpClient c = HttpClient.newHttpClient();
        CoreBench.Result ceiling = CoreBench.measureUrl(c, "http://127.0.0.1:" + barePort + "/", 32, Duration.ofSeconds(15));
        System.out.printf("ceiling: bare Vert.x serving the teacher's home page bytes, 32 connections: %.0f req/s (class page is %.3f of it)%n",
            ceiling.perSecond(), classPage / ceiling.perSecond());
      } finally {
        SchoolBench.stopBare(bare);
      }
    } finally {
      if (s != null) s.stop();
    }
  }
}
