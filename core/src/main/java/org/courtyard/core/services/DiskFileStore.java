package org.courtyard.core.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.courtyard.api.service.FileStore;

/** Files on disk under {@code data/files}, two levels of fan-out, keys chosen at random. */
public final class DiskFileStore implements FileStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path root;

  public DiskFileStore(Path root) { this.root = root; }

  @Override
  public String put(InputStream content) throws IOException {
    String key = newKey();
    Path target = locate(key);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "up", ".part");
    try {
      Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return key;
  }

  @Override
  public String putFile(Path file) throws IOException {
    String key = newKey();
    Path target = locate(key);
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      try (InputStream in = Files.newInputStream(file)) {
        return put(in);
      }
    }
    return key;
  }

  @Override
  public Optional<Path> path(String key) {
    if (key == null || !key.matches("[0-9a-f]{32}")) return Optional.empty();
    Path p = locate(key);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public void delete(String key) throws IOException {
    Optional<Path> p = path(key);
    if (p.isPresent()) Files.deleteIfExists(p.get());
  }

  private Path locate(String key) { return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key); }

  private static String newKey() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
