package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.ContentLanguage;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

import static org.courtyard.plugins.blog.BlogTool.COMMENT;
import static org.courtyard.plugins.blog.BlogTool.FEED;
import static org.courtyard.plugins.blog.BlogTool.MODERATE;
import static org.courtyard.plugins.blog.BlogTool.VIEW;
import static org.courtyard.plugins.blog.BlogTool.WRITE;

/** The blog's pages under /s/{space}/blog. */
final class BlogRoutes implements Routes {
  static final int MAX_BODY = 50_000;
  static final int MAX_TITLE = 200;
  static final int MAX_COMMENT = 5000;
  static final long MAX_MEDIA = 20L * 1024 * 1024;
  // The blog's words are in messages/blog*.properties (English, Welsh, Polish, Urdu, Arabic).
  static final Message INDEX_TITLE = Message.of("blog.index.pageTitle");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_WRITE = Message.of("blog.activity.wrote");
  static final Message DID_COMMENT = Message.of("blog.activity.commented");
  /** Notifications, each in its recipient's language. */
  static final Message NOTIFY_COMMENT = Message.of("blog.notify.comment");
  static final Message NOTIFY_HELD = Message.of("blog.notify.held");
  static final Message NOTIFY_APPROVED = Message.of("blog.notify.approved");
  static final Message DRAFTS_TITLE = Message.of("blog.drafts.title");
  static final Message WRITE_TITLE = Message.of("blog.edit.write");
  static final Message EDIT_TITLE = Message.of("blog.edit.pageTitle");
  static final Message SEARCH_TITLE = Message.of("blog.search.title");
  static final Message NO_POST = Message.of("blog.problem.noPost");
  static final Message ONLY_WRITER = Message.of("blog.problem.onlyWriter");
  static final Message TITLE_EMPTY = Message.of("blog.problem.titleEmpty");
  static final Message TITLE_LONG = Message.of("blog.problem.titleLong");
  static final Message BODY_LONG = Message.of("blog.problem.bodyLong");
  static final Message WHEN = Message.of("blog.problem.when");
  static final Message COMMENTS_OFF = Message.of("blog.problem.commentsOff");
  static final Message COMMENT_EMPTY = Message.of("blog.problem.commentEmpty");
  static final Message COMMENT_LONG = Message.of("blog.problem.commentLong");
  static final Message NO_COMMENT = Message.of("blog.problem.noComment");
  static final Message NO_FILE = Message.of("blog.problem.noFile");
  static final Message NO_FEED = Message.of("blog.problem.noFeed");
  static final Message SAVED_DRAFT = Message.of("blog.flash.draft");
  static final Message SCHEDULED = Message.of("blog.flash.scheduled");
  static final Message PUBLISHED = Message.of("blog.flash.published");
  static final Message HELD = Message.of("blog.flash.held");
  static final Message COMMENTED = Message.of("blog.flash.commented");
  static final Message SHOWN = Message.of("blog.flash.shown");
  static final Message HIDDEN = Message.of("blog.flash.hidden");
  static final Message FEED_TITLE = Message.of("blog.feed.title");
  private final BlogStore store;
  private final ToolServices core;

  @Inject
  BlogRoutes(BlogStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", VIEW, this::index);
    r.get("/new", WRITE, req -> editor(req, null));
    r.post("/posts", WRITE, this::create, req -> editor(req, null));
    r.get("/drafts", WRITE, this::drafts);
    r.get("/posts/:id", VIEW, this::show);
    r.get("/posts/:id/edit", WRITE, this::editForm);
    r.post("/posts/:id", WRITE, this::update, this::editForm);
    r.post("/posts/:id/comments", COMMENT, this::comment, this::show);
    r.post("/comments/:id/approve", MODERATE, req -> moderateComment(req, "visible"));
    r.post("/comments/:id/hide", MODERATE, req -> moderateComment(req, "hidden"));
    r.get("/media/:id", VIEW, this::media);
    r.get("/search", VIEW, this::search);
    r.get("/feed", FEED, this::feed);
  }

  private ZoneId zone(ToolRequest req) { return core.directory().timeZone(req.space().schoolId()); }

  private Reply index(ToolRequest req) {
    String month = req.query("month").filter(m -> m.matches("\\d{4}-(0[1-9]|1[0-2])")).orElse(null);
    List<Map<String, Object>> posts = new ArrayList<>();
    for (BlogStore.Post p : store.published(req.space().id(), month, zone(req))) posts.add(summary(p));
    Map<String, Object> m = new HashMap<>();
    m.put("posts", posts);
    m.put("months", store.months(req.space().id(), zone(req)));
    m.put("month", month);
    m.put("public", req.setting(BlogTool.PUBLIC));
    return Page.of("blog/index", m).title(req.text(INDEX_TITLE, "space", req.space().name()));
  }

