package org.courtyard.core.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.spaces.SpaceStore;

/** Wires installing, upgrading and syncing plugins (kept apart from the plugin host's own wiring). */
public final class InstallModule extends AbstractModule {
  private final Config config;

  public InstallModule(Config config) { this.config = config; }

  @Provides @Singleton
  PluginReleases releases(Db db, Clock clock) { return new PluginReleases(db, clock); }

  @Provides @Singleton
  TrustedPublishers trust() { return new TrustedPublishers(config.trustedPublishersDir()); }

  @Provides @Singleton
  PluginAudit audit(AuditLog log, SpaceStore spaces) { return new PluginAudit(log, spaces); }

  @Provides @Singleton
  PluginSwap swap(PluginHost host, ToolRegistry registry, ToolGate gate) {
    return new PluginSwap(host, registry, gate, Duration.ofSeconds(config.getInt(Config.PLUGINS_UPGRADE_DRAIN_SECONDS, 30)));
  }

  @Provides @Singleton
  PluginInstaller installer(PluginHost host, PluginSwap swap, PluginReleases releases, TrustedPublishers trust, PluginAudit audit,
                            ToolRegistry registry, Cluster cluster) {
    return new PluginInstaller(host, swap, releases, trust, audit, registry, cluster, config.pluginsDir());
  }

  @Provides @Singleton
  org.courtyard.core.plugins.catalogue.Catalogue catalogue(PluginInstaller installer) {
    return new org.courtyard.core.plugins.catalogue.Catalogue(config.pluginRepositories(), installer, config.dataDir().resolve("downloads"));
  }

  @Provides @Singleton
  PluginData data(Db db) { return new PluginData(db); }

  @Provides @Singleton
  PluginRemover remover(PluginHost host, PluginReleases releases, PluginData data, ToolRegistry registry, PluginAudit audit, Cluster cluster) {
    return new PluginRemover(host, releases, data, registry, audit, cluster);
  }

  @Provides @Singleton
  ReleaseSync sync(PluginReleases releases, PluginHost host, PluginSwap swap, ToolRegistry registry) {
    return new ReleaseSync(releases, host, swap, registry, config.pluginsDir());
  }
}
