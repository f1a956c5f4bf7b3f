package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** The blog's pages under /s/{space}/blog. */
final class BlogRoutes implements Routes {
  static final int MAX_BODY = 50_000;
  static final long MAX_MEDIA = 20L * 1024 * 1024;
  private final BlogStore store;
  private final HtmlSanitizer sanitizer;
  private final FileStore files;
  private final ActivityLog activity;

  @Inject
  BlogRoutes(BlogStore store, HtmlSanitizer sanitizer, FileStore files, ActivityLog activity) {
    this.store = store;
    this.sanitizer = sanitizer;
    this.files = files;
    this.activity = activity;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", "view", this::index);
    r.get("/new", "write", req -> editor(req, null, "", "", null, 200));
    r.post("/posts", "write", this::create);
    r.get("/drafts", "write", this::drafts);
    r.get("/posts/:id", "view", this::show);
    r.get("/posts/:id/edit", "write", this::editForm);
    r.post("/posts/:id", "write", this::update);
    r.post("/posts/:id/comments", "comment", this::comment);
    r.post("/comments/:id/approve", "moderate", req -> moderateComment(req, "visible"));
    r.post("/comments/:id/hide", "moderate", req -> moderateComment(req, "hidden"));
    r.get("/media/:id", "view", this::media);
    r.get("/search", "view", this::search);
    r.get("/feed", "feed", this::feed);
  }

  private Reply index(ToolRequest req) {
    String month = req.query("month").filter(m -> m.matches("\\d{4}-\\d{2}")).orElse(null);
    Instant now = Instant.now();
    List<Map<String, Object>> posts = new ArrayList<>();
    for (BlogStore.Post p : store.published(req.space().id(), now, month)) posts.add(summary(p));
    Map<String, Object> m = new HashMap<>();
    m.put("posts", posts);
    m.put("months", store.months(req.space().id(), now));
    m.put("month", month);
    m.put("public", "true".equals(req.setting("public")));
    return Page.of("blog/index", m).title("Blog · " + req.space().name());
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
    return m;
  }

  private boolean mayEdit(ToolRequest req, BlogStore.Post p) { return p.authorId() == req.user().id() || req.can("moderate"); }

  /** A post as this user may see it: live posts for everyone, drafts and scheduled posts for their author and teachers. */
  private BlogStore.Post visiblePost(ToolRequest req, long id) {
    BlogStore.Post p = store.post(req.space().id(), id).orElseThrow(() -> HttpProblem.notFound("There is no such post."));
    if (!p.live(Instant.now()) && !(req.signedIn() && mayEdit(req, p))) throw HttpProblem.notFound("There is no such post.");
    return p;
  }

  private Reply show(ToolRequest req) {
    BlogStore.Post p = visiblePost(req, req.pathId("id"));
    boolean moderator = req.can("moderate");
    List<Map<String, Object>> comments = new ArrayList<>();
    for (BlogStore.Comment c : store.comments(p.id())) {
      if (c.hidden() && !moderator) continue;
      if (c.pending() && !moderator && c.authorId() != req.user().id()) continue;
      comments.add(Map.of("id", c.id(), "author", c.authorName(), "html", sanitizer.textToHtml(c.body()), "at", c.at(), "pending", c.pending(), "hidden", c.hidden()));
    }
    Map<String, Object> m = summary(p);
    m.put("media", store.media(p.id()));
    m.put("comments", comments);
    m.put("canEdit", mayEdit(req, p));
    m.put("commentsOn", !"off".equals(req.setting("comments")));
    return Page.of("blog/post", m).title(p.title());
  }

