package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.Role;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.ToolRequest;

/** The gallery's rules, shared by its pages: who sees and may upload what, form checks, and adding a video. */
final class Gallery {
  static final int MAX_CAPTIONS_BYTES = 100 * 1024;
  private final SignStore store;
  private final FileStore files;
  private final Directory directory;
  private final Notifications notifications;
  private final ActivityLog activity;
  private final Posters posters;

  @Inject
  Gallery(SignStore store, FileStore files, Directory directory, Notifications notifications, ActivityLog activity, Posters posters) {
    this.store = store;
    this.files = files;
    this.directory = directory;
    this.notifications = notifications;
    this.activity = activity;
    this.posters = posters;
  }

  /** A form a user filled in wrongly: shown back to them with this message, and nothing is saved. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) { super(message); }
  }

  /** Teachers (who approve or manage) always may; anyone else holding "upload" must be on the gallery's list. */
  boolean mayUpload(ToolRequest req) {
    if (req.can("approve") || req.can("manage")) return true;
    return req.can("upload") && store.isUploader(req.space().id(), req.user().id());
  }

  void requireUpload(ToolRequest req) {
    if (!mayUpload(req)) throw HttpProblem.forbidden("Only teachers, and learners your teacher has named, can add signs to this gallery.");
  }

  /** Approved signs for everyone; a pending one only for its uploader and for teachers who approve. Others get 404, as if it did not exist. */
  boolean visible(ToolRequest req, SignStore.Sign s) {
    return s.approved() || s.uploadedBy() == req.user().id() && req.signedIn() || req.can("approve");
  }

  SignStore.Sign visibleSign(ToolRequest req) {
    SignStore.Sign s = store.sign(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such sign here."));
    if (!visible(req, s)) throw HttpProblem.notFound("There is no such sign here.");
    return s;
  }

  /** Who may change a sign's words and captions, or take it away: managers, or its uploader while it waits. */
  boolean mayEdit(ToolRequest req, SignStore.Sign s) {
    return req.can("manage") || s.pending() && s.uploadedBy() == req.user().id();
  }

  List<String> categoryChoices(ToolRequest req) {
    TreeSet<String> all = new TreeSet<>();
    for (String c : req.setting("categories").split(",")) if (!c.isBlank()) all.add(normaliseCategory(c));
    all.addAll(store.categories(req.space().id()).keySet());
    return new ArrayList<>(all);
  }

  static String normaliseCategory(String c) {
    String v = c.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return v.isEmpty() ? "other" : v;
  }

  static List<String> parseTags(String raw) throws Invalid {
    Set<String> tags = new LinkedHashSet<>();
    for (String t : raw.split(",")) {
      String v = t.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (v.isEmpty()) continue;
      if (v.length() > 30) throw new Invalid("Each tag can be at most 30 letters long.");
      tags.add(v);
    }
    if (tags.size() > 10) throw new Invalid("Use at most 10 tags.");
    return List.copyOf(tags);
  }

  /** The words typed on an upload or edit form, checked. */
  SignStore.Details details(ToolRequest req) throws Invalid {
    String word = req.form("word").replaceAll("\\s+", " ");
    if (word.isEmpty()) throw new Invalid("Type the English word or phrase the video signs.");
    if (word.length() > 100) throw new Invalid("The word or phrase can be at most 100 characters.");
    String gloss = req.form("gloss");
    if (gloss.length() > 100) throw new Invalid("The gloss can be at most 100 characters.");
    String notes = req.form("notes");
    if (notes.length() > 2000) throw new Invalid("Notes can be at most 2,000 characters.");
    String category = normaliseCategory(req.form("category"));
    if (category.length() > 40) throw new Invalid("A category can be at most 40 characters.");
    String signer = req.form("signer");
    if (signer.length() > 100) throw new Invalid("The signer's name can be at most 100 characters.");
    if (signer.isEmpty()) signer = req.user().displayName();
    return new SignStore.Details(word, gloss, notes, category, parseTags(req.form("tags")), signer);
  }

  /** The limit in bytes from the school's setting. */
  static long maxBytes(ToolRequest req) {
    long mb;
    try {
      mb = Long.parseLong(req.setting("max-video-mb").trim());
    } catch (NumberFormatException e) {
      mb = 50;
    }
    return Math.max(1, mb) * 1024 * 1024;
  }

  static String tooBig(ToolRequest req, long size) {
    return "This video is " + megabytes(size) + "; this school allows sign videos up to " + megabytes(maxBytes(req))
        + ". Nothing was uploaded. Try a shorter clip, or record at a lower quality.";
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : String.format(Locale.ROOT, "%.0f", mb)) + " MB";
  }

