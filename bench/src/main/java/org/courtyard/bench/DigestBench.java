package org.courtyard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.courtyard.api.roster.Roster;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.notify.DailyDigest;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.roster.RosterSync;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * The daily digest for a 1,500-learner school on embedded Derby: every parent (2,250, each with an
 * e-mail) chose the digest and has a day of notices waiting (five each: the usual for two children).
 * Times one run of the digest (writing every e-mail into the outbox, not sending it) and reports the
 * heap it needed.
 */
final class DigestBench {
  private DigestBench() {}

  static void run(Path install) throws Exception {
    System.out.println("== Daily digest: a 1,500-learner school, 2,250 parents choosing the digest, 5 notices each, embedded Derby");
    Path home = Files.createTempDirectory("courtyard-digest-bench");
    Config config = Config.of(Map.of(Config.HOME, home.toString(), Config.PLUGINS_DIR, install.resolve("plugins").toString(),
        Config.SITE_URL, "https://learn.bench.example"));
    try (Courtyard c = Courtyard.open(config)) {
      Space school = c.get(SpaceStore.class).createSchool("bench-school", "Bench School");
      Roster roster = ImportBench.roll(1500, 60, 2250);
      Db db = c.get(Db.class);
      long run = db.insert("INSERT INTO import_runs (school_id, format, file_name, status) VALUES (?, 'bench', 'generated', 'RUNNING')", school.id());
      c.get(RosterSync.class).apply(school.id(), roster, Roster.Scope.WHOLE_SCHOOL, run, null, null);
      List<Long> parents = db.query("SELECT id FROM users WHERE kind = 'PARENT' AND school_id = ?", rs -> rs.getLong(1), school.id());
      db.update("INSERT INTO notification_defaults (school_id, user_kind, delivery) VALUES (?, 'PARENT', 'DIGEST')", school.id());
      NotificationStore notices = c.get(NotificationStore.class);
      long t0 = System.nanoTime();
      for (long p : parents) {
        db.transaction(() -> {
          for (int i = 0; i < 5; i++) notices.add("homework", "homework.returned", p, "Spellings week " + i + " were marked", "/s/class-1/homework/" + i);
          return null;
        });
      }
      System.out.printf("Writing %,d notices (site + digest queue): %d ms%n", parents.size() * 5, (System.nanoTime() - t0) / 1_000_000);
      System.gc();
      long before = heapUsed();
      resetPeaks();
      t0 = System.nanoTime();
      int mails = c.get(DailyDigest.class).send();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("Digest run: %,d e-mails into the outbox in %d ms (%.1f ms each); heap in use before %d MB, peak during %d MB%n",
          mails, ms, ms / (double) Math.max(1, mails), before / (1024 * 1024), peakHeap() / (1024 * 1024));
      System.out.printf("A second run (another node, a restart) finds nothing: %d e-mails%n", c.get(DailyDigest.class).send());
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    return sum;
  }
}
