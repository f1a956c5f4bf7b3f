package org.courtyard.core.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.Upload;
import org.courtyard.core.identity.User;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.plugins.RouteDef;
import org.courtyard.core.plugins.RouteMounter;
import org.courtyard.core.plugins.ToolGate;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.services.ToolSettings;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * Mounts tools' routes under {@code /s/:space/<tool>} and does, before any tool code runs: the space
 * lookup, the check that the tool is enabled for the school and added to the space, and the
 * capability check. CSRF and sign-in were checked earlier on the router.
 */
@Singleton
public final class ToolDispatch implements RouteMounter {
  private static final Logger LOG = Logger.getLogger(ToolDispatch.class.getName());
  /** Route metadata key: the full id of the capability a mounted tool route needs (e.g. {@code forum.post}). */
  public static final String CAPABILITY = "courtyard.capability";
  /** Route metadata key: true on a tool's live event stream (it answers and stays open). */
  public static final String STREAM = "courtyard.stream";
  private volatile Router router;
  private final Web web;
  private final SpaceStore spaces;
  private final SchoolStore schools;
  private final PermissionService permissions;
  private final CapabilityRegistry capabilities;
  private final ToolRegistry tools;
  private final ToolSettings settings;
  private final io.vertx.core.Vertx vertx;
  /** Open live streams by tool, closed when the tool stops. */
  private final Map<String, java.util.Set<LiveStream>> streams = new java.util.concurrent.ConcurrentHashMap<>();
  private final ToolGate gate;
  private static final String GATE_PASS = "courtyard.toolGatePass";
  /** The routes each tool mounted last; a request that matched an older version's route is served by the same route of this one. */
  private final Map<String, List<RouteDef>> current = new java.util.concurrent.ConcurrentHashMap<>();
  /** How long a request waits for a tool that is being swapped for a new version. */
  private static final java.time.Duration HOLD_MAX = java.time.Duration.ofSeconds(60);

  @Inject
  public ToolDispatch(Web web, SpaceStore spaces, SchoolStore schools, PermissionService permissions,
                      CapabilityRegistry capabilities, ToolRegistry tools, ToolSettings settings, ToolGate gate, io.vertx.core.Vertx vertx) {
    this.gate = gate;
    this.vertx = vertx;
    this.web = web;
    this.spaces = spaces;
    this.schools = schools;
    this.permissions = permissions;
    this.capabilities = capabilities;
    this.tools = tools;
    this.settings = settings;
  }

  /** The router tools' routes go on; set once the HTTP server is built. */
  public void attach(Router router) {
    this.router = router;
    // In front of every tool route. A request for a tool being swapped for a new version waits for the
    // swap (off the event loop) and is then routed again, to whichever version now runs. Any other is
    // counted as inside the tool from here until its answer is sent, so a swap starting meanwhile
    // waits for it: it finishes on the version whose route it matched, instead of finding the old
    // routes gone (a 404) between here and its handler.
    router.routeWithRegex("^/s/[^/]+/([^/]+)(/.*)?$").handler(ctx -> {
      String toolId = ctx.pathParam("param0");
      if (toolId == null) {
        ctx.next();
        return;
      }
      ToolGate.Pass pass = gate.tryEnter(toolId);
      if (pass != null) {
        ctx.put(GATE_PASS, pass);
        ctx.addEndHandler(done -> pass.close());
        ctx.next();
        return;
      }
      ctx.vertx().executeBlocking(() -> gate.awaitOpen(toolId, HOLD_MAX), false)
          .onComplete(ar -> ctx.reroute(ctx.request().method(), ctx.request().uri()));
    });
  }

