package org.courtyard.plugins.misoneroster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterImporter;
import org.courtyard.api.roster.SafeZip;
import org.pf4j.Extension;

/**
 * OneRoster CSV (1.1 and 1.2): a zip — or, from the command line, a folder — holding
 * {@code manifest.csv} and the data files it lists. The zip is unpacked into a private temporary
 * folder with {@link SafeZip} (no paths outside the folder, size and entry limits), read, and deleted.
 * Its problems are written in the ICT leader's language (messages/mis-oneroster*.properties); OneRoster's
 * own file, column and value names stay as the standard spells them (see {@link Words}).
 */
@Extension
public final class OneRosterImporter implements RosterImporter {
  /** An export of a large school is a few MB; this leaves room while stopping zip bombs. */
  static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
  /** A OneRoster export has at most about 15 files. */
  static final int MAX_ENTRIES = 100;

  private final long maxUnpackedBytes;
  private final int maxEntries;

  public OneRosterImporter() { this(MAX_UNPACKED_BYTES, MAX_ENTRIES); }

  OneRosterImporter(long maxUnpackedBytes, int maxEntries) {
    this.maxUnpackedBytes = maxUnpackedBytes;
    this.maxEntries = maxEntries;
  }

  @Override public String format() { return "oneroster"; }

  @Override public String title() { return "OneRoster CSV (1.1 or 1.2, zip)"; }

  @Override public String title(Texts texts) { return texts.text(Words.TITLE); }

  @Override public String accepts() { return ".zip"; }

  @Override
  public Roster parse(Path file, String originalName, Texts texts) throws RosterException {
    // The core always gives the uploaded file's name; "the file" is only for a caller that has none.
    String name = originalName == null || originalName.isBlank() ? "the file" : originalName;
    if (Files.isDirectory(file)) return new OneRosterExport(folderWithManifest(file, name, texts), texts).read();
    if (!SafeZip.looksLikeZip(file)) throw new RosterException(texts.text(Words.NOT_ZIP, "file", name));
    Path unpacked;
    try {
      unpacked = Files.createTempDirectory("courtyard-oneroster");
    } catch (IOException e) {
      throw new RosterException(texts.text(Words.NO_ROOM, "file", name, "problem", String.valueOf(e.getMessage())), e);
    }
    try {
      SafeZip.extract(file, unpacked, maxUnpackedBytes, maxEntries, texts);
      return new OneRosterExport(folderWithManifest(unpacked, name, texts), texts).read();
    } finally {
      deleteTree(unpacked);
    }
  }

  /** The export's folder: the one given, or the single sub-folder holding manifest.csv (a zipped folder). */
  static Path folderWithManifest(Path dir, String name, Texts texts) throws RosterException {
    if (OneRosterExport.find(dir, "manifest.csv") != null) return dir;
    List<Path> candidates;
    try (Stream<Path> s = Files.list(dir)) {
      candidates = s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equalsIgnoreCase("__MACOSX"))
          .filter(p -> OneRosterExport.find(p, "manifest.csv") != null)
          .toList();
    } catch (IOException e) {
      throw new RosterException(texts.text(Words.UNREADABLE, "file", name, "problem", String.valueOf(e.getMessage())), e);
    }
    if (candidates.size() == 1) return candidates.get(0);
    if (candidates.size() > 1) throw new RosterException(texts.text(Words.SEVERAL_EXPORTS, "file", name, "count", String.valueOf(candidates.size())));
    throw new RosterException(texts.text(Words.NO_MANIFEST, "file", name));
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing the import for.
    }
  }

  static String lower(String s) { return s == null ? "" : s.trim().toLowerCase(Locale.ROOT); }
}
