package org.courtyard.core.plugins;

import com.google.inject.AbstractModule;
import java.time.Clock;
import org.courtyard.api.data.Database;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Events;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.service.Permissions;
import org.courtyard.api.service.Relationships;
import org.courtyard.api.service.Results;

/**
 * What a tool's injector can see: the public services of plugin-api and nothing of the core's
 * internals. Each tool gets an injector of its own (not a child of the core's), so the bindings Guice
 * makes for the tool's classes go away with the tool when it is disabled.
 */
final class PluginServicesModule extends AbstractModule {
  /** The core services offered to plugins, built once by the host. */
  record CoreServices(Database database, Events events, Directory directory, Permissions permissions,
                      HtmlSanitizer sanitizer, FileStore files, Clock clock, Relationships relationships,
                      org.courtyard.api.service.Uploads uploads) {}

  private final CoreServices services;
  private final ActivityLog activity;
  private final Notifications notifications;
  private final Results results;

  PluginServicesModule(CoreServices services, ActivityLog activity, Notifications notifications, Results results) {
    this.services = services;
    this.activity = activity;
    this.notifications = notifications;
    this.results = results;
  }

  /** The services as one bundle ({@link org.courtyard.api.service.ToolServices}), this tool's own log, notifications and results included. */
  private record Bundle(CoreServices core, ActivityLog activity, Notifications notifications, Results results)
      implements org.courtyard.api.service.ToolServices {
    @Override public Database database() { return core.database(); }

    @Override public Clock clock() { return core.clock(); }

    @Override public Directory directory() { return core.directory(); }

    @Override public Relationships relationships() { return core.relationships(); }

    @Override public Permissions permissions() { return core.permissions(); }

    @Override public Events events() { return core.events(); }

    @Override public HtmlSanitizer sanitizer() { return core.sanitizer(); }

    @Override public FileStore files() { return core.files(); }

    @Override public org.courtyard.api.service.Uploads uploads() { return core.uploads(); }
  }

  @Override
  protected void configure() {
    bind(Database.class).toInstance(services.database());
    bind(Events.class).toInstance(services.events());
    bind(Directory.class).toInstance(services.directory());
    bind(Permissions.class).toInstance(services.permissions());
    bind(Relationships.class).toInstance(services.relationships());
    bind(HtmlSanitizer.class).toInstance(services.sanitizer());
    bind(FileStore.class).toInstance(services.files());
    bind(org.courtyard.api.service.Uploads.class).toInstance(services.uploads());
    bind(ActivityLog.class).toInstance(activity);
    bind(Notifications.class).toInstance(notifications);
    bind(Results.class).toInstance(results);
    // The core's clock, so that tests can move time on (a quiz's time limit, a homework's due date).
    bind(Clock.class).toInstance(services.clock());
    bind(org.courtyard.api.service.ToolServices.class).toInstance(new Bundle(services, activity, notifications, results));
  }
}