  private Reply drafts(ToolRequest req) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (BlogStore.Post p : store.unpublished(req.space().id(), req.user().id(), req.can("moderate"))) list.add(summary(p));
    return Page.of("blog/drafts", Map.of("posts", list)).title("Drafts and scheduled posts");
  }

  private Page editor(ToolRequest req, BlogStore.Post p, String title, String body, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("post", p);
    m.put("title", title);
    m.put("body", body);
    m.put("error", error);
    m.put("action", p == null ? "/posts" : "/posts/" + p.id());
    return Page.of("blog/edit", m).title(p == null ? "Write a post" : "Edit " + p.title()).status(status);
  }

  private Reply editForm(ToolRequest req) {
    BlogStore.Post p = store.post(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such post."));
    if (!mayEdit(req, p)) throw HttpProblem.forbidden("Only its writer or a teacher can change a post.");
    return editor(req, p, p.title(), p.body(), null, 200);
  }

  /** Title, cleaned body, status and publishing time from the form; throws with a message for the form. */
  private record Draft(String title, String body, String status, Instant publishAt) {}

  private Draft read(ToolRequest req) {
    String title = req.form("title");
    String body = sanitizer.sanitize(req.form("body"));
    if (title.isEmpty() || title.length() > 200) throw new IllegalArgumentException("Give the post a title (at most 200 characters).");
    if (req.form("body").length() > MAX_BODY) throw new IllegalArgumentException("The post is too long.");
    for (Upload u : req.uploads()) {
      String type = ContentTypes.sniff(u.file());
      if (u.size() > MAX_MEDIA) throw new IllegalArgumentException(u.fileName() + " is bigger than 20 MB.");
      if (!ContentTypes.isImage(type) && !ContentTypes.isAudio(type)) throw new IllegalArgumentException(u.fileName() + " is not a picture or a sound.");
    }
    return switch (req.form("action")) {
      case "publish" -> new Draft(title, body, "published", Instant.now());
      case "schedule" -> {
        try {
          Instant at = LocalDateTime.parse(req.form("publishAt")).atZone(ZoneId.systemDefault()).toInstant();
          yield new Draft(title, body, "published", at);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("Choose the date and time to publish it.");
        }
      }
      default -> new Draft(title, body, "draft", null);
    };
  }

  private void saveMedia(ToolRequest req, long postId) throws IOException {
    for (Upload u : req.uploads()) {
      String name = u.fileName() == null || u.fileName().isBlank() ? "media" : u.fileName();
      String type = ContentTypes.sniff(u.file()); // before putFile, which moves the file away
      store.addMedia(postId, files.putFile(u.file()), name.length() > 200 ? name.substring(0, 200) : name, type);
    }
  }

  private Reply create(ToolRequest req) throws IOException {
    Draft d;
    try {
      d = read(req);
    } catch (IllegalArgumentException e) {
      return editor(req, null, req.form("title"), req.form("body"), e.getMessage() + " Nothing was saved.", 422);
    }
    long id = store.create(req.space().id(), req.user(), d.title(), d.body(), d.status(), d.publishAt());
    saveMedia(req, id);
    activity.record(req.user(), req.space(), "draft".equals(d.status()) ? "draft" : "post", "wrote “" + d.title() + "”");
    return Reply.redirect("posts/" + id).flash(flash(d));
  }

  private Reply update(ToolRequest req) throws IOException {
    BlogStore.Post p = store.post(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such post."));
    if (!mayEdit(req, p)) throw HttpProblem.forbidden("Only its writer or a teacher can change a post.");
    Draft d;
    try {
      d = read(req);
    } catch (IllegalArgumentException e) {
      return editor(req, p, req.form("title"), req.form("body"), e.getMessage() + " Nothing was saved.", 422);
    }
    store.update(p.id(), d.title(), d.body(), d.status(), d.publishAt());
    saveMedia(req, p.id());
    return Reply.redirect("posts/" + p.id()).flash(flash(d));
  }

  private static String flash(Draft d) {
    if ("draft".equals(d.status())) return "Saved as a draft: only you and your teachers can see it.";
    return d.publishAt().isAfter(Instant.now()) ? "Scheduled: it appears on " + d.publishAt() + "." : "Published.";
  }

  private Reply comment(ToolRequest req) {
    BlogStore.Post p = visiblePost(req, req.pathId("id"));
    String mode = req.setting("comments");
    if ("off".equals(mode)) throw HttpProblem.forbidden("Comments are switched off on this blog.");
    String body = req.form("body");
    if (body.isEmpty() || body.length() > 5000) return Reply.redirect("posts/" + p.id()).flash("Write a comment of at most 5,000 characters. Nothing was saved.");
    boolean held = "before".equals(mode) && !req.can("moderate") && (req.user().kind() == UserKind.LEARNER || req.user().kind() == UserKind.PARENT);
    store.comment(p.id(), p.spaceId(), req.user(), body, held ? "pending" : "visible");
    activity.record(req.user(), req.space(), "comment", "commented on “" + p.title() + "”");
    return Reply.redirect("posts/" + p.id()).flash(held ? "Thank you! A teacher will check your comment first." : "Comment added.");
  }

  private Reply moderateComment(ToolRequest req, String status) {
    BlogStore.Comment c = store.commentById(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such comment."));
    store.setCommentStatus(c.id(), status);
    return Reply.redirect("posts/" + c.postId()).flash("visible".equals(status) ? "Comment shown." : "Comment hidden.");
  }

  private Reply media(ToolRequest req) {
    BlogStore.Media item = store.mediaItem(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    visiblePost(req, item.postId());
    return Reply.file(files.path(item.fileKey()).orElseThrow(() -> HttpProblem.notFound("That file is no longer here.")), item.contentType(), item.fileName());
  }

  private Reply search(ToolRequest req) {
    String q = req.query("q").orElse("");
    List<Map<String, Object>> hits = new ArrayList<>();
    if (q.length() >= 2) for (BlogStore.Post p : store.search(req.space().id(), Instant.now(), q)) hits.add(summary(p));
    return Page.of("blog/search", Map.of("q", q, "hits", hits, "searched", q.length() >= 2)).title("Search the blog");
  }

  /** Atom, for public blogs only; a blog that is not public has no feed at all. */
  private Reply feed(ToolRequest req) {
    if (!"true".equals(req.setting("public"))) throw HttpProblem.notFound("This blog has no public feed.");
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.append("<title>").append(xml(req.space().name())).append(" blog</title>\n<id>urn:courtyard:blog:").append(req.space().id()).append("</id>\n");
    List<BlogStore.Post> posts = store.published(req.space().id(), Instant.now(), null);
    x.append("<updated>").append(posts.isEmpty() ? Instant.now() : posts.get(0).publishAt()).append("</updated>\n");
    x.append("<link href=\"").append(xml(req.toolUrl())).append("\"/>\n");
    for (BlogStore.Post p : posts) {
      x.append("<entry><title>").append(xml(p.title())).append("</title><id>urn:courtyard:blog-post:").append(p.id()).append("</id>")
          .append("<updated>").append(p.publishAt()).append("</updated><author><name>").append(xml(p.authorName())).append("</name></author>")
          .append("<link href=\"").append(xml(req.toolUrl() + "/posts/" + p.id())).append("\"/>")
          .append("<content type=\"html\">").append(xml(p.body())).append("</content></entry>\n");
    }
    return Reply.text(x.append("</feed>\n").toString(), "application/atom+xml; charset=utf-8");
  }

  /** Feed text: escaped, and characters XML cannot carry (a pasted control character) left out rather than breaking the feed. */
  private static String xml(String s) { return org.courtyard.api.roster.SafeXml.escape(s); }
}
