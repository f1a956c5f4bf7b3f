package org.courtyard.core.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;

/**
 * Runs a page handler off the event loop and turns its {@link Reply} into an HTTP answer: pages inside
 * the layout, redirects with flash messages, files with safe types and range support, and every
 * failure as a plain error page (never a stack trace).
 */
@Singleton
public final class Web {
  private static final Logger LOG = Logger.getLogger(Web.class.getName());
  /** Types a browser may show inline; anything else is sent as a download so it cannot run as a page. */
  private static final Set<String> INLINE_TYPES = Set.of(
      "image/png", "image/jpeg", "image/gif", "image/webp", "audio/mpeg", "audio/ogg", "audio/wav", "audio/webm",
      "audio/mp4", "video/mp4", "video/webm", "video/ogg", "application/pdf", "text/plain; charset=utf-8", "text/vtt; charset=utf-8",
      "text/css; charset=utf-8", "application/javascript; charset=utf-8", "application/json", "application/atom+xml; charset=utf-8",
      "application/rss+xml; charset=utf-8");

  /** A page handler on a worker thread. */
  @FunctionalInterface
  public interface Work {
    Reply handle(WebRequest request) throws Exception;
  }

  private final Vertx vertx;
  private final UserStore users;
  private final Layout layout;
  private final Renderer.Engine coreTemplates;
  private final org.courtyard.core.web.session.DatabaseSessionStore sessions;

  private final SessionPolicy sessionPolicy;

  @Inject
  public Web(Vertx vertx, UserStore users, Layout layout, org.courtyard.core.web.session.DatabaseSessionStore sessions, SessionPolicy sessionPolicy) {
    this.sessions = sessions;
    this.sessionPolicy = sessionPolicy;
    this.vertx = vertx;
    this.users = users;
    this.layout = layout;
    this.coreTemplates = layout.templates();
  }

  public Renderer.Engine coreTemplates() { return coreTemplates; }

  public org.courtyard.core.i18n.Messages messages() { return layout.messages(); }

  /** The reader's school's own wording for their language. */
  public Map<String, String> overrides(WebRequest req) { return layout.overrides(req); }

  /** The reader's school's time zone, in which pages show times. */
  public java.time.ZoneId timeZone(WebRequest req) { return layout.timeZone(req); }

  /** A page for signed-in users; others are sent to the sign-in page. */
  public Handler<RoutingContext> page(Work work) { return ctx -> run(ctx, true, coreTemplates, work); }

  /** A page anyone may see (sign-in, picture login). */
  public Handler<RoutingContext> publicPage(Work work) { return ctx -> run(ctx, false, coreTemplates, work); }

  public void run(RoutingContext ctx, boolean signInRequired, Renderer.Engine templates, Work work) {
    run(ctx, signInRequired, () -> templates, work);
  }

  /** As above, with the templates chosen once the work is done (a tool's, after any swap to a new version of it). */
  public void run(RoutingContext ctx, boolean signInRequired, java.util.function.Supplier<Renderer.Engine> templates, Work work) {
    Long uid = ctx.session() == null ? null : ctx.session().get(WebRequest.SESSION_USER);
    if (signInRequired && uid == null) {
      signIn(ctx);
      return;
    }
    vertx.executeBlocking(() -> org.courtyard.core.cache.RequestMemo.run(() -> {
      User user = uid == null ? null : users.byId(uid).filter(u -> !u.disabled()).orElse(null);
      if (user != null && sessionPolicy.over(ctx.session(), user)) {
        // Past its lifetime: signed out here and in the database, whatever the page.
        ctx.session().destroy();
        sessions.writeNow(ctx.session());
        return ctx.request().method().name().equals("GET") ? Answer.redirect(loginUrl(ctx))
            : Answer.plain(401, new WebRequest(ctx, null, layout).t("error.signInAgain"));
      }
      WebRequest req = new WebRequest(ctx, user, layout);
      if (signInRequired && user == null) {
        ctx.session().remove(WebRequest.SESSION_USER);
        return Answer.redirect(loginUrl(ctx));
      }
      Answer answer;
      try {
        // The reader's language for services a tool calls without its request (the uploads service's refusals).
        Reply reply = org.courtyard.core.i18n.ReaderWords.run(req.reader(), () -> work.handle(req));
        answer = answer(req, templates.get(), reply);
      } catch (HttpProblem p) {
        answer = errorPage(req, p.status(), p.getMessage());
      } catch (org.courtyard.api.web.InputProblem p) {
        answer = errorPage(req, 422, String.join(" ", p.messages()));
      } catch (IllegalArgumentException e) {
        answer = errorPage(req, 400, req.problem(e));
      }
      if (ctx.session() != null) sessions.writeNow(ctx.session());
      return answer;
    }), false).onComplete(ar -> {
      if (ar.succeeded()) {
        send(ctx, ar.result());
      } else {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Request " + ctx.request().method() + " " + ctx.request().path() + " failed (ref " + ref + ")", ar.cause());
        sendServerError(ctx, ref);
      }
    });
  }

