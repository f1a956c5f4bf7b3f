package org.courtyard.api.roster;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Unpacks an untrusted zip: refuses paths outside the folder, and stops at size and entry limits (zip bombs). */
public final class SafeZip {
  private SafeZip() {}

  public static void extract(Path zip, Path into, long maxTotalBytes, int maxEntries) throws RosterException {
    extract(zip, into, maxTotalBytes, maxEntries, ApiWords.ENGLISH);
  }

  /** As above, its refusals in the words of {@code texts} (the reader's language). @since 2.1.0 */
  public static void extract(Path zip, Path into, long maxTotalBytes, int maxEntries, Texts texts) throws RosterException {
    Path root = into.toAbsolutePath().normalize();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      byte[] buf = new byte[8192];
      while ((e = in.getNextEntry()) != null) {
        if (++entries > maxEntries) throw new RosterException(texts.text(Message.of("roster.zip.tooManyFiles"), "max", maxEntries));
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root) || e.getName().contains("..") || e.getName().startsWith("/") || e.getName().contains("\\")) {
          throw new RosterException(texts.text(Message.of("roster.zip.outside"), "path", e.getName()));
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxTotalBytes) throw new RosterException(texts.text(Message.of("roster.zip.tooBig"), "max", maxTotalBytes / (1024 * 1024)));
            out.write(buf, 0, n);
          }
        }
      }
      if (entries == 0) throw new RosterException(texts.text(Message.of("roster.zip.empty")));
    } catch (ZipException e) {
      throw new RosterException(texts.text(Message.of("roster.zip.invalid"), "problem", String.valueOf(e.getMessage())));
    } catch (IOException e) {
      throw new RosterException(texts.text(Message.of("roster.zip.unreadable"), "problem", String.valueOf(e.getMessage())));
    }
  }

  /** True when the file starts like a zip. */
  public static boolean looksLikeZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] h = in.readNBytes(4);
      return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }
}
