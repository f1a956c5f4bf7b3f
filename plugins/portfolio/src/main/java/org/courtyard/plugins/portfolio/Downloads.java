package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.ToolServices;

/**
 * A portfolio's downloads (web pages, LEAP2A): each zip is made in a temporary file, moved into the
 * file store (so any node can send it) and kept for an hour; a job clears older ones.
 */
final class Downloads {
  static final Duration KEEP = Duration.ofHours(1);
  private final PortfolioStore store;
  private final ToolServices core;

  @Inject
  Downloads(PortfolioStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  /** A temporary file to write a zip into. */
  Path newZip() throws IOException { return Files.createTempFile("courtyard-portfolio-", ".zip"); }

  /** Keeps a finished zip (moved into the file store) and returns its key. */
  String keep(long ownerId, Path zip) throws IOException {
    try {
      String key = core.files().putFile(zip);
      store.recordDownload(ownerId, key);
      return key;
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  void delete(List<String> keys) {
    for (String k : keys) {
      try {
        core.files().delete(k);
      } catch (IOException e) {
        // the row is gone; an orphaned file costs only disk space
      }
    }
  }

  /** Clears downloads older than {@link #KEEP}. */
  static final class ClearOld implements Job {
    private final PortfolioStore store;
    private final Downloads downloads;
    private final ToolServices core;

    @Inject
    ClearOld(PortfolioStore store, Downloads downloads, ToolServices core) {
      this.store = store;
      this.downloads = downloads;
      this.core = core;
    }

    @Override
    public void run(JobRun run) { downloads.delete(store.takeDownloadsBefore(core.clock().instant().minus(KEEP))); }
  }
}
