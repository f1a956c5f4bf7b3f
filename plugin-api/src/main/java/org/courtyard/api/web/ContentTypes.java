package org.courtyard.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real type of an uploaded file, read from its first bytes — never its name or what the browser
 * claimed. Knows pictures, sounds and documents; anything else is null, so a tool can refuse it.
 * Videos are read by {@link #sniffVideo}: an MP4 container is also how sound is kept, so
 * {@link #sniff} keeps calling it {@code audio/mp4} for the tools that take sound.
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

  /**
   * The video type of a file from its first bytes: {@code video/mp4} (an MP4 container that is not an
   * M4A/M4B sound file), {@code video/quicktime} (MOV) or {@code video/webm}; null for anything else,
   * including a file renamed to look like a video.
   */
  public static String sniffVideo(Path file) {
    byte[] h;
    try (InputStream in = Files.newInputStream(file)) {
      h = in.readNBytes(64);
    } catch (IOException e) {
      return null;
    }
    if (h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p') {
      String brand = new String(h, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (brand.equals("qt  ")) return "video/quicktime";
      if (brand.startsWith("M4A") || brand.startsWith("M4B") || brand.startsWith("M4P")) return null;
      return "video/mp4";
    }
    // QuickTime files from older cameras start with a 'wide' or 'moov' atom instead of 'ftyp'.
    if (h.length >= 8 && ((h[4] == 'w' && h[5] == 'i' && h[6] == 'd' && h[7] == 'e') || (h[4] == 'm' && h[5] == 'o' && h[6] == 'o' && h[7] == 'v'))) {
      return "video/quicktime";
    }
    // Matroska's EBML header; WebM names itself in the DocType element near the start.
    if (starts(h, 0x1a, 0x45, 0xdf, 0xa3) && indexOf(h, "webm") > 0) return "video/webm";
    return null;
  }

  public static boolean isVideo(String type) { return type != null && type.startsWith("video/"); }

  public static boolean isImage(String type) { return type != null && type.startsWith("image/"); }

  public static boolean isAudio(String type) { return type != null && type.startsWith("audio/"); }

  private static boolean riff(byte[] h, String kind) {
    return starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == kind.charAt(0) && h[9] == kind.charAt(1) && h[10] == kind.charAt(2) && h[11] == kind.charAt(3);
  }

  private static int indexOf(byte[] h, String ascii) {
    outer:
    for (int i = 0; i + ascii.length() <= h.length; i++) {
      for (int j = 0; j < ascii.length(); j++) if (h[i + j] != ascii.charAt(j)) continue outer;
      return i;
    }
    return -1;
  }

  private static boolean starts(byte[] h, int... sig) {
    if (h.length < sig.length) return false;
    for (int i = 0; i < sig.length; i++) if ((h[i] & 0xff) != sig[i]) return false;
    return true;
  }
}
