package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

import static org.courtyard.plugins.forum.ForumTool.MODERATE;
import static org.courtyard.plugins.forum.ForumTool.POST;
import static org.courtyard.plugins.forum.ForumTool.REPORT;
import static org.courtyard.plugins.forum.ForumTool.VIEW;

/** The forum's pages under /s/{space}/forum. */
final class ForumRoutes implements Routes {
  static final int MAX_BODY = 10_000;
  static final int MAX_TITLE = 200;
  static final int MAX_FILES = 3;
  private final ForumStore store;
  private final ToolServices core;

  @Inject
  ForumRoutes(ForumStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", VIEW, this::index);
    r.post("/forums", MODERATE, this::createForum, this::index);
    r.get("/f/:forum", VIEW, this::forumPage);
    r.post("/f/:forum/discussions", POST, this::startDiscussion, this::forumPage);
    r.get("/d/:id", VIEW, this::discussionPage);
    r.post("/d/:id/replies", POST, this::reply, this::discussionPage);
    r.post("/d/:id/subscription", VIEW, this::subscription);
    r.post("/d/:id/sticky", MODERATE, this::sticky);
    r.post("/d/:id/lock", MODERATE, this::lock);
    r.post("/p/:id/report", REPORT, this::report);
    r.get("/moderation", MODERATE, this::moderation);
    r.post("/p/:id/approve", MODERATE, req -> moderate(req, "approve"));
    r.post("/p/:id/hide", MODERATE, req -> moderate(req, "hide"));
    r.post("/p/:id/restore", MODERATE, req -> moderate(req, "restore"));
    r.post("/p/:id/dismiss", MODERATE, req -> moderate(req, "dismiss"));
    r.get("/search", VIEW, this::search);
    r.get("/files/:id", VIEW, this::file);
  }

  // --- pages ---

  private Page index(ToolRequest req) {
    List<Map<String, Object>> forums = new ArrayList<>();
    for (ForumStore.Forum f : store.forums(req.space())) {
      forums.add(Map.of("id", f.id(), "title", f.title(), "description", f.description(), "qa", f.qa(), "discussions", store.discussions(f).size()));
    }
    return Page.of("forum/index", Map.of("forums", forums)).title("Forum · " + req.space().name());
  }

  private Reply createForum(ToolRequest req) {
    String title = req.formText("title", "Name", MAX_TITLE);
    if (req.form("description").length() > 1000) throw InputProblem.of("description", "What it is for: at most 1000 characters.");
    long id = store.createForum(req.space(), title, req.form("description"), !"flat".equals(req.form("layout")), "true".equals(req.form("qa")));
    return Reply.redirect("f/" + id).flash("Forum made.");
  }

  private ForumStore.Forum forum(ToolRequest req, long id) {
    return store.forum(req.space(), id).orElseThrow(() -> HttpProblem.notFound("There is no such forum here."));
  }

  private Page forumPage(ToolRequest req) {
    ForumStore.Forum f = forum(req, req.pathId("forum"));
    List<Map<String, Object>> list = new ArrayList<>();
    boolean moderator = req.can(MODERATE);
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
    m.put("open", postingOpen(req));
    m.put("hours", hours(req));
    return Page.of("forum/forum", m).title(f.title());
  }