  /** The page for a failure on our side, in the reader's language, with the reference it was logged under. */
  private void sendServerError(RoutingContext ctx, String ref) {
    if (ctx.response().ended()) return;
    String english = "Something went wrong on our side. It has been logged with reference " + ref + ".";
    vertx.executeBlocking(() -> {
      WebRequest req = new WebRequest(ctx, null, layout);
      return errorPage(req, 500, req.t("error.server", "ref", ref));
    }, false).onComplete(ar -> send(ctx, ar.succeeded() ? ar.result() : Answer.plain(500, english)));
  }

  /** An error page answered from the event loop (no database work). */
  public void sendError(RoutingContext ctx, int status, org.courtyard.core.i18n.Words words) {
    if (ctx.response().ended()) return;
    vertx.executeBlocking(() -> {
      WebRequest req = new WebRequest(ctx, null, layout);
      return errorPage(req, status, req.t(words));
    }, false).onComplete(ar -> send(ctx, ar.succeeded() ? ar.result() : Answer.plain(status, words.english())));
  }

  private void signIn(RoutingContext ctx) {
    if ("GET".equals(ctx.request().method().name())) {
      send(ctx, Answer.redirect(loginUrl(ctx)));
    } else {
      // A form sent after the session ended: said in the reader's language (cookie or browser), not a page.
      vertx.executeBlocking(() -> Answer.plain(401, new WebRequest(ctx, null, layout).t("error.signInAgain")), false)
          .onComplete(ar -> send(ctx, ar.succeeded() ? ar.result() : Answer.plain(401, "Please sign in again.")));
    }
  }

