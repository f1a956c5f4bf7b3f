package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.ToolRequest;

/** The gallery's rules, shared by its pages: who sees and may upload what, form checks, and adding a video. */
final class Gallery {
  static final int MAX_CAPTIONS_BYTES = 100 * 1024;
  /** Sent to each teacher in their own language. */
  static final Message TO_APPROVE = Message.of("signs.notify.toApprove");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_ADD = Message.of("signs.activity.added");
  static final Message DID_ADD_PENDING = Message.of("signs.activity.addedPending");
  static final Message ONLY_UPLOADERS = Message.of("signs.problem.onlyUploaders");
  static final Message TAG_TOO_LONG = Message.of("signs.problem.tagTooLong");
  static final Message TOO_MANY_TAGS = Message.of("signs.problem.tooManyTags");
  static final Message NEED_WORD = Message.of("signs.problem.needWord");
  static final Message WORD_TOO_LONG = Message.of("signs.problem.wordTooLong");
  static final Message GLOSS_TOO_LONG = Message.of("signs.problem.glossTooLong");
  static final Message NOTES_TOO_LONG = Message.of("signs.problem.notesTooLong");
  static final Message CATEGORY_TOO_LONG = Message.of("signs.problem.categoryTooLong");
  static final Message SIGNER_TOO_LONG = Message.of("signs.problem.signerTooLong");
  static final Message TOO_BIG = Message.of("signs.problem.videoTooBig");
  static final Message CAPTIONS_NOT_UTF8 = Message.of("signs.problem.captionsNotUtf8");
  static final Message CAPTIONS_NOT_VTT = Message.of("signs.problem.captionsNotVtt");
  static final Message CAPTIONS_NOT_TEXT = Message.of("signs.problem.captionsNotText");
  private final SignStore store;
  private final ToolServices core;
  private final Posters posters;

  @Inject
  Gallery(SignStore store, ToolServices core, Posters posters) {
    this.store = store;
    this.core = core;
    this.posters = posters;
  }

  /** Teachers (who approve or manage) always may; anyone else holding "upload" must be on the gallery's list. */
  boolean mayUpload(ToolRequest req) {
    if (req.can(SignsTool.APPROVE) || req.can(SignsTool.MANAGE)) return true;
    return req.can(SignsTool.UPLOAD) && store.isUploader(req.space().id(), req.user().id());
  }

  void requireUpload(ToolRequest req) {
    if (!mayUpload(req)) throw HttpProblem.forbidden(req.text(ONLY_UPLOADERS));
  }

  /** Approved signs for everyone; a pending one only for its uploader and for teachers who approve. Others get 404, as if it did not exist. */
  boolean visible(ToolRequest req, SignStore.Sign s) {
    return s.approved() || s.uploadedBy() == req.user().id() && req.signedIn() || req.can(SignsTool.APPROVE);
  }

