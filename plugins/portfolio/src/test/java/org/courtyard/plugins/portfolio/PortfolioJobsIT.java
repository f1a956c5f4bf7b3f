package org.courtyard.plugins.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Downloads of a portfolio are kept for an hour and then cleared by the scheduled job. */
class PortfolioJobsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static long storedFiles() throws IOException {
    Path dir = courtyard.home().resolve("data/files");
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void oldDownloadsAreClearedAfterAnHour(@TempDir Path dir) throws IOException {
    TestClient amira = courtyard.signIn("amira");
    String c = PortfolioIT.collection(amira, PortfolioPrivacyIT.AMIRA, "Clear-out", "ME", false);
    assertEquals(303, amira.post(c + "/text", Map.of("title", "Note", "body", "Something to take away")).status());
    long before = storedFiles();
    assertEquals(200, amira.download(PortfolioPrivacyIT.AMIRA + "/export.zip", dir.resolve("a.zip")).status());
    assertEquals(200, amira.download(PortfolioPrivacyIT.AMIRA + "/export-leap2a.zip", dir.resolve("b.zip")).status());
    assertEquals(before + 2, storedFiles(), "each download is kept for a while");

    courtyard.advanceClock(Duration.ofMinutes(30));
    courtyard.runDueJobs();
    assertEquals(before + 2, storedFiles(), "half an hour on, they are still there");

    courtyard.advanceClock(Duration.ofMinutes(45));
    courtyard.runDueJobs();
    assertEquals(before, storedFiles(), "over an hour on, the job has cleared them");
  }
}
