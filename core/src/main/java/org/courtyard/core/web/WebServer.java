package org.courtyard.core.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import org.courtyard.core.web.session.DatabaseSessionStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.core.config.Config;
import org.courtyard.core.web.routes.AccountRoutes;
import org.courtyard.core.web.routes.AdminRoutes;
import org.courtyard.core.web.routes.AssetRoutes;
import org.courtyard.core.web.routes.AuthRoutes;
import org.courtyard.core.web.routes.HomeRoutes;
import org.courtyard.core.web.routes.ImportRoutes;
import org.courtyard.core.web.routes.NotificationRoutes;
import org.courtyard.core.web.routes.PictureLoginRoutes;
import org.courtyard.core.web.routes.HealthRoutes;
import org.courtyard.core.web.routes.MarkbookRoutes;
import org.courtyard.core.web.routes.SpaceManageRoutes;
import org.courtyard.core.web.routes.SpaceRoutes;

/**
 * The HTTP side. Every request passes, in order: security headers → static assets → body (size
 * limited) → session → CSRF → the area's routes (each checks sign-in and capability) → 404.
 */
@Singleton
public final class WebServer {
  public static final String SESSION_COOKIE = "courtyard.session";
  private final Vertx vertx;
  private final Config config;
  private final Web web;
  private final ToolDispatch tools;
  private final AssetRoutes assets;
  private final AuthRoutes auth;
  private final PictureLoginRoutes pictureLogin;
  private final AccountRoutes account;
  private final HomeRoutes home;
  private final SpaceRoutes spaces;
  private final SpaceManageRoutes spaceManage;
  private final AdminRoutes admin;
  private final NotificationRoutes notifications;
  private final ImportRoutes imports;
  private final MarkbookRoutes markbook;
  private final HealthRoutes health;
  private final org.courtyard.core.web.routes.PupilRoutes pupils;
  private final org.courtyard.core.web.routes.AuditRoutes audit;
  private final org.courtyard.core.web.routes.AdminPeopleRoutes adminPeople;
  @Inject private org.courtyard.core.web.routes.PrivacyRoutes privacy;
  @Inject private org.courtyard.core.web.routes.LanguageRoutes language;
  @Inject private org.courtyard.core.web.routes.CalendarRoutes calendar;
  @Inject private org.courtyard.core.web.routes.NotificationChoicesRoutes notificationChoices;
  @Inject private org.courtyard.core.web.routes.AdminNotificationRoutes adminNotifications;
  @Inject private org.courtyard.core.web.routes.AdminDatesRoutes schoolDates;
  private HttpServer server;
  private volatile Router router;
  private final DatabaseSessionStore sessions;
  private final SessionPolicy sessionPolicy;

  @Inject
  public WebServer(Vertx vertx, Config config, DatabaseSessionStore sessions, SessionPolicy sessionPolicy, Web web, ToolDispatch tools, AssetRoutes assets, AuthRoutes auth,
                   PictureLoginRoutes pictureLogin, AccountRoutes account, HomeRoutes home, SpaceRoutes spaces,
                   SpaceManageRoutes spaceManage, AdminRoutes admin, NotificationRoutes notifications,
                   ImportRoutes imports, MarkbookRoutes markbook, HealthRoutes health,
                   org.courtyard.core.web.routes.PupilRoutes pupils, org.courtyard.core.web.routes.AuditRoutes audit,
                   org.courtyard.core.web.routes.AdminPeopleRoutes adminPeople) {
    this.adminPeople = adminPeople;
    this.pupils = pupils;
    this.audit = audit;
    this.health = health;
    this.sessionPolicy = sessionPolicy;
    this.sessions = sessions;
    this.vertx = vertx;
    this.config = config;
    this.web = web;
    this.tools = tools;
    this.assets = assets;
    this.auth = auth;
    this.pictureLogin = pictureLogin;
    this.account = account;
    this.home = home;
    this.spaces = spaces;
    this.spaceManage = spaceManage;
    this.admin = admin;
    this.notifications = notifications;
    this.imports = imports;
    this.markbook = markbook;
  }

  public Router router() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders(config.getLong(Config.HSTS_SECONDS, 0)));
    router.route().handler(new ClientAddress(config.get(Config.TRUSTED_PROXIES, "")));
    health.mount(router);
    assets.mount(router);
    long maxUpload = config.getLong(Config.HTTP_MAX_UPLOAD_BYTES, 50L * 1024 * 1024);
    router.route().handler(BodyHandler.create(config.dataDir().resolve("uploads").toString())
        .setBodyLimit(maxUpload).setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false));
    router.route().handler(SessionHandler.create(sessions)
        .setSessionCookieName(SESSION_COOKIE)
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.LAX)
        .setCookieSecureFlag(config.secureCookies())
        .setSessionTimeout(sessionPolicy.defaultIdleMs()));
    router.route().handler(new Csrf(web, config.secureCookies()));
    auth.mount(router);
    pictureLogin.mount(router);
    account.mount(router);
    language.mount(router);
    pupils.mount(router);
    home.mount(router);
    calendar.mount(router);
    notificationChoices.mount(router);
    adminNotifications.mount(router);
    schoolDates.mount(router);
    notifications.mount(router);
    imports.mount(router);
    admin.mount(router);
    privacy.mount(router); // before adminPeople, whose POST /users/:id/:action would take /users/:id/erase
    adminPeople.mount(router);
    audit.mount(router);
    spaceManage.mount(router);
    markbook.mount(router);
    spaces.mount(router);
    tools.attach(router);
    router.route().last().handler(ctx -> web.sendError(ctx, 404, org.courtyard.core.i18n.Words.of("error.noSuchPage")));
    this.router = router;
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      org.courtyard.core.i18n.Words message = switch (status) {
        case 413 -> org.courtyard.core.i18n.Words.of("error.uploadTooBig", "max", maxUpload / (1024 * 1024));
        case 400 -> org.courtyard.core.i18n.Words.of("error.badRequest");
        default -> org.courtyard.core.i18n.Words.of("error.ourSide");
      };
      if (ctx.failure() != null && status >= 500) {
        java.util.logging.Logger.getLogger(WebServer.class.getName()).log(java.util.logging.Level.SEVERE, "Request failed", ctx.failure());
      }
      web.sendError(ctx, status, message);
    });
    return router;
  }

  /**
   * Every route on the router now, the core's and the running tools' (a tool route carries its
   * capability as {@link ToolDispatch#CAPABILITY} metadata); for tests that cover every route.
   */
  public java.util.List<io.vertx.ext.web.Route> routes() {
    Router r = router;
    return r == null ? java.util.List.of() : java.util.List.copyOf(r.getRoutes());
  }

  public Future<HttpServer> start(Router router) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.get(Config.HTTP_HOST, "0.0.0.0"))
        .setPort(config.getInt(Config.HTTP_PORT, 8080))
        .setCompressionSupported(true);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> this.server = s);
  }

  public int port() { return server == null ? -1 : server.actualPort(); }

  /** Stops taking new connections and lets requests in flight finish. */
  public Future<Void> stop() {
    health.drain();
    sessions.close();
    return server == null ? Future.succeededFuture() : server.shutdown();
  }
}