  SignStore.Sign visibleSign(ToolRequest req) {
    SignStore.Sign s = store.sign(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(SignsRoutes.NO_SIGN)));
    if (!visible(req, s)) throw HttpProblem.notFound(req.text(SignsRoutes.NO_SIGN));
    return s;
  }

  /** Who may change a sign's words and captions, or take it away: managers, or its uploader while it waits. */
  boolean mayEdit(ToolRequest req, SignStore.Sign s) {
    return req.can(SignsTool.MANAGE) || s.pending() && s.uploadedBy() == req.user().id();
  }

  List<String> categoryChoices(ToolRequest req) {
    TreeSet<String> all = new TreeSet<>();
    for (String c : req.setting(SignsTool.CATEGORIES).split(",")) if (!c.isBlank()) all.add(normaliseCategory(c));
    all.addAll(store.categories(req.space().id()).keySet());
    return new ArrayList<>(all);
  }

  static String normaliseCategory(String c) {
    String v = c.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return v.isEmpty() ? "other" : v;
  }

  static List<String> parseTags(ToolRequest req, String raw) {
    Set<String> tags = new LinkedHashSet<>();
    for (String t : raw.split(",")) {
      String v = t.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (v.isEmpty()) continue;
      if (v.length() > 30) throw InputProblem.of("tags", req.text(TAG_TOO_LONG));
      tags.add(v);
    }
    if (tags.size() > 10) throw InputProblem.of("tags", req.text(TOO_MANY_TAGS));
    return List.copyOf(tags);
  }

  /** The words typed on an upload or edit form, checked: every problem found at once, with the field it is about. */
  SignStore.Details details(ToolRequest req) {
    InputProblem.Collector problems = new InputProblem.Collector();
    String word = req.form("word").replaceAll("\\s+", " ");
    if (word.isEmpty()) problems.add("word", req.text(NEED_WORD));
    if (word.length() > 100) problems.add("word", req.text(WORD_TOO_LONG));
    String gloss = req.form("gloss");
    if (gloss.length() > 100) problems.add("gloss", req.text(GLOSS_TOO_LONG));
    String notes = req.form("notes");
    if (notes.length() > 2000) problems.add("notes", req.text(NOTES_TOO_LONG));
    String category = normaliseCategory(req.form("category"));
    if (category.length() > 40) problems.add("category", req.text(CATEGORY_TOO_LONG));
    String signer = req.form("signer");
    if (signer.length() > 100) problems.add("signer", req.text(SIGNER_TOO_LONG));
    if (signer.isEmpty()) signer = req.user().displayName();
    // The edit form shows an erased signer as "a former member" in the reader's language; kept unchanged, it stays the marker.
    if (signer.equals(req.text(SignsData.FORMER_MEMBER))) signer = SignsData.FORMER;
    List<String> tags = List.of();
    try {
      tags = parseTags(req, req.form("tags"));
    } catch (InputProblem p) {
      p.fields().forEach(problems::add);
    }
    problems.throwIfAny(null);
    // The language the word and notes are written in, if not the page's (a malformed one is dropped).
    String lang = org.courtyard.api.i18n.ContentLanguage.of(req.form("lang")).orElse(null);
    return new SignStore.Details(word, gloss, notes, category, tags, signer, lang);
  }

  /** The school's largest video, in bytes. */
  static long maxBytes(ToolRequest req) { return Math.max(1, req.setting(SignsTool.MAX_VIDEO_MB)) * 1024 * 1024; }

  /**
   * The chunked uploader says how big the video is before sending it, so a video over the school's limit
   * is refused before a byte travels (the video itself is checked again by the uploads service).
   */
  static String tooBig(ToolRequest req, long size) {
    return req.text(TOO_BIG, "size", megabytes(size), "max", megabytes(maxBytes(req)));
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : String.format(Locale.ROOT, "%.0f", mb)) + " MB";
  }

  /**
   * Adds a sign whose video is already in the file store and checked: approved at once for
   * teachers, waiting for approval (and its teachers told) for anyone else. Makes a poster if it can.
   */
  long publish(ToolRequest req, SignStore.Details d, String videoKey, String videoType, long size) {
    boolean teacher = req.can(SignsTool.APPROVE);
    String poster = core.files().path(videoKey).flatMap(posters::make).orElse(null);
    long id = store.add(req.space().id(), d, videoKey, videoType, size, poster, teacher ? SignStore.APPROVED : SignStore.PENDING,
        req.user().id(), req.user().displayName());
    if (!teacher) {
      // Those who may approve it in this space, whatever their role is called.
      String approve = "signs." + SignsTool.APPROVE.name();
      for (Directory.Member m : core.directory().members(req.space().id())) {
        if (m.user().id() != req.user().id() && core.permissions().can(m.user().id(), approve, req.space().id())) {
          core.notifications().notify(SignsTool.KIND_TO_APPROVE, m.user().id(), TO_APPROVE, req.toolUrl() + "/v/" + id,
              "name", req.user().displayName(), "word", d.word());
        }
      }
    }
    core.activity().record(req.user(), req.space(), "upload", teacher ? DID_ADD : DID_ADD_PENDING, "word", d.word());
    return id;
  }

  void deleteFiles(List<String> keys) {
    for (String k : keys) {
      try {
        core.files().delete(k);
      } catch (IOException e) {
        // the row is gone; an orphaned file costs only disk space
      }
    }
  }

  /**
   * Checks WebVTT captions: UTF-8, at most 100 KB, starting with the WEBVTT line. Returns the text to
   * keep (byte-order mark dropped, line ends made \n).
   */
  static String checkCaptions(ToolRequest req, byte[] bytes) {
    if (bytes.length > MAX_CAPTIONS_BYTES) throw InputProblem.of("vtt", req.text(SignsRoutes.CAPTIONS_TOO_BIG));
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw InputProblem.of("vtt", req.text(CAPTIONS_NOT_UTF8));
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (!text.startsWith("WEBVTT") || text.length() > 6 && " \t\n".indexOf(text.charAt(6)) < 0) {
      throw InputProblem.of("vtt", req.text(CAPTIONS_NOT_VTT));
    }
    if (text.indexOf('\0') >= 0) throw InputProblem.of("vtt", req.text(CAPTIONS_NOT_TEXT));
    return text.endsWith("\n") ? text : text + "\n";
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
}
