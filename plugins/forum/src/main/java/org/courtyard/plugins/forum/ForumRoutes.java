package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** The forum's pages under /s/{space}/forum. */
final class ForumRoutes implements Routes {
  static final int MAX_BODY = 10_000;
  static final int MAX_TITLE = 200;
  static final int MAX_FILES = 3;
  private final ForumStore store;
  private final FileStore files;
  private final HtmlSanitizer sanitizer;
  private final Notifications notifications;
  private final ActivityLog activity;

  @Inject
  ForumRoutes(ForumStore store, FileStore files, HtmlSanitizer sanitizer, Notifications notifications, ActivityLog activity) {
    this.store = store;
    this.files = files;
    this.sanitizer = sanitizer;
    this.notifications = notifications;
    this.activity = activity;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", "view", this::index);
    r.post("/forums", "moderate", this::createForum);
    r.get("/f/:forum", "view", this::forumPage);
    r.post("/f/:forum/discussions", "post", this::startDiscussion);
    r.get("/d/:id", "view", this::discussionPage);
    r.post("/d/:id/replies", "post", this::reply);
    r.post("/d/:id/subscription", "view", this::subscription);
    r.post("/d/:id/sticky", "moderate", this::sticky);
    r.post("/d/:id/lock", "moderate", this::lock);
    r.post("/p/:id/report", "report", this::report);
    r.get("/moderation", "moderate", this::moderation);
    r.post("/p/:id/approve", "moderate", req -> moderate(req, "approve"));
    r.post("/p/:id/hide", "moderate", req -> moderate(req, "hide"));
    r.post("/p/:id/restore", "moderate", req -> moderate(req, "restore"));
    r.post("/p/:id/dismiss", "moderate", req -> moderate(req, "dismiss"));
    r.get("/search", "view", this::search);
    r.get("/files/:id", "view", this::file);
  }

  // --- pages ---

  private Reply index(ToolRequest req) {
    List<Map<String, Object>> forums = new ArrayList<>();
    for (ForumStore.Forum f : store.forums(req.space())) {
      forums.add(Map.of("id", f.id(), "title", f.title(), "description", f.description(), "qa", f.qa(), "discussions", store.discussions(f).size()));
    }
    return Page.of("forum/index", Map.of("forums", forums)).title("Forum · " + req.space().name());
  }

  private Reply createForum(ToolRequest req) {
    String title = req.form("title");
    if (title.isEmpty() || title.length() > MAX_TITLE) return Reply.redirect("").flash("Give the forum a name (at most 200 characters). Nothing was made.");
    long id = store.createForum(req.space(), title, req.form("description"), !"flat".equals(req.form("layout")), "true".equals(req.form("qa")));
    return Reply.redirect("f/" + id).flash("Forum made.");
  }

  private ForumStore.Forum forum(ToolRequest req, long id) {
    return store.forum(req.space(), id).orElseThrow(() -> HttpProblem.notFound("There is no such forum here."));
  }

  private Reply forumPage(ToolRequest req) {
    return forumPage(req, forum(req, req.pathId("forum")), null, "", "", 200);
  }

