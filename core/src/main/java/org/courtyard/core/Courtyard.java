package org.courtyard.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.cluster.ClusterJoin;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Databases;
import org.courtyard.core.db.Db;
import org.courtyard.core.db.Migrations;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.web.WebServer;

/**
 * One Courtyard installation: storage opened and migrated on {@link #open}, HTTP and plugins on
 * {@link #serve}. Command-line tasks use the first alone; the server uses both.
 */
public final class Courtyard implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Courtyard.class.getName());
  private static final long CATCH_UP_EVERY_MS = 5_000;
  private final Config config;
  private final HikariDataSource dataSource;
  private final Vertx vertx;
  private final Injector injector;
  private WebServer web;

  private Courtyard(Config config, HikariDataSource dataSource, Vertx vertx, Injector injector) {
    this.config = config;
    this.dataSource = dataSource;
    this.vertx = vertx;
    this.injector = injector;
  }

  /** Opens the database and brings the core's schema up to date. */
  public static Courtyard open(Config config) {
    HikariDataSource ds = Databases.open(config);
    try {
      String dialect = Databases.dialect(config.dbUrl());
      Migrations.apply(ds, dialect, "core", "db/core", Courtyard.class.getClassLoader());
      Db db = new Db(ds, dialect);
      VertxOptions options = new VertxOptions().setWorkerPoolSize(config.getInt("http.worker-threads", 32));
      Vertx vertx;
      Cluster cluster;
      if (config.getBool(Config.CLUSTER_ENABLED, false)) {
        ClusterJoin.Joined joined = ClusterJoin.join(config, options);
        vertx = joined.vertx();
        cluster = new Cluster(vertx, joined.manager());
        LOG.info("Joined the cluster as node " + cluster.nodeId() + "; " + cluster.members() + " node(s)");
      } else {
        vertx = Vertx.vertx(options);
        cluster = new Cluster(vertx, null);
      }
      Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule(config, db, vertx, cluster));
      return new Courtyard(config, ds, vertx, injector);
    } catch (RuntimeException e) {
      ds.close();
      Databases.shutdownDerby(config.dbUrl());
      throw e;
    }
  }

  /** Builds the router, starts the plugins and listens; returns once the port is open. */
  public Courtyard serve() { return serve(c -> { }); }

  /** As {@link #serve()}, running {@code prepare} after the plugins start and before the port opens (the demo's seed data). */
  public Courtyard serve(java.util.function.Consumer<Courtyard> prepare) {
    web = injector.getInstance(WebServer.class);
    var router = web.router();
    PluginHost plugins = injector.getInstance(PluginHost.class);
    plugins.attach(injector.getInstance(org.courtyard.core.web.ToolDispatch.class));
    injector.getInstance(org.courtyard.core.privacy.PersonalDataRegistry.class)
        .add("core", "Account and school", injector.getInstance(org.courtyard.core.privacy.CorePersonalData.class));
    org.courtyard.core.jobs.JobScheduler jobs = injector.getInstance(org.courtyard.core.jobs.JobScheduler.class);
    jobs.register("core", "leaver-retention", org.courtyard.api.job.Schedule.dailyAt(java.time.LocalTime.of(2, 30)),
        injector.getInstance(org.courtyard.core.privacy.LeaverRetention.class));
    jobs.register("core", "notification-digest", org.courtyard.api.job.Schedule.dailyAt(java.time.LocalTime.of(16, 30)),
        run -> injector.getInstance(org.courtyard.core.notify.DailyDigest.class).send());
    jobs.register("core", "housekeeping", org.courtyard.api.job.Schedule.every(java.time.Duration.ofHours(1)), run -> {
      // Old audit entries (past each school's chosen time) and spent sign-in counters.
      injector.getInstance(org.courtyard.core.audit.AuditLog.class).purge();
      injector.getInstance(org.courtyard.core.identity.SignInCounters.class).purge(System.currentTimeMillis());
    });
    // E-mail: the outbox's drain as a job (once across the cluster), and a first look for what waits.
    injector.getInstance(org.courtyard.core.notify.mail.MailOutbox.class).start(jobs);
    org.courtyard.core.plugins.ReleaseSync releases = injector.getInstance(org.courtyard.core.plugins.ReleaseSync.class);
    releases.prepareFolder();
    plugins.loadAndStartAll();
    injector.getInstance(org.courtyard.core.plugins.PluginInstaller.class).installPending(releases.pendingDir());
    releases.rememberRunningTools();
    releases.listen(injector.getInstance(org.courtyard.core.cluster.Cluster.class));
    // Other nodes say "look again" at once; this catches what a network blip lost, and what the
    // command line (`plugins disable`) changed in a shared database while this server runs.
    vertx.setPeriodic(CATCH_UP_EVERY_MS, t -> vertx.executeBlocking(() -> {
      plugins.catchUp();
      releases.catchUp();
      return null;
    }, false));
    // Each node looks for due jobs; the database lets only one of them run each.
    vertx.setPeriodic(config.getLong(Config.JOBS_TICK_MS, 30_000), t -> vertx.executeBlocking(() -> {
      jobs.runDue();
      return null;
    }, false));
    prepare.accept(this);
    try {
      web.start(router).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not listen on port " + config.get(Config.HTTP_PORT, "8080") + ": " + e.getMessage(), e);
    }
    LOG.info("Courtyard is listening on http://localhost:" + web.port() + "/");
    return this;
  }

  public <T> T get(Class<T> type) { return injector.getInstance(type); }

  public Config config() { return config; }

  public int port() { return web == null ? -1 : web.port(); }

  @Override
  public void close() {
    try {
      if (web != null) web.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("HTTP server did not stop cleanly: " + e.getMessage());
    }
    if (web != null) injector.getInstance(PluginHost.class).stopAll();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warning("Vert.x did not stop cleanly: " + e.getMessage());
    }
    dataSource.close();
    Databases.shutdownDerby(config.dbUrl());
  }
}