  /** The widgets of the space's tools this user may see, each rendered to an HTML fragment. A failing widget is left out. */
  public List<Map<String, Object>> widgets(WebRequest req, User user, Space space, List<ToolRegistry.ActiveTool> visible) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ToolRegistry.ActiveTool tool : visible) {
      for (ToolRegistry.WidgetEntry w : tool.widgets()) {
        if (!permissions.can(user, tool.id() + "." + w.capability(), space)) continue;
        try {
          Request r = new Request(req, tool, space, user);
          Page page = w.widget().render(r);
          Map<String, Object> model = new HashMap<>(page.model());
          model.put("tool", r.toolUrl());
          model.put("space", spaceModel(space));
          model.put("can", r.capabilityMap());
          model.put("csrfToken", req.csrfToken());
          model.put("timeZone", web.timeZone(req));
          model.put(org.courtyard.core.web.Renderer.LANGUAGE, req.language().code());
          model.put(org.courtyard.core.web.Renderer.OVERRIDES, web.overrides(req));
          Map<String, Object> box = new HashMap<>();
          box.put("title", org.courtyard.core.plugins.ToolTexts.widget(tool, req.language().code(), w));
          box.put("html", new com.github.jknack.handlebars.Handlebars.SafeString(tool.templates().render(page.template(), model)));
          out.add(box);
        } catch (Exception | LinkageError e) {
          LOG.log(Level.WARNING, "Widget " + tool.id() + "/" + w.name() + " failed in " + space.slug(), e);
        }
      }
    }
    return out;
  }

  @Override
  public List<Route> mount(String toolId, List<RouteDef> defs) {
    List<Route> mounted = new ArrayList<>();
    if (router == null) return mounted;
    current.put(toolId, List.copyOf(defs));
    for (RouteDef def : defs) {
      String base = "/s/:space/" + toolId;
      List<String> paths = "/".equals(def.path()) ? List.of(base, base + "/") : List.of(base + def.path());
      for (String path : paths) {
        boolean open = capabilities.find(def.capability()).map(Capability::open).orElse(false);
        if (RouteDef.STREAM.equals(def.method())) {
          Route r = router.route(HttpMethod.GET, path).handler(ctx -> {
            // A live page stays open for as long as someone watches: it does not hold up a swap (the
            // tool's streams are closed when it stops, and the browser reconnects to the new version).
            ToolGate.Pass pass = ctx.get(GATE_PASS);
            if (pass != null) pass.close();
            web.run(ctx, !open, web::coreTemplates, req -> openStream(ctx, req, toolId, currentDef(req, toolId, def)));
          });
          r.putMetadata(CAPABILITY, def.capability());
          r.putMetadata(STREAM, true);
          mounted.add(r);
          continue;
        }
        Route r = router.route(HttpMethod.valueOf(def.method()), path).handler(ctx -> web.run(ctx, !open,
            () -> tools.tool(toolId).map(ToolRegistry.ActiveTool::templates).orElse(web.coreTemplates()),
            req -> handle(req, toolId, currentDef(req, toolId, def))));
        r.putMetadata(CAPABILITY, def.capability());
        mounted.add(r);
      }
    }
    return mounted;
  }

  @Override
  public void closeStreams(String toolId) {
    java.util.Set<LiveStream> open = streams.remove(toolId);
    if (open != null) open.forEach(LiveStream::close);
  }

  /** Checks as for any route, then answers with a server-sent events stream the tool keeps. */
  private Reply openStream(io.vertx.ext.web.RoutingContext ctx, WebRequest req, String toolId, RouteDef def) throws Exception {
    Request toolRequest = check(req, toolId, def);
    LiveStream stream = new LiveStream(vertx, ctx.response());
    java.util.Set<LiveStream> ofTool = streams.computeIfAbsent(toolId, k -> java.util.concurrent.ConcurrentHashMap.newKeySet());
    ofTool.add(stream);
    stream.onClose(() -> ofTool.remove(stream));
    try {
      def.stream().open(toolRequest, stream);
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "The live stream " + toolId + def.path() + " failed to open", e);
      stream.close();
    }
    return Reply.text("", "text/event-stream");
  }

  /** The route of the version running now that answers what {@code def} answered (the same def unless the tool was swapped). */
  private RouteDef currentDef(WebRequest req, String toolId, RouteDef def) {
    List<RouteDef> now = current.getOrDefault(toolId, List.of());
    for (RouteDef d : now) if (d == def) return def;
    return now.stream().filter(d -> d.method().equals(def.method()) && d.path().equals(def.path())).findFirst()
        .orElseThrow(() -> HttpProblem.notFound(req.t("error.noPage")));
  }

  /** The space, the tool being in it, the capability, and archived spaces being read-only: the request a tool may see. */
  private Request check(WebRequest req, String toolId, RouteDef def) {
    ToolRegistry.ActiveTool tool = tools.tool(toolId).orElseThrow(() -> HttpProblem.notFound(req.t("error.noPage")));
    Space space = spaces.bySlug(req.pathParam("space")).orElseThrow(() -> HttpProblem.notFound(req.t("error.noSpace")));
    req.inSpace(space).inTool(toolId).crumb(org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code()), space.url() + "/" + toolId);
    boolean available = spaces.tools(space.id()).contains(toolId) && (space.schoolId() == null || schools.toolEnabled(space.schoolId(), toolId));
    if (!available) throw HttpProblem.notFound(req.t("tool.notUsed", "tool", org.courtyard.core.plugins.ToolTexts.title(tool, req.language().code()), "space", space.name()));
    User user = req.user();
    Decision d = permissions.decide(user, def.capability(), space);
    if (!d.allowed() && user == null) throw new HttpProblem(401, req.t("error.signInToSee"));
    if (!d.allowed()) throw HttpProblem.forbidden(req.t("error.notHere", "reason", req.t(d.why())));
    if (space.archived() && "POST".equals(def.method())) throw HttpProblem.forbidden(req.t("error.archived", "space", space.name()));
    return new Request(req, tool, space, user);
  }

  private Reply handle(WebRequest req, String toolId, RouteDef def) throws Exception {
    Request toolRequest = check(req, toolId, def);
    ToolRegistry.ActiveTool tool = toolRequest.tool;
    Space space = toolRequest.space;
    Reply reply;
    try {
      reply = def.handler().handle(toolRequest);
    } catch (InputProblem p) {
      // The one channel for refusing input: the form again with its messages, or the error page listing them.
      reply = p.form().map(form -> withProblems(form, p, req)).orElseThrow(() -> p);
    } catch (IllegalArgumentException e) {
      // Not a message meant for a person (a NumberFormatException, a tool's own check): a fault, logged with a reference.
      throw new IllegalStateException(toolId + " failed on " + def.method() + " " + def.path() + " (a tool refuses input with InputProblem)", e);
    }
    if (reply instanceof Page page) {
      page.with("tool", toolRequest.toolUrl()).with("space", spaceModel(space)).with("can", toolRequest.capabilityMap());
      if (page.title() == null) page.title(tool.info().title() + " · " + space.name());
    } else if (reply instanceof Reply.Redirect r && !r.location().startsWith("/")) {
      String to = r.location().isEmpty() ? toolRequest.toolUrl() : toolRequest.toolUrl() + "/" + r.location();
      return new Reply.Redirect(to, r.flash());
    }
    return reply;
  }

  /** The form page again, status 422, with what was wrong and what the person had typed. */
  private static Page withProblems(Page form, InputProblem p, WebRequest req) {
    List<Map<String, String>> problems = new ArrayList<>();
    p.fields().forEach((field, message) -> problems.add(Map.of("field", field, "message", message)));
    Map<String, String> submitted = new HashMap<>();
    for (String name : req.formMap().names()) {
      if (!name.equals("_csrf")) submitted.put(name, req.form(name));
    }
    return form.status(422).with("problems", problems).with("problem", p.fields()).with("submitted", submitted);
  }

  static Map<String, Object> spaceModel(Space space) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", space.id());
    m.put("slug", space.slug());
    m.put("name", space.name());
    m.put("kind", space.kind().label());
    m.put("url", space.url());
    m.put("archived", space.archived());
    return m;
  }

  private static final UserRef VISITOR = new UserRef(0, "", "Visitor", org.courtyard.api.UserKind.GUEST);

  /** The request a tool sees. */
  private final class Request implements ToolRequest {
    private final WebRequest req;
    private final ToolRegistry.ActiveTool tool;
    private final Space space;
    private final User user;
    private Optional<Role> role;

    Request(WebRequest req, ToolRegistry.ActiveTool tool, Space space, User user) {
      this.req = req;
      this.tool = tool;
      this.space = space;
      this.user = user;
    }

    @Override public UserRef user() { return user == null ? VISITOR : user.ref(); }

    @Override public boolean signedIn() { return user != null; }

    @Override public SpaceRef space() { return space.ref(); }

    @Override public Optional<Role> role() {
      if (user == null) return Optional.empty();
      if (role == null) role = permissions.role(user, space);
      return role;
    }

    @Override public String toolUrl() { return space.url() + "/" + tool.id(); }

    @Override public String pathParam(String name) { return req.pathParam(name); }

    @Override public long pathId(String name) { return req.pathId(name); }

    @Override public Optional<String> query(String name) { return req.query(name); }

    @Override public String form(String name) { return req.form(name); }

    @Override public List<String> formAll(String name) { return req.formAll(name); }

    @Override public List<Upload> uploads() { return req.uploads(); }

    @Override public boolean can(String capability) { return permissions.decide(user, tool.id() + "." + capability, space).allowed(); }

    @Override public String language() { return req.language().code(); }

    @Override public String text(org.courtyard.api.i18n.Message message, Object... namesAndValues) {
      return web.messages().format(tool.templates().bundle(), req.language().code(), message.key(),
          org.courtyard.core.i18n.Messages.args(namesAndValues), web.overrides(req));
    }

    @Override public String setting(String key) {
      return tool.setting(key).map(s -> settings.effective(space, tool.id(), s))
          .orElseThrow(() -> new IllegalArgumentException(tool.id() + " declares no setting '" + key + "'"));
    }

    Map<String, Boolean> capabilityMap() {
      Map<String, Boolean> can = new HashMap<>();
      String prefix = tool.id() + ".";
      for (Capability c : capabilities.ownedBy(tool.pluginId())) {
        if (c.id().startsWith(prefix)) can.put(c.id().substring(prefix.length()), permissions.decide(user, c.id(), space).allowed());
      }
      return can;
    }
  }
}
