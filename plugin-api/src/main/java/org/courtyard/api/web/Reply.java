package org.courtyard.api.web;

import java.nio.file.Path;
import java.util.Objects;

/** What a handler answers: a {@link Page}, a redirect, or a file. */
public sealed interface Reply permits Page, Reply.Redirect, Reply.FileReply, Reply.Text, Reply.Json {

  /** Redirect after a POST (303). A relative path is taken under the tool: {@code "notes"} → {@code /s/3b/hello/notes}. */
  static Redirect redirect(String to) { return new Redirect(to, null); }

  /**
   * A file from disk, streamed (never read whole), with HTTP range support. The content type is
   * checked by the core: anything not on its safe list is sent as a download.
   */
  static FileReply file(Path path, String contentType, String downloadName) {
    return new FileReply(path, contentType, downloadName);
  }

  /** Plain text, for feeds and small API answers. */
  static Text text(String body, String contentType) { return new Text(body, contentType); }

  /**
   * A JSON answer for a page's own script: maps, lists, strings, numbers, booleans and nulls (records
   * are not converted). Sent with {@code application/json} and {@code Cache-Control: no-store}.
   *
   * @since 2.0.0
   */
  static Json json(Object value) { return new Json(value, 200); }

  record Json(Object value, int status) implements Reply {
    /** e.g. 422 for a refused value. */
    public Json status(int status) { return new Json(value, status); }
  }

  record Redirect(String location, String flash) implements Reply {
    public Redirect { Objects.requireNonNull(location); }

    /** A message shown once on the next page ("Saved."). */
    public Redirect flash(String message) { return new Redirect(location, message); }
  }

  record FileReply(Path path, String contentType, String downloadName) implements Reply {}

  record Text(String body, String contentType) implements Reply {}
}
