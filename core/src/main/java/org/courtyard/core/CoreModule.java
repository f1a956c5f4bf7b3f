package org.courtyard.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.courtyard.api.data.Database;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Events;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.service.Permissions;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.identity.Passwords;
import org.courtyard.core.notify.Mailer;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.ActivityStore;
import org.courtyard.core.services.CoreDirectory;
import org.courtyard.core.services.DiskFileStore;
import org.courtyard.core.services.OwaspHtmlSanitizer;

/** The one place the core's objects are wired. */
final class CoreModule extends AbstractModule {
  private final Config config;
  private final Db db;
  private final Vertx vertx;
  private final org.courtyard.core.cluster.Cluster cluster;

  CoreModule(Config config, Db db, Vertx vertx, org.courtyard.core.cluster.Cluster cluster) {
    this.cluster = cluster;
    this.config = config;
    this.db = db;
    this.vertx = vertx;
  }

  @Override
  protected void configure() {
    bind(Config.class).toInstance(config);
    bind(Db.class).toInstance(db);
    bind(Database.class).toInstance(db);
    bind(Vertx.class).toInstance(vertx);
    bind(org.courtyard.core.cluster.Cluster.class).toInstance(cluster);
    bind(Clock.class).toInstance(new org.courtyard.core.services.ServerClock());
    bind(Events.class).to(EventHub.class);
    bind(Directory.class).to(CoreDirectory.class);
    bind(org.courtyard.api.service.Relationships.class).to(org.courtyard.core.relationships.RelationshipIndex.class);
    bind(Permissions.class).to(PermissionService.class);
    bind(HtmlSanitizer.class).to(OwaspHtmlSanitizer.class).in(Singleton.class);
    bind(FileStore.class).toInstance(new DiskFileStore(config.filesDir()));
    bind(org.courtyard.api.service.Uploads.class).to(org.courtyard.core.services.CoreUploads.class);
    bind(Mailer.class).to(org.courtyard.core.notify.mail.MailOutbox.class);
    bind(Passwords.class).toInstance(new Passwords(config.getInt(Config.PASSWORD_COST, 10)));
    bind(org.courtyard.core.identity.SessionEnder.class).to(org.courtyard.core.web.session.DatabaseSessionStore.class);
    install(new org.courtyard.core.plugins.InstallModule(config));
  }

  @Provides
  @Singleton
  PluginHost pluginHost(EventHub events, CapabilityRegistry capabilities, ToolRegistry registry, ActivityStore activity,
                        Directory directory, Permissions permissions, HtmlSanitizer sanitizer, FileStore files,
                        NotificationStore notifications, org.courtyard.core.roster.ImporterRegistry importers,
                        org.courtyard.core.services.ResultStore results, Clock clock,
                        org.courtyard.api.service.Relationships relationships, org.courtyard.api.service.Uploads uploads,
                        org.courtyard.core.jobs.JobScheduler jobs, org.courtyard.core.privacy.PersonalDataRegistry personalData,
                        org.courtyard.core.i18n.Messages messages, org.courtyard.core.agenda.AgendaRegistry agendas) {
    return new PluginHost(config.pluginsDir(), db, events, capabilities, registry, activity, notifications, importers, results,
        PluginHost.services(db, events, directory, permissions, sanitizer, files, clock, relationships, uploads), cluster, jobs, personalData, messages, agendas);
  }
}
