package org.courtyard.api.roster;

import java.nio.file.Path;
import org.courtyard.api.i18n.Texts;
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

  /** What the admin sees, e.g. "Class lists (CSV)"; in English (see {@link #title(Texts)}). */
  String title();

  /** The title in the ICT leader's language, from the plugin's messages ({@code messages/<plugin id>*.properties}). @since 2.1.0 */
  default String title(Texts texts) { return title(); }

  /** Accepted file name endings, e.g. {@code ".csv"}, for the upload form's hint. */
  String accepts();

  /**
   * Reads the file, writing its problems (the {@link RosterException}'s message, each rejection's
   * reason and place) in the ICT leader's language through {@code texts}. An importer written for API
   * 2.0 overrides {@link #parse(Path, String)} instead and its problems stay in English.
   *
   * @since 2.1.0
   */
  default Roster parse(Path file, String originalName, Texts texts) throws RosterException { return parse(file, originalName); }

  /** Reads the file with problems in English. Importers written for 2.1 override {@link #parse(Path, String, Texts)}. */
  default Roster parse(Path file, String originalName) throws RosterException {
    throw new UnsupportedOperationException(getClass().getName() + " reads files with parse(file, name, texts)");
  }
}
