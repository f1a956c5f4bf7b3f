package org.courtyard.api.privacy;

import java.util.Map;

/**
 * Where a tool writes one person's data for a subject access download. The core turns it into a
 * readable page (one table per kind) and a machine-readable JSON file, and copies named files in.
 *
 * @since 2.0.0
 */
public interface DataExport {
  /**
   * One record. {@code kind} is plain words, singular ("Forum post"); fields keep their order and are
   * shown with their names as headings. Values may be text, numbers, booleans, instants or dates.
   */
  DataExport record(String kind, Map<String, ?> fields);

  /** A stored file (a key from {@link org.courtyard.api.service.FileStore}), copied into the download under {@code name}. */
  DataExport file(String kind, String name, String fileKey);
}
