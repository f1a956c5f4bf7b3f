package org.courtyard.api.roster;

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
    Path root = into.toAbsolutePath().normalize();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      byte[] buf = new byte[8192];
      while ((e = in.getNextEntry()) != null) {
        if (++entries > maxEntries) throw new RosterException("The zip holds more than " + maxEntries + " files.");
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root) || e.getName().contains("..") || e.getName().startsWith("/") || e.getName().contains("\\")) {
          throw new RosterException("The zip contains a path outside its folder (" + e.getName() + "), so it was refused.");
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
            if (total > maxTotalBytes) throw new RosterException("The zip unpacks to more than " + (maxTotalBytes / (1024 * 1024)) + " MB, so it was refused.");
            out.write(buf, 0, n);
          }
        }
      }
      if (entries == 0) throw new RosterException("The file is not a zip, or the zip is empty.");
    } catch (ZipException e) {
      throw new RosterException("The file is not a valid zip: " + e.getMessage());
    } catch (IOException e) {
      throw new RosterException("The zip could not be read: " + e.getMessage());
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
