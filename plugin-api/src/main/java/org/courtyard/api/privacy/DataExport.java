package org.courtyard.api.privacy;

import java.util.Map;

/**
 * Where a tool writes one person's data for a subject access download. The core turns it into a
 * readable page (one table per kind) and a machine-readable JSON file, and copies named files in.
 * Kinds and field names are words the person reads: take them from the tool's messages with
 * {@link #text}, which answers in the language of the person the download is about (since 2.1.0).
 * <pre>
 * out.record(out.text(POST), Map.of(out.text(WRITTEN), post.at(), out.text(TEXT), post.body()));
 * </pre>
 *
 * @since 2.0.0
 */
public interface DataExport extends org.courtyard.api.i18n.Texts {
  /**
   * One record. {@code kind} is plain words, singular ("Forum post"); fields keep their order and are
   * shown with their names as headings. Values may be text, numbers, booleans, instants or dates.
   */
  DataExport record(String kind, Map<String, ?> fields);

  /** A stored file (a key from {@link org.courtyard.api.service.FileStore}), copied into the download under {@code name}. */
  DataExport file(String kind, String name, String fileKey);
}
