package org.courtyard.core.plugins;

import org.courtyard.core.i18n.Words;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.courtyard.api.CourtyardApi;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.identity.User;

/**
 * Installs a plugin jar, or upgrades the installed plugin to it, whoever asks (the admin page's upload,
 * a jar copied into the plugins folder, {@code courtyard plugins install}, the catalogue): checks the
 * file ({@link PluginPackage}) and its publisher ({@link TrustedPublishers}), the API version and that
 * the version upgrades the installed one; copies it into the plugins folder under a versioned name;
 * swaps versions ({@link PluginSwap}, which puts the old one back if the new fails); records the
 * release for the other nodes ({@link PluginReleases}) and the audit log. A refusal changes nothing.
 */
public final class PluginInstaller {
  /** Who asks and how: an unsigned jar only with {@code allowUnsigned}; {@code schoolId} is the admin page's school (null from the command line). */
  public record Request(boolean allowUnsigned, String source, User actor, Long schoolId) {}

  /** What was installed; {@code previousVersion} is null for a new plugin. */
  public record Result(String pluginId, String version, String previousVersion, String publisher, long swapMillis) {
    public String message() {
      return pluginId + " " + version + (previousVersion == null ? " is installed" : " replaces " + previousVersion)
          + (publisher == null ? " (unsigned)." : ", signed by " + publisher + ".");
    }
  }

  private final PluginHost host;
  private final PluginSwap swap;
  private final PluginReleases releases;
  private final TrustedPublishers trust;
  private final PluginAudit audit;
  private final ToolRegistry registry;
  private final Cluster cluster;
  private final Path pluginsDir;
  /** The last refusal or undone upgrade per plugin, shown on the admin page (this node's). */
  private final Map<String, Words> problems = new ConcurrentHashMap<>();
  static final String TOPIC = "plugin-releases";

  public PluginInstaller(PluginHost host, PluginSwap swap, PluginReleases releases, TrustedPublishers trust, PluginAudit audit,
                         ToolRegistry registry, Cluster cluster, Path pluginsDir) {
    this.host = host;
    this.swap = swap;
    this.releases = releases;
    this.trust = trust;
    this.audit = audit;
    this.registry = registry;
    this.cluster = cluster;
    this.pluginsDir = pluginsDir;
  }

  /** The last problem installing or upgrading this plugin, if any (cleared by a success). */
  public Optional<Words> problem(String pluginId) { return Optional.ofNullable(problems.get(pluginId)); }

  /** Installs or upgrades from {@code file}; throws {@link PluginRefused} with the reason when nothing changed. */
  public Result install(Path file, Request r) {
    PluginPackage pkg;
    try {
      pkg = PluginPackage.read(file);
    } catch (PluginRefused e) {
      audit.record(r.schoolId(), AuditLog.Action.PLUGIN_REFUSED, r.actor(), file.getFileName() + " from " + r.source() + ": " + e.getMessage());
      throw e;
    }
    try {
      return installChecked(pkg, r);
    } catch (PluginRefused e) {
      problems.put(pkg.id(), e.words());
      audit.record(r.schoolId(), AuditLog.Action.PLUGIN_REFUSED, r.actor(), pkg.id() + " " + pkg.version() + " from " + r.source() + ": " + e.getMessage());
      throw e;
    }
  }

