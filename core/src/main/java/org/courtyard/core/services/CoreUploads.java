package org.courtyard.core.services;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
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
import org.courtyard.core.i18n.ReaderWords;
import org.courtyard.core.i18n.Words;

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
    return Reply.file(files.path(key).orElseThrow(() -> org.courtyard.api.web.HttpProblem.notFound(ReaderWords.current().t(Words.of("error.fileGone")))),
        contentType, downloadName);
  }

  /** The real content type, or an {@link InputProblem} saying what is wrong; stores nothing. */
  private String check(Upload u, String field, long limit, Kind... allowed) {
    Set<Kind> kinds = allowed.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(List.of(allowed));
    // In the language of whoever sent the file: the core names the request's reader for its length.
    ReaderWords.Reader reader = ReaderWords.current();
    if (u.size() > limit) {
      throw InputProblem.of(field, reader.t(Words.of("input.upload.tooBig", "file", u.fileName(), "size", megabytes(u.size()), "limit", megabytes(limit))));
    }
    if (u.size() == 0) throw InputProblem.of(field, reader.t(Words.of("input.upload.empty", "file", u.fileName())));
    String type = null;
    if (kinds.contains(Kind.VIDEO)) type = ContentTypes.sniffVideo(u.file());
    if (type == null) {
      String sniffed = ContentTypes.sniff(u.file());
      if (kinds.contains(kind(sniffed))) type = sniffed;
    }
    if (type == null) throw InputProblem.of(field, reader.t(Words.of("input.upload.notKind", "file", u.fileName(), "kinds", describe(kinds, reader))));
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

  /**
   * "a picture or a sound", "a picture, a sound or a document (PDF, Word…)": each kind in the reader's
   * words, joined as their language joins a list of choices (ICU's "or" list: "neu" in Welsh, "أو" in Arabic).
   */
  static String describe(Set<Kind> kinds, ReaderWords.Reader reader) {
    List<String> words = new ArrayList<>();
    for (Kind k : List.of(Kind.IMAGE, Kind.AUDIO, Kind.VIDEO, Kind.DOCUMENT)) {
      if (kinds.contains(k)) words.add(reader.t(Words.of("input.upload.kind." + k.name())));
    }
    return ListFormatter.getInstance(ULocale.forLocale(reader.locale()), ListFormatter.Type.OR, ListFormatter.Width.WIDE).format(words);
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb >= 10 ? Math.round(mb) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", mb);
  }
}