  private ForumStore.Discussion discussion(ToolRequest req) {
    return store.discussion(req.space(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such discussion here."));
  }

  private Page discussionPage(ToolRequest req) {
    return discussionPage(req, discussion(req));
  }

  private Page discussionPage(ToolRequest req, ForumStore.Discussion d) {
    ForumStore.Forum f = forum(req, d.forumId());
    boolean moderator = req.can(MODERATE);
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
    m.put("open", postingOpen(req) && !d.locked());
    m.put("closedReason", d.locked() ? "This discussion is locked." : postingOpen(req) ? null : "Posting is closed now. " + hours(req));
    m.put("firstId", firstId);
    return Page.of("forum/discussion", m).title(d.title());
  }

  private Map<String, Object> postModel(ToolRequest req, ForumStore.Post p, boolean moderator, List<ForumStore.Attachment> attachments) {
    Map<String, Object> pm = new HashMap<>();
    pm.put("id", p.id());
    pm.put("author", p.authorName());
    pm.put("at", p.createdAt());
    pm.put("bodyHtml", core.sanitizer().textToHtml(p.body()));
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
    if (req.can(MODERATE)) return true;
    LocalTime now = LocalTime.now(core.clock().withZone(core.directory().timeZone(req.space().schoolId())));
    return Rules.postingOpen(req.setting(ForumTool.OPEN_FROM), req.setting(ForumTool.OPEN_UNTIL), now);
  }

  private String hours(ToolRequest req) {
    String from = req.setting(ForumTool.OPEN_FROM);
    String until = req.setting(ForumTool.OPEN_UNTIL);
    return from.isBlank() || until.isBlank() ? "" : "Posting is open from " + from + " to " + until + ".";
  }

  /** Checks a post before anything is saved: an {@link InputProblem} naming each field that is wrong. */
  private void check(ToolRequest req, boolean needsTitle) {
    if (!postingOpen(req)) throw InputProblem.of("", "Posting is closed at the moment. " + hours(req) + " Your text is kept below.");
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    String title = req.form("title");
    if (needsTitle && title.isEmpty()) problems.put("title", "Give your discussion a title.");
    if (needsTitle && title.length() > MAX_TITLE) problems.put("title", "The title is too long: at most " + MAX_TITLE + " characters.");
    String body = req.form("body");
    if (body.isEmpty()) problems.put("body", "Write something first.");
    if (body.length() > MAX_BODY) problems.put("body", "That is too long: at most " + MAX_BODY + " characters (this has " + body.length() + ").");
    if (req.uploads().size() > MAX_FILES) problems.put("attachment", "Attach at most " + MAX_FILES + " files.");
    InputProblem problem = null;
    for (Map.Entry<String, String> e : problems.entrySet()) {
      problem = problem == null ? InputProblem.of(e.getKey(), e.getValue()) : problem.and(e.getKey(), e.getValue());
    }
    // No page named: the route shows its own form again (the forum or the discussion) with what was typed.
    if (problem != null) throw problem;
  }

  /** Checks every attachment (kind by content, the school's size limit) and stores them all, or none. */
  private List<Uploads.Stored> attachments(ToolRequest req) {
    long max = Math.max(1, req.setting(ForumTool.MAX_ATTACHMENT_MB)) * 1024 * 1024;
    return core.uploads().acceptAll(req.uploads(), "attachment", max, Uploads.Kind.IMAGE, Uploads.Kind.AUDIO, Uploads.Kind.DOCUMENT);
  }

  private String[] statusFor(ToolRequest req, String text) {
    String word = Rules.filteredWord(req.setting(ForumTool.WORD_FILTER), text);
    if (word != null) return new String[] {ForumStore.PENDING, "Uses a word on the school's list (" + word + ")."};
    if ("before".equals(req.setting(ForumTool.MODERATION)) && req.user().kind() == UserKind.LEARNER && !req.can(MODERATE)) {
      return new String[] {ForumStore.PENDING, "Learners' posts wait for a teacher in this space."};
    }
    return new String[] {ForumStore.VISIBLE, null};
  }

  private void saveAttachments(long postId, List<Uploads.Stored> stored) {
    for (Uploads.Stored s : stored) store.attach(postId, s.key(), s.fileName(), s.contentType(), s.size());
  }

  private Reply startDiscussion(ToolRequest req) {
    ForumStore.Forum f = forum(req, req.pathId("forum"));
    check(req, true);
    String title = req.form("title");
    String body = req.form("body");
    List<Uploads.Stored> stored = attachments(req);
    String[] status = statusFor(req, title + " " + body);
    long d = store.startDiscussion(f, req.user(), title, body, status[0], status[1]);
    long first = store.posts(d).get(0).id();
    saveAttachments(first, stored);
    core.activity().record(req.user(), req.space(), "discussion", "started “" + title + "”");
    return Reply.redirect("d/" + d).flash(ForumStore.PENDING.equals(status[0]) ? "Thank you! A teacher will check it before others see it." : "Discussion started.");
  }

  private Reply reply(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    if (d.locked() && !req.can(MODERATE)) throw InputProblem.of("", "This discussion is locked.");
    check(req, false);
    String body = req.form("body");
    Long parent = null;
    Long parentId = req.formOptionalNumber("parent", "Replying to", 1, Long.MAX_VALUE).orElse(null);
    if (parentId != null) {
      ForumStore.Post p = store.post(req.space(), parentId)
          .filter(x -> x.discussionId() == d.id()).orElseThrow(() -> InputProblem.of("parent", "That post is not in this discussion."));
      // One level of threading: a reply to a reply joins its thread.
      parent = p.parentId() != null && store.posts(d.id()).get(0).id() != p.parentId() ? p.parentId() : p.id();
    }
    List<Uploads.Stored> stored = attachments(req);
    String[] status = statusFor(req, body);
    long id = store.addPost(d.id(), parent, d.spaceId(), req.user(), body, status[0], status[1]);
    saveAttachments(id, stored);
    store.subscribe(d.id(), req.user().id());
    if (ForumStore.VISIBLE.equals(status[0])) tellSubscribers(req, d, req.user().id());
    core.activity().record(req.user(), req.space(), "reply", "replied in “" + d.title() + "”");
    return Reply.redirect("d/" + d.id()).flash(ForumStore.PENDING.equals(status[0]) ? "Thank you! A teacher will check it before others see it." : "Reply posted.");
  }

  private void tellSubscribers(ToolRequest req, ForumStore.Discussion d, long authorId) {
    for (long uid : store.subscribers(d.id())) {
      if (uid != authorId) core.notifications().notify(uid, "New reply in “" + d.title() + "”", req.toolUrl() + "/d/" + d.id());
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

  private Page moderation(ToolRequest req) {
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
        core.activity().record(req.user(), req.space(), "approve", "approved a post by " + p.authorName());
        return Reply.redirect(back).flash("Approved: everyone can see it now.");
      }
      case "hide" -> {
        String reason = req.form("reason");
        if (reason.isEmpty()) {
          Page form = "moderation".equals(back) ? moderation(req) : discussionPage(req, store.discussion(req.space(), p.discussionId()).orElseThrow());
          throw InputProblem.of("reason", "Say why the post is hidden; it was not hidden.").showing(form);
        }
        store.setStatus(p.id(), ForumStore.HIDDEN, reason.length() > 300 ? reason.substring(0, 300) : reason);
        store.resolveReports(p.id());
        core.activity().record(req.user(), req.space(), "hide", "hid a post by " + p.authorName());
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
    boolean moderator = req.can(MODERATE);
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
    boolean canSee = p.visible() || req.can(MODERATE) || (p.pending() && p.authorId() == req.user().id());
    if (!canSee) throw HttpProblem.notFound("There is no such file.");
    return core.uploads().serve(a.fileKey(), a.contentType(), a.fileName());
  }
}
