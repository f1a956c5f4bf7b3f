package org.courtyard.api.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where uploaded files live. Files are streamed in and out, never held whole in memory, and are
 * addressed by an opaque key the store chooses.
 */
public interface FileStore {
  /** Moves or copies the content in; returns the key to store. */
  String put(InputStream content) throws IOException;

  /** Moves an uploaded temporary file in (cheaper than {@link #put} when possible). */
  String putFile(Path file) throws IOException;

  /** The file on disk for a key, for streaming with {@link org.courtyard.api.web.Reply#file}. */
  Optional<Path> path(String key);

  void delete(String key) throws IOException;
}
