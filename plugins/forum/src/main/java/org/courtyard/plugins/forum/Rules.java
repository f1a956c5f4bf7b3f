package org.courtyard.plugins.forum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The forum's small rules, kept apart so each is easy to read and test. */
final class Rules {
  private Rules() {}

  /** Quiet hours: posting is open between from and until (an overnight window wraps); blank means always open. */
  static boolean postingOpen(String from, String until, LocalTime now) {
    if (from == null || until == null || from.isBlank() || until.isBlank()) return true;
    LocalTime f;
    LocalTime u;
    try {
      f = LocalTime.parse(from.trim());
      u = LocalTime.parse(until.trim());
    } catch (DateTimeParseException e) {
      return true; // a malformed setting must not silence the forum
    }
    if (f.equals(u)) return true;
    return f.isBefore(u) ? !now.isBefore(f) && now.isBefore(u) : !now.isBefore(f) || now.isBefore(u);
  }

  /** The first word of the school's list found in the text (whole words, any case), or null. */
  static String filteredWord(String list, String text) {
    if (list == null || list.isBlank() || text == null) return null;
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(list.split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
        .filter(w -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])").matcher(lower).find())
        .findFirst().orElse(null);
  }

  /**
   * The real type of an attachment, read from its first bytes (never its name or the browser's
   * claim): pictures, sounds and documents only; null for anything else.
   */
  static String sniff(Path file) {
    byte[] h;
    try (InputStream in = Files.newInputStream(file)) {
      h = in.readNBytes(16);
    } catch (IOException e) {
      return null;
    }
    if (starts(h, 0x89, 'P', 'N', 'G')) return "image/png";
    if (starts(h, 0xff, 0xd8, 0xff)) return "image/jpeg";
    if (starts(h, 'G', 'I', 'F', '8')) return "image/gif";
    if (starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') return "image/webp";
    if (starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == 'W' && h[9] == 'A' && h[10] == 'V' && h[11] == 'E') return "audio/wav";
    if (starts(h, 'I', 'D', '3') || (h.length > 1 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0)) return "audio/mpeg";
    if (starts(h, 'O', 'g', 'g', 'S')) return "audio/ogg";
    if (h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p') return "audio/mp4";
    if (starts(h, '%', 'P', 'D', 'F')) return "application/pdf";
    // Word, ODT and other office files are zips; they are always sent as downloads.
    if (starts(h, 'P', 'K', 3, 4)) return "application/octet-stream";
    return null;
  }

  private static boolean starts(byte[] h, int... sig) {
    if (h.length < sig.length) return false;
    for (int i = 0; i < sig.length; i++) if ((h[i] & 0xff) != sig[i]) return false;
    return true;
  }
}