  private Result installChecked(PluginPackage pkg, Request r) {
    String publisher = publisher(pkg, r.allowUnsigned());
    if (!apiSatisfies(pkg.requires())) {
      throw new PluginRefused("plugin.refused.needsApi", "id", pkg.id(), "version", pkg.version(), "requires", pkg.requires(), "offered", CourtyardApi.VERSION);
    }
    synchronized (host) {
      Optional<PluginHost.Loaded> installed = host.loaded(pkg.id());
      installed.ifPresent(old -> checkUpgrade(pkg, old.version()));
      Path target = pluginsDir.resolve(pkg.fileName());
      copy(pkg.file(), target);
      PluginSwap.Outcome outcome;
      if (installed.isPresent()) {
        outcome = swap.replace(pkg.id(), target);
      } else {
        outcome = startNew(pkg, target);
      }
      if (!outcome.ok()) {
        deleteQuietly(target);
        throw new PluginRefused(installed.isPresent()
            ? Words.of("plugin.refused.putBack", "id", pkg.id(), "version", pkg.version(), "installed", installed.get().version(), "problem", outcome.failure())
            : Words.of("plugin.refused.didNotStart", "id", pkg.id(), "version", pkg.version(), "problem", outcome.failure()));
      }
      installed.filter(old -> !old.jar().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()))
          .ifPresent(old -> deleteQuietly(old.jar()));
      if (!pkg.file().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()) && pkg.file().startsWith(pluginsDir)) {
        deleteQuietly(pkg.file()); // a jar dropped into the folder under another name: the versioned copy replaces it
      }
      releases.installed(PluginPackage.read(target), publisher, r.source());
      releases.rememberTools(pkg.id(), registry.ofPlugin(pkg.id()).stream().map(ToolRegistry.ActiveTool::id).toList());
      problems.remove(pkg.id());
      String previous = installed.map(PluginHost.Loaded::version).orElse(null);
      audit.record(r.schoolId(), previous == null ? AuditLog.Action.PLUGIN_INSTALLED : AuditLog.Action.PLUGIN_UPGRADED, r.actor(),
          pkg.id() + " " + (previous == null ? "" : previous + " → ") + pkg.version() + " from " + r.source()
              + (publisher == null ? ", unsigned (allowed by the admin)" : ", signed by " + publisher));
      cluster.tellOthers(TOPIC, new JsonObject().put("plugin", pkg.id()));
      return new Result(pkg.id(), pkg.version(), previous, publisher, outcome.heldMillis());
    }
  }

  /** Every jar in the plugins folder that is not loaded: new plugins are installed, new versions upgrade. One line per file. */
  public List<String> installFromFolder(Request r) {
    List<Path> loaded = host.loaded().stream().map(l -> l.jar().toAbsolutePath().normalize()).toList();
    List<Path> candidates;
    try (Stream<Path> files = Files.list(pluginsDir)) {
      candidates = files.filter(f -> f.getFileName().toString().endsWith(".jar")).map(f -> f.toAbsolutePath().normalize())
          .filter(f -> !loaded.contains(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = new ArrayList<>();
    for (Path f : candidates) {
      try {
        lines.add(install(f, r).message());
      } catch (PluginRefused e) {
        lines.add(f.getFileName() + " was refused: " + e.getMessage());
      }
    }
    return lines;
  }

  /** Jars set aside at start as newer than their recorded release (a newer distribution's bundled plugins): installed now, through every check. */
  public List<String> installPending(Path pendingDir) {
    if (!Files.isDirectory(pendingDir)) return List.of();
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(pendingDir)) {
      for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".jar")).sorted().toList()) {
        try {
          lines.add(install(f, new Request(true, "the plugins folder, at start", null, null)).message());
        } catch (PluginRefused e) {
          lines.add(f.getFileName() + " was refused: " + e.getMessage());
        }
        deleteQuietly(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.forEach(l -> java.util.logging.Logger.getLogger(PluginInstaller.class.getName()).info(l));
    return lines;
  }

  private String publisher(PluginPackage pkg, boolean allowUnsigned) {
    if (!pkg.signed()) {
      if (allowUnsigned) return null;
      throw new PluginRefused("plugin.refused.unsigned", "id", pkg.id(), "version", pkg.version());
    }
    return trust.publisherOf(pkg.signer()).orElseThrow(() -> new PluginRefused("plugin.refused.untrusted", "id", pkg.id(), "version", pkg.version(),
        "publisher", TrustedPublishers.commonName(pkg.signer().get(0).getSubjectX500Principal()), "folder", String.valueOf(trust.folder())));
  }

  private boolean apiSatisfies(String requires) {
    try {
      return host.satisfies(CourtyardApi.VERSION, requires);
    } catch (RuntimeException e) {
      throw new PluginRefused("plugin.refused.badRange", "requires", requires);
    }
  }

  private void checkUpgrade(PluginPackage pkg, String installed) {
    int c = compare(pkg.version(), installed);
    if (c == 0) throw new PluginRefused("plugin.refused.alreadyInstalled", "id", pkg.id(), "version", installed);
    if (c < 0) {
      throw new PluginRefused("plugin.refused.older", "id", pkg.id(), "version", pkg.version(), "installed", installed);
    }
    if (pkg.upgradesFrom() != null && compare(installed, pkg.upgradesFrom()) < 0) {
      throw new PluginRefused("plugin.refused.upgradesFrom", "id", pkg.id(), "version", pkg.version(), "from", pkg.upgradesFrom(), "installed", installed);
    }
  }

  private int compare(String a, String b) {
    try {
      return host.compareVersions(a, b);
    } catch (RuntimeException e) {
      throw new PluginRefused("plugin.refused.cannotCompare", "a", a, "b", b);
    }
  }

  private PluginSwap.Outcome startNew(PluginPackage pkg, Path target) {
    long t0 = System.nanoTime();
    String id;
    try {
      id = host.load(target);
    } catch (RuntimeException e) {
      return new PluginSwap.Outcome(Words.of("plugin.problem.couldNotLoad", "problem", PluginHost.describe(e)), 0);
    }
    if (!host.turnedOff(id) && !host.start(id)) {
      Words why = host.failure(id);
      host.unload(id);
      return new PluginSwap.Outcome(why == null ? Words.of("plugin.problem.didNotStart") : why, 0);
    }
    return new PluginSwap.Outcome(null, (System.nanoTime() - t0) / 1_000_000);
  }

  private static void copy(Path from, Path to) {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) return;
    try {
      Files.createDirectories(to.getParent());
      Path tmp = Files.createTempFile(to.getParent(), ".incoming", ".part");
      Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.copyFailed", "folder", String.valueOf(to.getParent()), "problem", String.valueOf(e.getMessage()));
    }
  }

  static void deleteQuietly(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(PluginInstaller.class.getName()).warning("Could not delete " + f + ": " + e.getMessage());
    }
  }
}
