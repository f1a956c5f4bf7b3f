package org.courtyard.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real type of an uploaded file, read from its first bytes — never its name or what the browser
 * claimed. Knows pictures, sounds and documents; anything else is null, so a tool can refuse it.
 */
public final class ContentTypes {
  /** Office documents are zips: Courtyard always sends them as downloads. */
  public static final String DOCUMENT = "application/octet-stream";

  private ContentTypes() {}

  public static String sniff(Path file) {
    byte[] h;
    try (InputStream in = Files.newInputStream(file)) {
      h = in.readNBytes(16);
    } catch (IOException e) {
      return null;
    }
    if (starts(h, 0x89, 'P', 'N', 'G')) return "image/png";
    if (starts(h, 0xff, 0xd8, 0xff)) return "image/jpeg";
    if (starts(h, 'G', 'I', 'F', '8')) return "image/gif";
    if (riff(h, "WEBP")) return "image/webp";
    if (riff(h, "WAVE")) return "audio/wav";
    if (starts(h, 'I', 'D', '3') || (h.length > 1 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0)) return "audio/mpeg";
    if (starts(h, 'O', 'g', 'g', 'S')) return "audio/ogg";
    if (h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p') return "audio/mp4";
    if (starts(h, '%', 'P', 'D', 'F')) return "application/pdf";
    if (starts(h, 'P', 'K', 3, 4)) return DOCUMENT;
    return null;
  }

  public static boolean isImage(String type) { return type != null && type.startsWith("image/"); }

  public static boolean isAudio(String type) { return type != null && type.startsWith("audio/"); }

  private static boolean riff(byte[] h, String kind) {
    return starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == kind.charAt(0) && h[9] == kind.charAt(1) && h[10] == kind.charAt(2) && h[11] == kind.charAt(3);
  }

  private static boolean starts(byte[] h, int... sig) {
    if (h.length < sig.length) return false;
    for (int i = 0; i < sig.length; i++) if ((h[i] & 0xff) != sig[i]) return false;
    return true;
  }
}