  private Map<String, Object> summary(BlogStore.Post p) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("author", p.authorName());
    m.put("at", p.publishAt());
    m.put("html", p.body());
    m.put("draft", p.draft());
    m.put("scheduled", p.scheduled());
    // The language it is written in ("" for the page's), so its title and words are marked for screen readers.
    m.put("lang", p.lang() == null ? "" : p.lang());
    return m;
  }

  private boolean mayEdit(ToolRequest req, BlogStore.Post p) { return p.authorId() == req.user().id() || req.can(MODERATE); }

  /** A post as this user may see it: live posts for everyone, drafts and scheduled posts for their author and teachers. */
  private BlogStore.Post visiblePost(ToolRequest req, long id) {
    BlogStore.Post p = store.post(req.space().id(), id).orElseThrow(() -> HttpProblem.notFound(req.text(NO_POST)));
    if (!p.live() && !(req.signedIn() && mayEdit(req, p))) throw HttpProblem.notFound(req.text(NO_POST));
    return p;
  }

  private Page show(ToolRequest req) {
    BlogStore.Post p = visiblePost(req, req.pathId("id"));
    boolean moderator = req.can(MODERATE);
    List<Map<String, Object>> comments = new ArrayList<>();
    for (BlogStore.Comment c : store.comments(p.id())) {
      if (c.hidden() && !moderator) continue;
      if (c.pending() && !moderator && c.authorId() != req.user().id()) continue;
      comments.add(Map.of("id", c.id(), "author", c.authorName(), "html", core.sanitizer().textToHtml(c.body()), "at", c.at(), "pending", c.pending(),
          "hidden", c.hidden(), "commentLang", c.lang() == null ? "" : c.lang()));
    }
    Map<String, Object> m = summary(p);
    m.put("media", store.media(p.id()));
    m.put("comments", comments);
    m.put("canEdit", mayEdit(req, p));
    m.put("commentsOn", !"off".equals(req.setting(BlogTool.COMMENTS)));
    return Page.of("blog/post", m).title(p.title());
  }

  private Reply drafts(ToolRequest req) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (BlogStore.Post p : store.unpublished(req.space().id(), req.user().id(), req.can(MODERATE))) list.add(summary(p));
    return Page.of("blog/drafts", Map.of("posts", list)).title(req.text(DRAFTS_TITLE));
  }

  private Page editor(ToolRequest req, BlogStore.Post p) {
    Map<String, Object> m = new HashMap<>();
    m.put("post", p);
    m.put("title", p == null ? "" : p.title());
    m.put("body", p == null ? "" : p.body());
    m.put("publishAt", p == null || p.publishAt() == null || !p.scheduled() ? ""
        : LocalDateTime.ofInstant(p.publishAt(), zone(req)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    m.put("action", p == null ? "/posts" : "/posts/" + p.id());
    m.put("lang", p == null || p.lang() == null ? "" : p.lang());
    return Page.of("blog/edit", m).title(p == null ? req.text(WRITE_TITLE) : req.text(EDIT_TITLE, "title", p.title()));
  }

  private BlogStore.Post editable(ToolRequest req) {
    BlogStore.Post p = store.post(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_POST)));
    if (!mayEdit(req, p)) throw HttpProblem.forbidden(req.text(ONLY_WRITER));
    return p;
  }

  private Page editForm(ToolRequest req) { return editor(req, editable(req)); }

  /** Title, cleaned body, status and publishing time from the form. */
  private record Draft(String title, String body, String status, Instant publishAt) {}

  /** The language the writer says the text is in, or null for the page's (a malformed one is dropped). */
  private static String contentLanguage(ToolRequest req) { return ContentLanguage.of(req.form("lang")).orElse(null); }

  /** Reads the form; an {@link InputProblem} for each field that is wrong, so the form comes back with what was typed. */
  private Draft read(ToolRequest req) {
    InputProblem problem = null;
    String title = req.form("title");
    if (title.isEmpty()) problem = add(problem, "title", req.text(TITLE_EMPTY));
    if (title.length() > MAX_TITLE) problem = add(problem, "title", req.text(TITLE_LONG, "max", MAX_TITLE));
    if (req.form("body").length() > MAX_BODY) problem = add(problem, "body", req.text(BODY_LONG, "max", MAX_BODY));
    Instant now = core.clock().instant();
    Draft d = null;
    switch (req.form("action")) {
      case "publish" -> d = new Draft(title, null, BlogStore.PUBLISHED, now);
      case "schedule" -> {
        try {
          Instant at = LocalDateTime.parse(req.form("publishAt")).atZone(zone(req)).toInstant();
          d = new Draft(title, null, at.isAfter(now) ? BlogStore.SCHEDULED : BlogStore.PUBLISHED, at.isAfter(now) ? at : now);
        } catch (DateTimeParseException e) {
          problem = add(problem, "publishAt", req.text(WHEN));
        }
      }
      default -> d = new Draft(title, null, BlogStore.DRAFT, null);
    }
    if (problem != null) throw problem;
    return new Draft(d.title(), core.sanitizer().sanitize(req.form("body")), d.status(), d.publishAt());
  }

  private static InputProblem add(InputProblem p, String field, String message) {
    return p == null ? InputProblem.of(field, message) : p.and(field, message);
  }

  /** Pictures and sounds: each checked by its content and the size limit before any is stored. */
  private List<Uploads.Stored> acceptMedia(ToolRequest req) {
    return core.uploads().acceptAll(req.uploads(), "media", MAX_MEDIA, Uploads.Kind.IMAGE, Uploads.Kind.AUDIO);
  }

  private void saveMedia(long postId, List<Uploads.Stored> stored) {
    for (Uploads.Stored s : stored) store.addMedia(postId, s.key(), s.fileName(), s.contentType());
  }

  private Reply create(ToolRequest req) {
    Draft d = read(req);
    List<Uploads.Stored> stored = acceptMedia(req);
    long id = store.create(req.space().id(), req.user(), d.title(), d.body(), d.status(), d.publishAt(), contentLanguage(req));
    saveMedia(id, stored);
    core.activity().record(req.user(), req.space(), BlogStore.DRAFT.equals(d.status()) ? "draft" : "post", DID_WRITE, "title", d.title());
    return Reply.redirect("posts/" + id).flash(flash(req, d));
  }

  private Reply update(ToolRequest req) {
    BlogStore.Post p = editable(req);
    Draft d = read(req);
    List<Uploads.Stored> stored = acceptMedia(req);
    store.update(p.id(), d.title(), d.body(), d.status(), d.publishAt(), contentLanguage(req));
    saveMedia(p.id(), stored);
    return Reply.redirect("posts/" + p.id()).flash(flash(req, d));
  }

  private String flash(ToolRequest req, Draft d) {
    if (BlogStore.DRAFT.equals(d.status())) return req.text(SAVED_DRAFT);
    if (BlogStore.SCHEDULED.equals(d.status())) {
      // The day with its month's name in the reader's language, the time on the 24-hour clock, in the school's zone.
      java.time.ZonedDateTime at = d.publishAt().atZone(zone(req));
      java.util.Locale locale = "en".equals(req.language()) ? java.util.Locale.UK : java.util.Locale.forLanguageTag(req.language());
      return req.text(SCHEDULED, "date", at.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale)), "time", at.format(DateTimeFormatter.ofPattern("HH:mm")));
    }
    return req.text(PUBLISHED);
  }

  private Reply comment(ToolRequest req) {
    BlogStore.Post p = visiblePost(req, req.pathId("id"));
    String mode = req.setting(BlogTool.COMMENTS);
    if ("off".equals(mode)) throw HttpProblem.forbidden(req.text(COMMENTS_OFF));
    String body = req.form("body");
    if (body.isEmpty()) throw InputProblem.of("body", req.text(COMMENT_EMPTY));
    if (body.length() > MAX_COMMENT) throw InputProblem.of("body", req.text(COMMENT_LONG, "max", MAX_COMMENT, "length", body.length()));
    boolean held = "before".equals(mode) && !req.can(MODERATE) && (req.user().kind() == UserKind.LEARNER || req.user().kind() == UserKind.PARENT);
    store.comment(p.id(), p.spaceId(), req.user(), body, held ? "pending" : "visible", contentLanguage(req));
    if (held) tellModerators(req, p);
    else tellAuthor(req, p, req.user().id(), req.user().displayName());
    core.activity().record(req.user(), req.space(), "comment", DID_COMMENT, "title", p.title());
    return Reply.redirect("posts/" + p.id()).flash(req.text(held ? HELD : COMMENTED));
  }

  private Reply moderateComment(ToolRequest req, String status) {
    BlogStore.Comment c = store.commentById(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_COMMENT)));
    store.setCommentStatus(c.id(), status);
    if ("visible".equals(status) && c.pending()) {
      BlogStore.Post p = store.post(req.space().id(), c.postId()).orElse(null);
      if (p != null) {
        if (c.authorId() != req.user().id()) {
          core.notifications().notify(BlogTool.KIND_APPROVED, c.authorId(), NOTIFY_APPROVED, req.toolUrl() + "/posts/" + p.id(), "title", p.title());
        }
        tellAuthor(req, p, c.authorId(), c.authorName());
      }
    }
    return Reply.redirect("posts/" + c.postId()).flash(req.text("visible".equals(status) ? SHOWN : HIDDEN));
  }

  /** The post's writer hears of a comment others can now read; not when they wrote it, nor when they let it through. */
  private void tellAuthor(ToolRequest req, BlogStore.Post p, long commenterId, String commenterName) {
    if (p.authorId() == commenterId || p.authorId() == req.user().id()) return;
    core.notifications().notify(BlogTool.KIND_COMMENT, p.authorId(), NOTIFY_COMMENT, req.toolUrl() + "/posts/" + p.id(),
        "name", commenterName, "title", p.title());
  }

  /** Those who may approve comments in the space (not the writer) hear that one waits for them. */
  private void tellModerators(ToolRequest req, BlogStore.Post p) {
    String capability = BlogTool.ID + "." + BlogTool.MODERATE.name();
    long spaceId = req.space().id();
    for (var m : core.directory().members(spaceId)) {
      long uid = m.user().id();
      if (uid != req.user().id() && core.permissions().can(uid, capability, spaceId)) {
        core.notifications().notify(BlogTool.KIND_HELD, uid, NOTIFY_HELD, req.toolUrl() + "/posts/" + p.id(),
            "name", req.user().displayName(), "title", p.title());
      }
    }
  }

  private Reply media(ToolRequest req) {
    BlogStore.Media item = store.mediaItem(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    visiblePost(req, item.postId());
    return core.uploads().serve(item.fileKey(), item.contentType(), item.fileName());
  }

  private Reply search(ToolRequest req) {
    String q = req.query("q").orElse("");
    List<Map<String, Object>> hits = new ArrayList<>();
    if (q.length() >= 2) for (BlogStore.Post p : store.search(req.space().id(), q)) hits.add(summary(p));
    return Page.of("blog/search", Map.of("q", q, "hits", hits, "searched", q.length() >= 2)).title(req.text(SEARCH_TITLE));
  }

  /** Atom, for public blogs only; a blog that is not public has no feed at all. */
  private Reply feed(ToolRequest req) {
    if (!req.setting(BlogTool.PUBLIC)) throw HttpProblem.notFound(req.text(NO_FEED));
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.append("<title>").append(xml(req.text(FEED_TITLE, "space", req.space().name()))).append("</title>\n<id>urn:courtyard:blog:").append(req.space().id()).append("</id>\n");
    List<BlogStore.Post> posts = store.published(req.space().id(), null, zone(req));
    x.append("<updated>").append(posts.isEmpty() ? core.clock().instant() : posts.get(0).publishAt()).append("</updated>\n");
    x.append("<link href=\"").append(xml(req.toolUrl())).append("\"/>\n");
    for (BlogStore.Post p : posts) {
      // The language the writer chose marks their title and words (Atom allows xml:lang on any element).
      String lang = p.lang() == null ? "" : " xml:lang=\"" + xml(p.lang()) + "\"";
      x.append("<entry><title").append(lang).append(">").append(xml(p.title())).append("</title><id>urn:courtyard:blog-post:").append(p.id()).append("</id>")
          .append("<updated>").append(p.publishAt()).append("</updated><author><name>").append(xml(p.authorName())).append("</name></author>")
          .append("<link href=\"").append(xml(req.toolUrl() + "/posts/" + p.id())).append("\"/>")
          .append("<content type=\"html\"").append(lang).append(">").append(xml(p.body())).append("</content></entry>\n");
    }
    return Reply.text(x.append("</feed>\n").toString(), "application/atom+xml; charset=utf-8");
  }

  /** Feed text: escaped, and characters XML cannot carry (a pasted control character) left out rather than breaking the feed. */
  private static String xml(String s) { return org.courtyard.api.roster.SafeXml.escape(s); }
}
