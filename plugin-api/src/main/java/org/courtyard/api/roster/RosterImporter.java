package org.courtyard.api.roster;

import java.nio.file.Path;
import org.pf4j.ExtensionPoint;

/**
 * Reads an MIS export. Mark the implementation {@code @Extension}. {@link #parse} must not change
 * anything: it only reads the file, reports each bad record as a {@link Roster.Rejection} and throws
 * {@link RosterException} when the file as a whole cannot be trusted (malformed, wrong encoding, a
 * zip with paths outside its folder, XML with a DOCTYPE). Parse XML with external entities off.
 */
public interface RosterImporter extends ExtensionPoint {
  /** Short name used by the CLI and the upload form, e.g. {@code "csv"}. */
  String format();

  /** What the admin sees, e.g. "Class lists (CSV)". */
  String title();

  /** Accepted file name endings, e.g. {@code ".csv"}, for the upload form's hint. */
  String accepts();

  Roster parse(Path file, String originalName) throws RosterException;
}
