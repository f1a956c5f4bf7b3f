package org.courtyard.core.plugins.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginRefused;

/**
 * The plugins the configured repositories offer ({@code plugins.repositories}), and installing one of
 * their releases: the file is fetched, its SHA-256 compared with the index's, and the installer checks it
 * like any other jar — except that a catalogue release must be signed by a trusted publisher (there is
 * no "unsigned" tick box here).
 */
public final class Catalogue {
  static final long MAX_JAR_BYTES = 100L * 1024 * 1024;
  static final long MAX_SCREENSHOT_BYTES = 5L * 1024 * 1024;
  private final List<RepositoryIndex> repositories;
  private final PluginInstaller installer;
  private final Path downloads;

  public Catalogue(List<String> locations, PluginInstaller installer, Path downloads) {
    List<RepositoryIndex> list = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) list.add(new RepositoryIndex(i, locations.get(i)));
    this.repositories = List.copyOf(list);
    this.installer = installer;
    this.downloads = downloads;
  }

  /** What every repository offers, and, for those that could not be read, why. */
  public record Listing(List<CatalogueEntry> entries, List<String> problems) {}

  public Listing list() {
    List<CatalogueEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (RepositoryIndex r : repositories) {
      try {
        entries.addAll(r.entries());
      } catch (IOException | RuntimeException e) {
        problems.add("The repository " + r.location() + " could not be read: " + e.getMessage());
      }
    }
    return new Listing(entries, problems);
  }

  public Optional<CatalogueEntry> entry(int repository, String id) {
    if (repository < 0 || repository >= repositories.size()) return Optional.empty();
    try {
      return repositories.get(repository).entries().stream().filter(e -> e.id().equals(id)).findFirst();
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.repositoryUnreadable", "location", repositories.get(repository).location(), "problem", String.valueOf(e.getMessage()));
    }
  }

  /** Fetches a release, checks its SHA-256 against the index, and installs (or upgrades to) it. */
  public PluginInstaller.Result install(int repository, String id, String version, PluginInstaller.Request who) {
    CatalogueEntry entry = entry(repository, id).orElseThrow(() -> new PluginRefused("plugin.refused.noSuchPlugin", "id", id));
    CatalogueEntry.Release release = entry.releases().stream().filter(r -> r.version().equals(version)).findFirst()
        .orElseThrow(() -> new PluginRefused("plugin.refused.noSuchVersion", "id", id, "version", version));
    if (release.sha256() == null || !release.sha256().matches("[0-9a-fA-F]{64}")) {
      throw new PluginRefused("plugin.refused.noDigest", "id", id, "version", version);
    }
    byte[] jar;
    try {
      jar = RepositoryIndex.fetch(release.url(), MAX_JAR_BYTES);
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.downloadFailed", "id", id, "version", version, "problem", String.valueOf(e.getMessage()));
    }
    String actual = sha256(jar);
    if (!actual.equalsIgnoreCase(release.sha256())) {
      throw new PluginRefused("plugin.refused.digestMismatch", "id", id, "version", version, "actual", actual,
          "expected", release.sha256().toLowerCase());
    }
    Path file = null;
    try {
      Files.createDirectories(downloads);
      file = Files.createTempFile(downloads, id + "-" + version + "-", ".jar");
      Files.write(file, jar);
      return installer.install(file, new PluginInstaller.Request(false, "the catalogue (" + repositories.get(repository).location() + ")",
          who.actor(), who.schoolId()));
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.notKept", "problem", String.valueOf(e.getMessage()));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file; the folder is emptied at the next download anyway
        }
      }
    }
  }

  /** The n-th screenshot of a catalogue entry, kept in a file (the page serves it from this site: the content policy allows no other). */
  public Optional<Path> screenshot(int repository, String id, int n) {
    Optional<CatalogueEntry> e = entry(repository, id).filter(x -> n >= 0 && n < x.screenshots().size());
    if (e.isEmpty()) return Optional.empty();
    String address = e.get().screenshots().get(n);
    try {
      Path cached = downloads.resolve("screenshots").resolve(sha256(address.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      if (!Files.isRegularFile(cached)) {
        Files.createDirectories(cached.getParent());
        Files.write(cached, RepositoryIndex.fetch(address, MAX_SCREENSHOT_BYTES));
      }
      return Optional.of(cached);
    } catch (IOException ex) {
      return Optional.empty();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