  private Page forumPage(ToolRequest req, ForumStore.Forum f, String error, String title, String body, int status) {
    List<Map<String, Object>> list = new ArrayList<>();
    boolean moderator = req.can("moderate");
    for (ForumStore.Discussion d : store.discussions(f)) {
      // A discussion whose opening post waits for a teacher (or was hidden) is listed only for its author and moderators.
      List<ForumStore.Post> posts = store.posts(d.id());
      boolean opened = !posts.isEmpty() && posts.get(0).visible();
      if (!opened && !moderator && d.authorId() != req.user().id()) continue;
      Map<String, Object> m = new HashMap<>();
      m.put("id", d.id());
      m.put("title", d.title());
      m.put("author", d.authorName());
      m.put("sticky", d.sticky());
      m.put("locked", d.locked());
      m.put("at", d.lastPostAt());
      m.put("unread", store.unread(d.id(), req.user().id()));
      list.add(m);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("forum", f);
    m.put("discussions", list);
    m.put("error", error);
    m.put("title", title);
    m.put("body", body);
    m.put("open", postingOpen(req));
    m.put("hours", hours(req));
    return Page.of("forum/forum", m).title(f.title()).status(status);
  }

  private ForumStore.Discussion discussion(ToolRequest req) {
    return store.discussion(req.space(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such discussion here."));
  }

  private Reply discussionPage(ToolRequest req) {
    return discussionPage(req, discussion(req), null, "", 200);
  }

  private Page discussionPage(ToolRequest req, ForumStore.Discussion d, String error, String body, int status) {
    ForumStore.Forum f = forum(req, d.forumId());
    boolean moderator = req.can("moderate");
    long me = req.user().id();
    List<ForumStore.Post> all = store.posts(d.id());
    List<ForumStore.Post> shown = new ArrayList<>();
    for (ForumStore.Post p : all) {
      if (p.visible() || moderator || (p.pending() && p.authorId() == me)) shown.add(p);
    }
    long firstId = all.isEmpty() ? 0 : all.get(0).id();
    boolean answered = !f.qa() || moderator || store.hasAnswered(d.id(), me);
    int before = shown.size();
    shown.removeIf(p -> Rules.hiddenUntilAnswered(f.qa(), moderator, answered, firstId, p.id(), p.authorId(), me));
    boolean answeredHidden = shown.size() < before;
    List<Map<String, Object>> top = new ArrayList<>();
    Map<Long, Map<String, Object>> byId = new HashMap<>();
    Map<Long, List<ForumStore.Attachment>> attachments = store.attachmentsOf(d.id());
    for (ForumStore.Post p : shown) {
      Map<String, Object> pm = postModel(req, p, moderator, attachments.getOrDefault(p.id(), List.of()));
      byId.put(p.id(), pm);
      boolean nested = f.threaded() && p.parentId() != null && p.parentId() != firstId && byId.containsKey(p.parentId());
      if (nested) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) byId.get(p.parentId()).get("children");
        children.add(pm);
      } else {
        top.add(pm);
      }
    }
    if (!all.isEmpty()) store.markRead(d.id(), me, all.get(all.size() - 1).id());
    Map<String, Object> m = new HashMap<>();
    m.put("forum", f);
    m.put("discussion", d);
    m.put("posts", top);
    m.put("qaHidden", answeredHidden);
    m.put("subscribed", store.subscribed(d.id(), me));
    m.put("error", error);
    m.put("body", body);
    m.put("open", postingOpen(req) && !d.locked());
    m.put("closedReason", d.locked() ? "This discussion is locked." : postingOpen(req) ? null : "Posting is closed now. " + hours(req));
    m.put("firstId", firstId);
    return Page.of("forum/discussion", m).title(d.title()).status(status);
  }

  private Map<String, Object> postModel(ToolRequest req, ForumStore.Post p, boolean moderator, List<ForumStore.Attachment> attachments) {
    Map<String, Object> pm = new HashMap<>();
    pm.put("id", p.id());
    pm.put("author", p.authorName());
    pm.put("at", p.createdAt());
    pm.put("bodyHtml", sanitizer.textToHtml(p.body()));
    pm.put("pending", p.pending());
    pm.put("hidden", p.hidden());
    pm.put("heldReason", p.heldReason());
    pm.put("hiddenReason", p.hiddenReason());
    pm.put("mine", p.authorId() == req.user().id());
    pm.put("children", new ArrayList<Map<String, Object>>());
    List<Map<String, Object>> att = new ArrayList<>();
    for (ForumStore.Attachment a : attachments) {
      att.add(Map.of("id", a.id(), "name", a.fileName(), "image", a.contentType().startsWith("image/"), "audio", a.contentType().startsWith("audio/"),
          "kb", Math.max(1, a.size() / 1024)));
    }
    pm.put("attachments", att);
    if (moderator) pm.put("reports", store.reports(p.id()));
    return pm;
  }

  // --- posting ---

  private boolean postingOpen(ToolRequest req) {
    return req.can("moderate") || Rules.postingOpen(req.setting("open-from"), req.setting("open-until"), LocalTime.now());
  }

  private String hours(ToolRequest req) {
    String from = req.setting("open-from");
    String until = req.setting("open-until");
    return from.isBlank() || until.isBlank() ? "" : "Posting is open from " + from + " to " + until + ".";
  }

  /** Checks a post before anything is saved; returns the message to show, or null. */
  private String problem(ToolRequest req, String title, boolean needsTitle, String body) {
    if (!postingOpen(req)) return "Posting is closed at the moment. " + hours(req) + " Your text is kept below.";
    if (needsTitle && (title.isEmpty() || title.length() > MAX_TITLE)) return "Give your discussion a title (at most 200 characters).";
    if (body.isEmpty()) return "Write something first.";
    if (body.length() > MAX_BODY) return "That is too long: at most " + MAX_BODY + " characters.";
    List<Upload> ups = req.uploads();
    if (ups.size() > MAX_FILES) return "Attach at most " + MAX_FILES + " files.";
    long max = Long.parseLong(req.setting("max-attachment-mb")) * 1024 * 1024;
    for (Upload u : ups) {
      if (u.size() > max) return u.fileName() + " is bigger than " + req.setting("max-attachment-mb") + " MB. Nothing was posted.";
      if (ContentTypes.sniff(u.file()) == null) return u.fileName() + " is not a picture, a sound or a document (PDF, Word…). Nothing was posted.";
    }
    return null;
  }

  private String[] statusFor(ToolRequest req, String text) {
    String word = Rules.filteredWord(req.setting("word-filter"), text);
    if (word != null) return new String[] {ForumStore.PENDING, "Uses a word on the school's list (" + word + ")."};
    if ("before".equals(req.setting("moderation")) && req.user().kind() == UserKind.LEARNER && !req.can("moderate")) {
      return new String[] {ForumStore.PENDING, "Learners' posts wait for a teacher in this space."};
    }
    return new String[] {ForumStore.VISIBLE, null};
  }

  private void saveAttachments(ToolRequest req, long postId) throws IOException {
    for (Upload u : req.uploads()) {
      String type = ContentTypes.sniff(u.file());
      String name = u.fileName() == null || u.fileName().isBlank() ? "attachment" : u.fileName();
      store.attach(postId, files.putFile(u.file()), name.length() > 200 ? name.substring(0, 200) : name, type, u.size());
    }
  }

  private Reply startDiscussion(ToolRequest req) throws Exception {
    ForumStore.Forum f = forum(req, req.pathId("forum"));
    String title = req.form("title");
    String body = req.form("body");
    String problem = problem(req, title, true, body);
    if (problem != null) return forumPage(req, f, problem, title, body, 422);
    String[] status = statusFor(req, title + " " + body);
    long d = store.startDiscussion(f, req.user(), title, body, status[0], status[1]);
    long first = store.posts(d).get(0).id();
    saveAttachments(req, first);
    activity.record(req.user(), req.space(), "discussion", "started “" + title + "”");
    return Reply.redirect("d/" + d).flash(ForumStore.PENDING.equals(status[0]) ? "Thank you! A teacher will check it before others see it." : "Discussion started.");
  }

  private Reply reply(ToolRequest req) throws Exception {
    ForumStore.Discussion d = discussion(req);
    String body = req.form("body");
    if (d.locked() && !req.can("moderate")) return discussionPage(req, d, "This discussion is locked.", body, 422);
    String problem = problem(req, "", false, body);
    if (problem != null) return discussionPage(req, d, problem, body, 422);
    Long parent = null;
    if (!req.form("parent").isEmpty()) {
      long parentId;
      try {
        parentId = Long.parseLong(req.form("parent"));
      } catch (NumberFormatException e) {
        throw HttpProblem.badRequest("That post is not in this discussion.");
      }
      ForumStore.Post p = store.post(req.space(), parentId)
          .filter(x -> x.discussionId() == d.id()).orElseThrow(() -> HttpProblem.badRequest("That post is not in this discussion."));
      // One level of threading: a reply to a reply joins its thread.
      parent = p.parentId() != null && store.posts(d.id()).get(0).id() != p.parentId() ? p.parentId() : p.id();
    }
    String[] status = statusFor(req, body);
    long id = store.addPost(d.id(), parent, d.spaceId(), req.user(), body, status[0], status[1]);
    saveAttachments(req, id);
    store.subscribe(d.id(), req.user().id());
    if (ForumStore.VISIBLE.equals(status[0])) tellSubscribers(req, d, req.user().id());
    activity.record(req.user(), req.space(), "reply", "replied in “" + d.title() + "”");
    return Reply.redirect("d/" + d.id()).flash(ForumStore.PENDING.equals(status[0]) ? "Thank you! A teacher will check it before others see it." : "Reply posted.");
  }

  private void tellSubscribers(ToolRequest req, ForumStore.Discussion d, long authorId) {
    for (long uid : store.subscribers(d.id())) {
      if (uid != authorId) notifications.notify(uid, "New reply in “" + d.title() + "”", req.toolUrl() + "/d/" + d.id());
    }
  }

  private Reply subscription(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    if ("off".equals(req.form("action"))) {
      store.unsubscribe(d.id(), req.user().id());
      return Reply.redirect("d/" + d.id()).flash("You will not be told about new replies.");
    }
    store.subscribe(d.id(), req.user().id());
    return Reply.redirect("d/" + d.id()).flash("You will be told about new replies.");
  }

  private Reply sticky(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    store.setSticky(d.id(), !d.sticky());
    return Reply.redirect("d/" + d.id()).flash(d.sticky() ? "No longer pinned." : "Pinned to the top.");
  }

  private Reply lock(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    store.setLocked(d.id(), !d.locked());
    return Reply.redirect("d/" + d.id()).flash(d.locked() ? "Unlocked: replies are open." : "Locked: no more replies.");
  }

  // --- moderation ---

  private ForumStore.Post post(ToolRequest req) {
    return store.post(req.space(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such post here."));
  }

  private Reply report(ToolRequest req) {
    ForumStore.Post p = post(req);
    if (!p.visible()) throw HttpProblem.notFound("There is no such post here.");
    String reason = req.form("reason");
    store.report(p.id(), req.user(), reason.isEmpty() ? "No reason given" : reason.length() > 500 ? reason.substring(0, 500) : reason);
    return Reply.redirect("d/" + p.discussionId()).flash("Thank you. A teacher will look at it.");
  }

  private Reply moderation(ToolRequest req) {
    List<Map<String, Object>> queue = new ArrayList<>();
    for (ForumStore.Post p : store.queue(req.space())) {
      Map<String, Object> pm = postModel(req, p, true, store.attachments(p.id()));
      pm.put("discussionId", p.discussionId());
      queue.add(pm);
    }
    return Page.of("forum/moderation", Map.of("queue", queue)).title("Moderation queue");
  }

  private Reply moderate(ToolRequest req, String action) {
    ForumStore.Post p = post(req);
    String back = "queue".equals(req.form("back")) ? "moderation" : "d/" + p.discussionId();
    switch (action) {
      case "approve" -> {
        store.setStatus(p.id(), ForumStore.VISIBLE, null);
        store.touch(p.discussionId());
        store.discussion(req.space(), p.discussionId()).ifPresent(d -> tellSubscribers(req, d, p.authorId()));
        activity.record(req.user(), req.space(), "approve", "approved a post by " + p.authorName());
        return Reply.redirect(back).flash("Approved: everyone can see it now.");
      }
      case "hide" -> {
        String reason = req.form("reason");
        if (reason.isEmpty()) return Reply.redirect(back).flash("Say why the post is hidden; it was not hidden.");
        store.setStatus(p.id(), ForumStore.HIDDEN, reason.length() > 300 ? reason.substring(0, 300) : reason);
        store.resolveReports(p.id());
        activity.record(req.user(), req.space(), "hide", "hid a post by " + p.authorName());
        return Reply.redirect(back).flash("Hidden. Only teachers can see it now.");
      }
      case "restore" -> {
        store.setStatus(p.id(), ForumStore.VISIBLE, null);
        return Reply.redirect(back).flash("Restored.");
      }
      default -> {
        store.resolveReports(p.id());
        return Reply.redirect("moderation").flash("Report dismissed; the post stays.");
      }
    }
  }

  // --- search and files ---

  private Reply search(ToolRequest req) {
    String q = req.query("q").orElse("");
    List<Map<String, Object>> hits = new ArrayList<>();
    if (q.length() >= 2) {
      for (ForumStore.Hit h : seen(store, req, store.search(req.space(), q))) {
        String excerpt = h.body().length() > 200 ? h.body().substring(0, 200) + "…" : h.body();
        hits.add(Map.of("discussionId", h.discussionId(), "title", h.title(), "author", h.authorName(), "excerpt", excerpt));
      }
    }
    return Page.of("forum/search", Map.of("q", q, "hits", hits, "searched", q.length() >= 2)).title("Search the forum");
  }

  /** The hits this person may see: the discussion page's Q&A rule, asked once per discussion. */
  static List<ForumStore.Hit> seen(ForumStore store, ToolRequest req, List<ForumStore.Hit> hits) {
    boolean moderator = req.can("moderate");
    long me = req.user() == null ? -1 : req.user().id();
    Map<Long, Boolean> answered = new HashMap<>();
    List<ForumStore.Hit> out = new ArrayList<>();
    for (ForumStore.Hit h : hits) {
      boolean hasAnswered = !h.qa() || moderator || answered.computeIfAbsent(h.discussionId(), d -> store.hasAnswered(d, me));
      if (!Rules.hiddenUntilAnswered(h.qa(), moderator, hasAnswered, h.questionId(), h.postId(), h.authorId(), me)) out.add(h);
    }
    return out;
  }

  private Reply file(ToolRequest req) {
    ForumStore.Attachment a = store.attachment(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    ForumStore.Post p = store.post(req.space(), a.postId()).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    boolean canSee = p.visible() || req.can("moderate") || (p.pending() && p.authorId() == req.user().id());
    if (!canSee) throw HttpProblem.notFound("There is no such file.");
    return Reply.file(files.path(a.fileKey()).orElseThrow(() -> HttpProblem.notFound("That file is no longer here.")), a.contentType(), a.fileName());
  }
}
