package org.courtyard.api.service;

import java.util.Optional;
import java.util.Set;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Upload;

/**
 * The one place a tool takes in and gives out files a person uploaded: it checks the size against the
 * tool's and the school's limits, reads the real kind from the content (never the name or what the
 * browser claimed), stores the file and later serves it with the type it was found to be.
 * <pre>
 * Uploads.Stored s = uploads.accept(upload, "picture", Uploads.Kind.IMAGE, Uploads.Kind.AUDIO);
 * store.attach(postId, s.key(), s.fileName(), s.contentType(), s.size());
 * ...
 * return uploads.serve(a.key(), a.contentType(), a.name());
 * </pre>
 *
 * @since 2.0.0
 */
public interface Uploads {
  /** What a file may be, by its content. */
  enum Kind {
    /** JPEG, PNG, GIF, WebP. */
    IMAGE,
    /** MP3, Ogg, WAV, M4A, WebM sound. */
    AUDIO,
    /** MP4, QuickTime, WebM video. */
    VIDEO,
    /** PDF and Office documents (always sent as downloads). */
    DOCUMENT
  }

  /** A stored upload: its key in the {@link FileStore}, its name (shortened to 200 characters), its real type and size. */
  record Stored(String key, String fileName, String contentType, long size) {}

  /**
   * Checks and stores one upload. Refuses (with an {@link InputProblem} on {@code field}, saying what
   * the file is not and what is allowed) a file of another kind or over the size limit; nothing is
   * stored then.
   */
  Stored accept(Upload upload, String field, Kind... allowed);

  /** As {@link #accept(Upload, String, Kind...)} with a tighter size limit for this use (bytes). */
  Stored accept(Upload upload, String field, long maxBytes, Kind... allowed);

  /** The real kind of an upload, without storing it (e.g. to choose where it goes); empty if none of ours. */
  Optional<Kind> kindOf(Upload upload);

  /**
   * Checks every upload of a form before any is stored, so that a bad third file does not leave the
   * first two stored; then stores them all.
   */
  java.util.List<Stored> acceptAll(java.util.List<Upload> uploads, String field, Kind... allowed);

  /** As {@link #acceptAll(java.util.List, String, Kind...)} with a tighter size limit for each file (bytes). */
  java.util.List<Stored> acceptAll(java.util.List<Upload> uploads, String field, long maxBytes, Kind... allowed);

  /** A reply streaming a stored file; types not known to be safe to show are sent as downloads. */
  Reply serve(String key, String contentType, String downloadName);

  /** The kinds as a set, for messages. */
  static Set<Kind> kinds(Kind... kinds) { return kinds.length == 0 ? Set.of(Kind.values()) : Set.of(kinds); }
}
