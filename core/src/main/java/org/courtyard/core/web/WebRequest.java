package org.courtyard.core.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Upload;
import org.courtyard.core.identity.User;
import org.courtyard.core.spaces.Space;

/**
 * One request as the core's handlers see it, on a worker thread: the signed-in user, the form, the
 * session's flash messages, and what the layout should show (space, tool, breadcrumbs).
 */
public final class WebRequest {
  public static final String SESSION_USER = org.courtyard.core.web.session.DatabaseSessionStore.SESSION_USER;
  public static final String SESSION_CSRF = "csrf";
  static final String SESSION_FLASH = "flash";

  private final RoutingContext ctx;
  private final User user;
  private Space space;
  private String toolId;
  private final List<Crumb> crumbs = new ArrayList<>();

  public record Crumb(String name, String url) {}

  private final Layout layout;

  WebRequest(RoutingContext ctx, User user, Layout layout) {
    this.ctx = ctx;
    this.user = user;
    this.layout = layout;
  }

  /** The reader's language. */
  public org.courtyard.core.i18n.Language language() { return layout.language(this); }

  /** Words from the core's messages in the reader's language; arguments as name, value, name, value... */
  public String t(String key, Object... namesAndValues) {
    return layout.messages().format(null, language().code(), key, org.courtyard.core.i18n.Messages.args(namesAndValues), layout.overrides(this));
  }

  /** Words a class with no request gave (a refusal, a permission's reason), in the reader's language. */
  public String t(org.courtyard.core.i18n.Words words) {
    return words.in(layout.messages(), language().code(), layout.overrides(this));
  }

  /**
   * What a refusal says to this reader: a {@link org.courtyard.core.i18n.Refusal}'s words in their
   * language, any other exception's message as it was written.
   */
  public String problem(RuntimeException e) {
    return e instanceof org.courtyard.core.i18n.Refusal r ? t(r.words()) : e.getMessage();
  }

  /** This request's reader, for services a tool calls without its request (see {@link org.courtyard.core.i18n.ReaderWords}). */
  org.courtyard.core.i18n.ReaderWords.Reader reader() {
    return new org.courtyard.core.i18n.ReaderWords.Reader() {
      @Override public String language() { return WebRequest.this.language().code(); }

      @Override public String t(org.courtyard.core.i18n.Words words) { return WebRequest.this.t(words); }
    };
  }

  public RoutingContext routing() { return ctx; }

  /** The signed-in user, or null on public pages. */
  public User user() { return user; }

  public User requireUser() {
    if (user == null) throw new HttpProblem(401, t("error.pleaseSignIn"));
    return user;
  }

  public Session session() { return ctx.session(); }

  /** The form token of this request: the signed-in session's, or a visitor's (renewed at sign-in). */
  public String csrfToken() {
    if (session() != null && session().get(SESSION_USER) != null && session().get(SESSION_CSRF) != null) return session().get(SESSION_CSRF);
    String t = ctx.get(Csrf.CONTEXT_KEY);
    return t == null ? "" : t;
  }

  public String pathParam(String name) {
    String v = ctx.pathParam(name);
    return v == null ? "" : v;
  }

  public long pathId(String name) {
    try {
      return Long.parseLong(pathParam(name));
    } catch (NumberFormatException e) {
      throw HttpProblem.notFound(t("error.noPage"));
    }
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(ctx.request().getParam(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  public MultiMap formMap() { return ctx.request().formAttributes(); }

  public String form(String name) {
    String v = ctx.request().getFormAttribute(name);
    return v == null ? "" : v.trim();
  }

  public List<String> formAll(String name) { return formMap().getAll(name); }

  public long formId(String name) {
    try {
      return Long.parseLong(form(name));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest(t("error.formIncomplete"));
    }
  }

  public List<Upload> uploads() {
    List<Upload> out = new ArrayList<>();
    for (FileUpload f : ctx.fileUploads()) {
      if (f.size() == 0 && (f.fileName() == null || f.fileName().isEmpty())) continue;
      out.add(new Upload(f.name(), f.fileName(), f.contentType(), f.size(), Path.of(f.uploadedFileName())));
    }
    return out;
  }

  public String method() { return ctx.request().method().name(); }

  /** The client's address (see {@link ClientAddress}). */
  public String clientAddress() {
    String a = ctx.get(ClientAddress.CONTEXT_KEY);
    return a != null ? a : ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
  }

  public String path() { return ctx.request().path(); }

  /** A message shown once on the next page. */
  public void flash(String message) {
    if (session() == null || message == null) return;
    // A JsonArray, not a List: sessions are stored in Vert.x's typed encoding, which has no plain lists.
    io.vertx.core.json.JsonArray list = session().get(SESSION_FLASH);
    session().put(SESSION_FLASH, (list == null ? new io.vertx.core.json.JsonArray() : list.copy()).add(message));
  }

  List<String> takeFlashes() {
    if (session() == null) return List.of();
    io.vertx.core.json.JsonArray list = session().remove(SESSION_FLASH);
    if (list == null) return List.of();
    List<String> out = new ArrayList<>();
    list.forEach(m -> out.add(String.valueOf(m)));
    return out;
  }

  public WebRequest inSpace(Space space) { this.space = space; return this; }

  public WebRequest inTool(String toolId) { this.toolId = toolId; return this; }

  public WebRequest crumb(String name, String url) { crumbs.add(new Crumb(name, url)); return this; }

  public Space space() { return space; }

  public String toolId() { return toolId; }

  List<Crumb> crumbs() { return crumbs; }
}