  private static String loginUrl(RoutingContext ctx) {
    return "/login?next=" + java.net.URLEncoder.encode(ctx.request().uri(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Turns a reply into the bytes to send; runs on the worker. */
  Answer answer(WebRequest req, Renderer.Engine templates, Reply reply) {
    if (reply instanceof Page page) {
      Map<String, Object> model = new HashMap<>(page.model());
      model.putIfAbsent("csrfToken", req.csrfToken());
      model.putIfAbsent("timeZone", layout.timeZone(req));
      model.putIfAbsent(Renderer.LANGUAGE, layout.language(req).code());
      model.putIfAbsent(Renderer.OVERRIDES, layout.overrides(req));
      model.putIfAbsent("user", req.user() == null ? null : layout.userModel(req.user()));
      String body = templates.render(page.template(), model);
      return Answer.html(page.status(), layout.render(req, page.title(), body));
    }
    if (reply instanceof Reply.Redirect r) {
      req.flash(r.flash());
      return Answer.redirect(r.location());
    }
    if (reply instanceof Reply.Text t) {
      return new Answer(200, t.contentType(), Buffer.buffer(t.body()), null, null, null);
    }
    if (reply instanceof Reply.Json j) {
      return new Answer(j.status(), "application/json; charset=utf-8", io.vertx.core.json.Json.encodeToBuffer(j.value()), null, null, null);
    }
    if (reply instanceof Reply.FileReply f) {
      if (!Files.isRegularFile(f.path())) return errorPage(req, 404, req.t("error.fileGone"));
      return new Answer(200, f.contentType(), null, null, f.path(), f.downloadName());
    }
    throw new IllegalStateException("Unknown reply " + reply);
  }

  Answer errorPage(WebRequest req, int status, String message) {
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("message", message);
    model.put("signedIn", req.user() != null);
    model.put(Renderer.LANGUAGE, layout.language(req).code());
    model.put("heading", req.t(switch (status) {
      case 400 -> "error.400";
      case 401 -> "error.401";
      case 403 -> "error.403";
      case 404 -> "error.404";
      case 409 -> "error.409";
      case 413 -> "error.413";
      case 422 -> "error.422";
      default -> "error.500";
    }));
    String body = coreTemplates.render("error", model);
    return Answer.html(status, layout.render(req, (String) model.get("heading"), body));
  }

  /** What to send, computed off the event loop. */
  record Answer(int status, String contentType, Buffer body, String location, Path file, String downloadName) {
    static Answer html(int status, String html) { return new Answer(status, "text/html; charset=utf-8", Buffer.buffer(html), null, null, null); }

    static Answer redirect(String location) { return new Answer(303, null, null, location, null, null); }

    static Answer plain(int status, String text) { return new Answer(status, "text/plain; charset=utf-8", Buffer.buffer(text), null, null, null); }
  }

  static void send(RoutingContext ctx, Answer a) {
    HttpServerResponse res = ctx.response();
    // A live stream already answered (its head is out and it stays open).
    if (res.ended() || res.headWritten()) return;
    res.setStatusCode(a.status());
    if (a.location() != null) {
      res.putHeader("Location", a.location()).end();
      return;
    }
    if (a.file() != null) {
      sendFile(ctx, a);
      return;
    }
    res.putHeader("Content-Type", a.contentType());
    if (!a.contentType().startsWith("text/html")) res.putHeader("Cache-Control", "private, no-store");
    else res.putHeader("Cache-Control", "no-store");
    res.end(a.body());
  }

  private static void sendFile(RoutingContext ctx, Answer a) {
    HttpServerResponse res = ctx.response();
    String type = a.contentType() == null ? "application/octet-stream" : a.contentType().toLowerCase();
    boolean inline = INLINE_TYPES.contains(type);
    res.putHeader("Content-Type", inline ? type : "application/octet-stream");
    String name = a.downloadName() == null ? a.file().getFileName().toString() : a.downloadName();
    String safeName = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    res.putHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + safeName + "\"");
    res.putHeader("Accept-Ranges", "bytes");
    res.putHeader("Cache-Control", "private, no-store");
    long size;
    try {
      size = Files.size(a.file());
    } catch (java.io.IOException e) {
      res.setStatusCode(404).end();
      return;
    }
    String range = ctx.request().getHeader("Range");
    long[] r = range == null ? null : parseRange(range, size);
    if (range != null && r == null) {
      res.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
      return;
    }
    if (r != null) {
      res.setStatusCode(206).putHeader("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
      res.sendFile(a.file().toString(), r[0], r[1] - r[0] + 1);
    } else {
      res.sendFile(a.file().toString());
    }
  }

  /** One range, "bytes=a-b", "bytes=a-" or "bytes=-n"; null when it cannot be satisfied. */
  static long[] parseRange(String header, long size) {
    if (!header.startsWith("bytes=") || header.contains(",") || size == 0) return null;
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) return null;
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      long start;
      long end;
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        if (n <= 0) return null;
        start = Math.max(0, size - n);
        end = size - 1;
      } else {
        start = Long.parseLong(a);
        end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      }
      return start > end || start >= size ? null : new long[] {start, end};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