  static String notAVideo(String fileName) {
    return (fileName == null || fileName.isBlank() ? "That file" : "“" + fileName + "”")
        + " is not a video this gallery can play (MP4, WebM or MOV), whatever its name says. Nothing was saved.";
  }

  /**
   * Adds a sign whose video is already in the file store and checked: approved at once for
   * teachers, waiting for approval (and its teachers told) for anyone else. Makes a poster if it can.
   */
  long publish(ToolRequest req, SignStore.Details d, String videoKey, String videoType, long size) {
    boolean teacher = req.can("approve");
    String poster = files.path(videoKey).flatMap(posters::make).orElse(null);
    long id = store.add(req.space().id(), d, videoKey, videoType, size, poster, teacher ? SignStore.APPROVED : SignStore.PENDING,
        req.user().id(), req.user().displayName());
    if (!teacher) {
      for (Directory.Member m : directory.members(req.space().id())) {
        if (m.role().atLeast(Role.TEACHER) && m.user().id() != req.user().id()) {
          notifications.notify(m.user().id(), req.user().displayName() + " added the sign “" + d.word() + "” for you to approve", req.toolUrl() + "/v/" + id);
        }
      }
    }
    activity.record(req.user(), req.space(), "upload", "added the sign “" + d.word() + "”" + (teacher ? "" : " (waiting for approval)"));
    return id;
  }

  void deleteFiles(List<String> keys) {
    for (String k : keys) {
      try {
        files.delete(k);
      } catch (IOException e) {
        // the row is gone; an orphaned file costs only disk space
      }
    }
  }

  /**
   * Checks WebVTT captions: UTF-8, at most 100 KB, starting with the WEBVTT line. Returns the text to
   * keep (byte-order mark dropped, line ends made \n).
   */
  static String checkCaptions(byte[] bytes) throws Invalid {
    if (bytes.length > MAX_CAPTIONS_BYTES) throw new Invalid("Captions can be at most 100 KB.");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("Captions must be a UTF-8 text file.");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (!text.startsWith("WEBVTT") || text.length() > 6 && " \t\n".indexOf(text.charAt(6)) < 0) {
      throw new Invalid("Captions must be WebVTT: the first line is WEBVTT, then cues such as “00:00.000 --> 00:02.000” and their text.");
    }
    if (text.indexOf('\0') >= 0) throw new Invalid("Captions must be plain text.");
    return text.endsWith("\n") ? text : text + "\n";
  }

  static byte[] read(Path file, long max) throws IOException, Invalid {
    if (Files.size(file) > max) throw new Invalid("Captions can be at most 100 KB.");
    return Files.readAllBytes(file);
  }

  /** Safe type to send a video as: the core plays MP4 and WebM inline; a MOV is an MP4-family file browsers play as video/mp4. */
  static String playableType(String sniffed) {
    return "video/webm".equals(sniffed) ? "video/webm" : "video/mp4";
  }

  static String extension(String type) {
    return switch (type) {
      case "video/webm" -> "webm";
      case "video/quicktime" -> "mov";
      default -> "mp4";
    };
  }

  /** Tiny JSON for the uploader script: flat objects of strings, numbers and booleans. */
  static String json(Map<String, ?> values) {
    StringBuilder b = new StringBuilder("{");
    for (var e : values.entrySet()) {
      if (b.length() > 1) b.append(',');
      b.append(quote(e.getKey())).append(':');
      Object v = e.getValue();
      if (v instanceof Number || v instanceof Boolean) b.append(v);
      else b.append(v == null ? "null" : quote(String.valueOf(v)));
    }
    return b.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c == '<' || c == '>' || c == '&') b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
