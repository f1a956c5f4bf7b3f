package org.courtyard.core.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;
import org.courtyard.core.config.Config;

/**
 * The uploads service tools share: size against the installation's limit (or a tighter one), kind by
 * the first bytes of the content, then into the file store. Every tool refuses the same things with the
 * same words, and serving goes through the core's safe-type check.
 */
@Singleton
public final class CoreUploads implements Uploads {
  private static final int NAME_LIMIT = 200;
  private final FileStore files;
  private final long maxBytes;

  @Inject
  public CoreUploads(FileStore files, Config config) {
    this.files = files;
    this.maxBytes = config.getLong(Config.HTTP_MAX_UPLOAD_BYTES, 50L * 1024 * 1024);
  }

  @Override public Stored accept(Upload upload, String field, Kind... allowed) { return accept(upload, field, maxBytes, allowed); }

  @Override
  public Stored accept(Upload upload, String field, long limit, Kind... allowed) {
    String type = check(upload, field, limit, allowed);
    return store(upload, type);
  }

  @Override
  public List<Stored> acceptAll(List<Upload> uploads, String field, Kind... allowed) { return acceptAll(uploads, field, maxBytes, allowed); }

  @Override
  public List<Stored> acceptAll(List<Upload> uploads, String field, long limit, Kind... allowed) {
    List<String> types = new ArrayList<>();
    for (Upload u : uploads) types.add(check(u, field, Math.min(limit, maxBytes), allowed));
    List<Stored> out = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) out.add(store(uploads.get(i), types.get(i)));
    return out;
  }

  @Override
  public Optional<Kind> kindOf(Upload upload) {
    String video = ContentTypes.sniffVideo(upload.file());
    if (video != null) return Optional.of(Kind.VIDEO);
    return Optional.ofNullable(kind(ContentTypes.sniff(upload.file())));
  }

  @Override
  public Reply serve(String key, String contentType, String downloadName) {
    return Reply.file(files.path(key).orElseThrow(() -> org.courtyard.api.web.HttpProblem.notFound("That file is no longer here.")),
        contentType, downloadName);
  }

  /** The real content type, or an {@link InputProblem} saying what is wrong; stores nothing. */
  private String check(Upload u, String field, long limit, Kind... allowed) {
    Set<Kind> kinds = allowed.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(List.of(allowed));
    if (u.size() > limit) {
      throw InputProblem.of(field, u.fileName() + " is " + megabytes(u.size()) + "; the largest file allowed here is " + megabytes(limit) + ". Nothing was saved.");
    }
    if (u.size() == 0) throw InputProblem.of(field, u.fileName() + " is empty. Nothing was saved.");
    String type = null;
    if (kinds.contains(Kind.VIDEO)) type = ContentTypes.sniffVideo(u.file());
    if (type == null) {
      String sniffed = ContentTypes.sniff(u.file());
      if (kinds.contains(kind(sniffed))) type = sniffed;
    }
    if (type == null) throw InputProblem.of(field, u.fileName() + " is not " + describe(kinds) + ". Nothing was saved.");
    return type;
  }

  private Stored store(Upload u, String type) {
    String name = u.fileName() == null || u.fileName().isBlank() ? "file" : u.fileName();
    if (name.length() > NAME_LIMIT) name = name.substring(0, NAME_LIMIT);
    try {
      return new Stored(files.putFile(u.file()), name, type, u.size());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store an upload", e);
    }
  }

  private static Kind kind(String type) {
    if (type == null) return null;
    if (ContentTypes.isImage(type)) return Kind.IMAGE;
    if (ContentTypes.isAudio(type)) return Kind.AUDIO;
    if (ContentTypes.isVideo(type)) return Kind.VIDEO;
    return Kind.DOCUMENT;
  }

  /** "a picture or a sound", "a picture, a sound or a document (PDF, Word…)". */
  static String describe(Set<Kind> kinds) {
    List<String> words = new ArrayList<>();
    if (kinds.contains(Kind.IMAGE)) words.add("a picture (JPEG, PNG, GIF or WebP)");
    if (kinds.contains(Kind.AUDIO)) words.add("a sound (MP3, Ogg, WAV or M4A)");
    if (kinds.contains(Kind.VIDEO)) words.add("a video (MP4, MOV or WebM)");
    if (kinds.contains(Kind.DOCUMENT)) words.add("a document (PDF, Word, Excel, PowerPoint)");
    if (words.size() == 1) return words.get(0);
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb >= 10 ? Math.round(mb) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", mb);
  }
}
