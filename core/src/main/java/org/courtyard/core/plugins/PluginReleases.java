package org.courtyard.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.courtyard.core.db.Db;

/**
 * The installation's record of which version of each plugin should run, with its jar, in the shared
 * database: every node converges on it ({@link ReleaseSync}), and the catalogue says from it who
 * published a plugin or that it is unsigned.
 */
public final class PluginReleases {
  /** One plugin's record; {@code publisher} is null for an unsigned jar the admin allowed. */
  public record Release(String pluginId, String version, String sha256, String publisher, String source, boolean removed) {
    public boolean unsigned() { return publisher == null; }
  }

  private final Db db;
  private final Clock clock;

  public PluginReleases(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public List<Release> all() {
    return db.query("SELECT plugin_id, version, sha256, publisher, source, removed FROM plugin_releases ORDER BY plugin_id",
        rs -> new Release(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
  }

  public Optional<Release> of(String pluginId) {
    return all().stream().filter(r -> r.pluginId().equals(pluginId)).findFirst();
  }

  /** Records that {@code pkg} is the version to run, keeping its jar for the other nodes. */
  public void installed(PluginPackage pkg, String publisher, String source) {
    byte[] jar;
    try {
      jar = Files.readAllBytes(pkg.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    db.transaction(() -> {
      db.update("DELETE FROM plugin_releases WHERE plugin_id = ?", pkg.id());
      db.update("INSERT INTO plugin_releases (plugin_id, version, sha256, publisher, source, jar, removed, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          pkg.id(), pkg.version(), pkg.sha256(), publisher, cut(source, 500), jar, false, clock.instant());
      return null;
    });
  }

  /** Records that the plugin was removed, so the other nodes remove it too. */
  public void removed(String pluginId) {
    db.transaction(() -> {
      db.update("DELETE FROM plugin_releases WHERE plugin_id = ?", pluginId);
      db.update("INSERT INTO plugin_releases (plugin_id, version, sha256, publisher, source, jar, removed, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          pluginId, "-", "-", null, "removed", null, true, clock.instant());
      db.update("DELETE FROM plugin_tools WHERE plugin_id = ?", pluginId);
      return null;
    });
  }

  /** Writes a release's jar to {@code target} (for a node that does not have it yet). */
  public void writeJar(String pluginId, Path target) {
    byte[] jar = db.queryOne("SELECT jar FROM plugin_releases WHERE plugin_id = ? AND removed = FALSE", rs -> rs.getBytes(1), pluginId)
        .orElseThrow(() -> new IllegalStateException("No jar is recorded for " + pluginId));
    try {
      Path tmp = Files.createTempFile(target.getParent(), ".incoming", ".part");
      Files.write(tmp, jar);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Remembers which tools a running plugin brought, so its data can be found when it is not running. */
  public void rememberTools(String pluginId, List<String> toolIds) {
    db.transaction(() -> {
      for (String t : toolIds) {
        if (db.count("SELECT COUNT(*) FROM plugin_tools WHERE plugin_id = ? AND tool_id = ?", pluginId, t) == 0) {
          db.update("INSERT INTO plugin_tools (plugin_id, tool_id) VALUES (?, ?)", pluginId, t);
        }
      }
      return null;
    });
  }

  public List<String> toolsOf(String pluginId) {
    return db.query("SELECT tool_id FROM plugin_tools WHERE plugin_id = ? ORDER BY tool_id", rs -> rs.getString(1), pluginId);
  }

  private static String cut(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }
}
