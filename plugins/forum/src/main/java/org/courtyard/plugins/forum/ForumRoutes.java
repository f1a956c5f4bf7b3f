package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.time.LocalTime;
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

import static org.courtyard.plugins.forum.ForumTool.MODERATE;
import static org.courtyard.plugins.forum.ForumTool.POST;
import static org.courtyard.plugins.forum.ForumTool.REPORT;
import static org.courtyard.plugins.forum.ForumTool.VIEW;

/** The forum's pages under /s/{space}/forum. */
final class ForumRoutes implements Routes {
  static final int MAX_BODY = 10_000;
  static final int MAX_TITLE = 200;
  static final int MAX_FILES = 3;
  static final int MAX_DESCRIPTION = 1000;
  // The forum's words are in messages/forum*.properties (English and Welsh).
  static final Message INDEX_TITLE = Message.of("forum.index.pageTitle");
  /** Sent to each subscriber in their own language. */
  static final Message NEW_REPLY = Message.of("forum.notify.reply");
  /** To the space's moderators when a post is held for them; to the writer when it is approved. */
  static final Message HELD_FOR_YOU = Message.of("forum.notify.held");
  static final Message YOUR_POST_APPROVED = Message.of("forum.notify.approved");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_START = Message.of("forum.activity.started");
  static final Message DID_REPLY = Message.of("forum.activity.replied");
  static final Message DID_REPLY_FORMER = Message.of("forum.activity.repliedFormer");
  static final Message DID_APPROVE = Message.of("forum.activity.approved");
  static final Message DID_APPROVE_FORMER = Message.of("forum.activity.approvedFormer");
  static final Message DID_HIDE = Message.of("forum.activity.hid");
  static final Message DID_HIDE_FORMER = Message.of("forum.activity.hidFormer");
  static final Message NAME = Message.of("forum.index.name");
  static final Message DESCRIPTION_LONG = Message.of("forum.problem.descriptionLong");
  static final Message FORUM_MADE = Message.of("forum.flash.forumMade");
  static final Message NO_FORUM = Message.of("forum.problem.noForum");
  static final Message NO_DISCUSSION = Message.of("forum.problem.noDiscussion");
  static final Message LOCKED = Message.of("forum.problem.locked");
  static final Message CLOSED_NOW = Message.of("forum.forum.closedNow");
  static final Message HOURS = Message.of("forum.hours");
  static final Message CLOSED = Message.of("forum.problem.closed");
  static final Message TITLE_EMPTY = Message.of("forum.problem.titleEmpty");
  static final Message TITLE_LONG = Message.of("forum.problem.titleLong");
  static final Message BODY_EMPTY = Message.of("forum.problem.bodyEmpty");
  static final Message BODY_LONG = Message.of("forum.problem.bodyLong");
  static final Message TOO_MANY_FILES = Message.of("forum.problem.tooManyFiles");
  static final Message HELD_WORD = Message.of("forum.held.word");
  static final Message HELD_LEARNERS = Message.of("forum.held.learners");
  static final Message NO_REASON = Message.of("forum.report.noReason");
  static final Message THANKS_HELD = Message.of("forum.flash.held");
  static final Message STARTED = Message.of("forum.flash.started");
  static final Message REPLIED = Message.of("forum.flash.replied");
  static final Message REPLYING_TO = Message.of("forum.discussion.replyingTo");
  static final Message NOT_IN_DISCUSSION = Message.of("forum.problem.notInDiscussion");
  static final Message UNSUBSCRIBED = Message.of("forum.flash.unsubscribed");
  static final Message SUBSCRIBED = Message.of("forum.flash.subscribed");
  static final Message UNPINNED = Message.of("forum.flash.unpinned");
  static final Message PINNED = Message.of("forum.flash.pinned");
  static final Message UNLOCKED = Message.of("forum.flash.unlocked");
  static final Message NOW_LOCKED = Message.of("forum.flash.locked");
  static final Message NO_POST = Message.of("forum.problem.noPost");
  static final Message REPORTED = Message.of("forum.flash.reported");
  static final Message QUEUE_TITLE = Message.of("forum.moderation.title");
  static final Message APPROVED = Message.of("forum.flash.approved");
  static final Message HIDE_WHY = Message.of("forum.problem.hideWhy");
  static final Message HIDDEN = Message.of("forum.flash.hidden");
  static final Message RESTORED = Message.of("forum.flash.restored");
  static final Message DISMISSED = Message.of("forum.flash.dismissed");
  static final Message SEARCH_TITLE = Message.of("forum.search.title");
  static final Message NO_FILE = Message.of("forum.problem.noFile");

  // Why a post waits, and a report without a reason, are kept with the post in English (its record, as in
  // a subject access download) and shown to each reader in their own language.
  static final String HELD_LEARNERS_EN = "Learners' posts wait for a teacher in this space.";
  static final java.util.regex.Pattern HELD_WORD_EN = java.util.regex.Pattern.compile("Uses a word on the school's list \\((.*)\\)\\.", java.util.regex.Pattern.DOTALL);
  static final String NO_REASON_EN = "No reason given";
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
    for (ForumStore.Forum kept : store.forums(req.space())) {
      ForumStore.Forum f = ForumWords.shown(req, kept, req.space().name());
      forums.add(Map.of("id", f.id(), "title", f.title(), "description", f.description(), "qa", f.qa(), "discussions", store.discussions(kept).size()));
    }
    return Page.of("forum/index", Map.of("forums", forums)).title(req.text(INDEX_TITLE, "space", req.space().name()));
  }

  private Reply createForum(ToolRequest req) {
    String title = req.formText("title", req.text(NAME), MAX_TITLE);
    if (req.form("description").length() > MAX_DESCRIPTION) throw InputProblem.of("description", req.text(DESCRIPTION_LONG, "max", MAX_DESCRIPTION));
    long id = store.createForum(req.space(), title, req.form("description"), !"flat".equals(req.form("layout")), "true".equals(req.form("qa")));
    return Reply.redirect("f/" + id).flash(req.text(FORUM_MADE));
  }

  private ForumStore.Forum forum(ToolRequest req, long id) {
    return store.forum(req.space(), id).map(f -> ForumWords.shown(req, f, req.space().name()))
        .orElseThrow(() -> HttpProblem.notFound(req.text(NO_FORUM)));
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
      m.put("title", ForumWords.title(req, d.title()));
      m.put("lang", d.lang());
      m.put("author", ForumWords.author(req, d.authorName()));
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
    return store.discussion(req.space(), req.pathId("id")).map(d -> ForumWords.shown(req, d))
        .orElseThrow(() -> HttpProblem.notFound(req.text(NO_DISCUSSION)));
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
    m.put("closedReason", d.locked() ? req.text(LOCKED) : postingOpen(req) ? null : (req.text(CLOSED_NOW) + " " + hours(req)).trim());
    m.put("firstId", firstId);
    return Page.of("forum/discussion", m).title(d.title());
  }

  private Map<String, Object> postModel(ToolRequest req, ForumStore.Post p, boolean moderator, List<ForumStore.Attachment> attachments) {
    Map<String, Object> pm = new HashMap<>();
    pm.put("id", p.id());
    pm.put("author", ForumWords.author(req, p.authorName()));
    pm.put("at", p.createdAt());
    pm.put("bodyHtml", core.sanitizer().textToHtml(ForumWords.body(req, p.body())));
    pm.put("lang", p.lang());
    pm.put("pending", p.pending());
    pm.put("hidden", p.hidden());
    pm.put("heldReason", heldReason(req, p.heldReason()));
    pm.put("hiddenReason", ForumWords.hiddenReason(req, p));
    pm.put("mine", p.authorId() == req.user().id());
    pm.put("children", new ArrayList<Map<String, Object>>());
    List<Map<String, Object>> att = new ArrayList<>();
    for (ForumStore.Attachment a : attachments) {
      att.add(Map.of("id", a.id(), "name", a.fileName(), "image", a.contentType().startsWith("image/"), "audio", a.contentType().startsWith("audio/"),
          "kb", Math.max(1, a.size() / 1024)));
    }
    pm.put("attachments", att);
    if (moderator) {
      List<Map<String, Object>> reports = new ArrayList<>();
      for (ForumStore.Report rep : store.reports(p.id())) {
        reports.add(Map.of("reporterName", ForumWords.author(req, rep.reporterName()), "reason", reportReason(req, rep.reason())));
      }
      pm.put("reports", reports);
    }
    return pm;
  }

  /** A report's reason as its writer gave it, or the forum's words (no reason given; removed with its writer), in the reader's language. */
  static String reportReason(org.courtyard.api.i18n.Texts req, String kept) {
    return kept == null ? req.text(ForumWords.REASON_REMOVED) : NO_REASON_EN.equals(kept) ? req.text(NO_REASON) : kept;
  }

  /** Why a post waits, in the reader's language (a reason the core does not know is shown as kept). */
  static String heldReason(org.courtyard.api.i18n.Texts req, String kept) {
    if (kept == null) return null;
    if (HELD_LEARNERS_EN.equals(kept)) return req.text(HELD_LEARNERS);
    java.util.regex.Matcher m = HELD_WORD_EN.matcher(kept);
    return m.matches() ? req.text(HELD_WORD, "word", m.group(1)) : kept;
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
    return from.isBlank() || until.isBlank() ? "" : req.text(HOURS, "from", from, "until", until);
  }

  /** Checks a post before anything is saved: an {@link InputProblem} naming each field that is wrong. */
  private void check(ToolRequest req, boolean needsTitle) {
    if (!postingOpen(req)) throw InputProblem.of("", req.text(CLOSED, "hours", hours(req)));
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    String title = req.form("title");
    if (needsTitle && title.isEmpty()) problems.put("title", req.text(TITLE_EMPTY));
    if (needsTitle && title.length() > MAX_TITLE) problems.put("title", req.text(TITLE_LONG, "max", MAX_TITLE));
    String body = req.form("body");
    if (body.isEmpty()) problems.put("body", req.text(BODY_EMPTY));
    if (body.length() > MAX_BODY) problems.put("body", req.text(BODY_LONG, "max", MAX_BODY, "length", body.length()));
    if (req.uploads().size() > MAX_FILES) problems.put("attachment", req.text(TOO_MANY_FILES, "max", MAX_FILES));
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
      return new String[] {ForumStore.PENDING, HELD_LEARNERS_EN};
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
    long d = store.startDiscussion(f, req.user(), title, body, status[0], status[1], language(req));
    long first = store.posts(d).get(0).id();
    saveAttachments(first, stored);
    if (ForumStore.PENDING.equals(status[0])) tellModerators(req, d, title);
    core.activity().record(req.user(), req.space(), "discussion", DID_START, "title", title);
    return Reply.redirect("d/" + d).flash(req.text(ForumStore.PENDING.equals(status[0]) ? THANKS_HELD : STARTED));
  }

  private Reply reply(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    if (d.locked() && !req.can(MODERATE)) throw InputProblem.of("", req.text(LOCKED));
    check(req, false);
    String body = req.form("body");
    Long parent = null;
    Long parentId = req.formOptionalNumber("parent", req.text(REPLYING_TO), 1, Long.MAX_VALUE).orElse(null);
    if (parentId != null) {
      ForumStore.Post p = store.post(req.space(), parentId)
          .filter(x -> x.discussionId() == d.id()).orElseThrow(() -> InputProblem.of("parent", req.text(NOT_IN_DISCUSSION)));
      // One level of threading: a reply to a reply joins its thread.
      parent = p.parentId() != null && store.posts(d.id()).get(0).id() != p.parentId() ? p.parentId() : p.id();
    }
    List<Uploads.Stored> stored = attachments(req);
    String[] status = statusFor(req, body);
    long id = store.addPost(d.id(), parent, d.spaceId(), req.user(), body, status[0], status[1], language(req));
    saveAttachments(id, stored);
    store.subscribe(d.id(), req.user().id());
    if (ForumStore.VISIBLE.equals(status[0])) tellSubscribers(req, d, req.user().id());
    else tellModerators(req, d.id(), ForumWords.shown(req, d).title());
    String kept = store.discussion(req.space(), d.id()).map(ForumStore.Discussion::title).orElse(null);
    if (kept == null) core.activity().record(req.user(), req.space(), "reply", DID_REPLY_FORMER);
    else core.activity().record(req.user(), req.space(), "reply", DID_REPLY, "title", kept);
    return Reply.redirect("d/" + d.id()).flash(req.text(ForumStore.PENDING.equals(status[0]) ? THANKS_HELD : REPLIED));
  }

  /** The language the person says they wrote in, if not the page's: kept so the post is marked with it. */
  private static String language(ToolRequest req) {
    return ContentLanguage.of(req.form("lang")).orElse(null);
  }

  /** Everyone following the discussion (who started it or took part), but not the writer nor whoever let the post through. */
  private void tellSubscribers(ToolRequest req, ForumStore.Discussion d, long authorId) {
    for (long uid : store.subscribers(d.id())) {
      if (uid != authorId && uid != req.user().id()) {
        core.notifications().notify(ForumTool.KIND_REPLY, uid, NEW_REPLY, req.toolUrl() + "/d/" + d.id(), "title", d.title());
      }
    }
  }

  /** The space's moderators (not the writer) are told that a post waits for them, so it is not left in the queue. */
  private void tellModerators(ToolRequest req, long discussionId, String title) {
    String capability = ForumTool.ID + "." + MODERATE.name();
    long spaceId = req.space().id();
    for (var m : core.directory().members(spaceId)) {
      long uid = m.user().id();
      if (uid != req.user().id() && core.permissions().can(uid, capability, spaceId)) {
        core.notifications().notify(ForumTool.KIND_HELD, uid, HELD_FOR_YOU, req.toolUrl() + "/moderation",
            "name", req.user().displayName(), "title", title);
      }
    }
  }

  private Reply subscription(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    if ("off".equals(req.form("action"))) {
      store.unsubscribe(d.id(), req.user().id());
      return Reply.redirect("d/" + d.id()).flash(req.text(UNSUBSCRIBED));
    }
    store.subscribe(d.id(), req.user().id());
    return Reply.redirect("d/" + d.id()).flash(req.text(SUBSCRIBED));
  }

  private Reply sticky(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    store.setSticky(d.id(), !d.sticky());
    return Reply.redirect("d/" + d.id()).flash(req.text(d.sticky() ? UNPINNED : PINNED));
  }

  private Reply lock(ToolRequest req) {
    ForumStore.Discussion d = discussion(req);
    store.setLocked(d.id(), !d.locked());
    return Reply.redirect("d/" + d.id()).flash(req.text(d.locked() ? UNLOCKED : NOW_LOCKED));
  }

  // --- moderation ---

  private ForumStore.Post post(ToolRequest req) {
    return store.post(req.space(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_POST)));
  }

  private Reply report(ToolRequest req) {
    ForumStore.Post p = post(req);
    if (!p.visible()) throw HttpProblem.notFound(req.text(NO_POST));
    String reason = req.form("reason");
    store.report(p.id(), req.user(), reason.isEmpty() ? NO_REASON_EN : reason.length() > 500 ? reason.substring(0, 500) : reason);
    return Reply.redirect("d/" + p.discussionId()).flash(req.text(REPORTED));
  }

  private Page moderation(ToolRequest req) {
    List<Map<String, Object>> queue = new ArrayList<>();
    for (ForumStore.Post p : store.queue(req.space())) {
      Map<String, Object> pm = postModel(req, p, true, store.attachments(p.id()));
      pm.put("discussionId", p.discussionId());
      queue.add(pm);
    }
    return Page.of("forum/moderation", Map.of("queue", queue)).title(req.text(QUEUE_TITLE));
  }

  private Reply moderate(ToolRequest req, String action) {
    ForumStore.Post p = post(req);
    String back = "queue".equals(req.form("back")) ? "moderation" : "d/" + p.discussionId();
    switch (action) {
      case "approve" -> {
        store.setStatus(p.id(), ForumStore.VISIBLE, null);
        store.touch(p.discussionId());
        var shown = store.discussion(req.space(), p.discussionId()).map(d -> ForumWords.shown(req, d));
        shown.ifPresent(d -> tellSubscribers(req, d, p.authorId()));
        if (!p.visible() && p.authorId() != ForumStore.NOBODY && p.authorId() != req.user().id()) {
          core.notifications().notify(ForumTool.KIND_APPROVED, p.authorId(), YOUR_POST_APPROVED, req.toolUrl() + "/d/" + p.discussionId(),
              "title", shown.map(ForumStore.Discussion::title).orElse(""));
        }
        if (p.authorName() == null) core.activity().record(req.user(), req.space(), "approve", DID_APPROVE_FORMER);
        else core.activity().record(req.user(), req.space(), "approve", DID_APPROVE, "author", p.authorName());
        return Reply.redirect(back).flash(req.text(APPROVED));
      }
      case "hide" -> {
        String reason = req.form("reason");
        if (reason.isEmpty()) {
          Page form = "moderation".equals(back) ? moderation(req) : discussionPage(req, store.discussion(req.space(), p.discussionId()).map(d -> ForumWords.shown(req, d)).orElseThrow());
          throw InputProblem.of("reason", req.text(HIDE_WHY)).showing(form);
        }
        store.setStatus(p.id(), ForumStore.HIDDEN, reason.length() > 300 ? reason.substring(0, 300) : reason);
        store.resolveReports(p.id());
        if (p.authorName() == null) core.activity().record(req.user(), req.space(), "hide", DID_HIDE_FORMER);
        else core.activity().record(req.user(), req.space(), "hide", DID_HIDE, "author", p.authorName());
        return Reply.redirect(back).flash(req.text(HIDDEN));
      }
      case "restore" -> {
        store.setStatus(p.id(), ForumStore.VISIBLE, null);
        return Reply.redirect(back).flash(req.text(RESTORED));
      }
      default -> {
        store.resolveReports(p.id());
        return Reply.redirect("moderation").flash(req.text(DISMISSED));
      }
    }
  }

  // --- search and files ---

  private Reply search(ToolRequest req) {
    String q = req.query("q").orElse("");
    List<Map<String, Object>> hits = new ArrayList<>();
    if (q.length() >= 2) {
      for (ForumStore.Hit h : seen(store, req, store.search(req.space(), q))) {
        String body = ForumWords.body(req, h.body());
        String excerpt = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        hits.add(hitModel(req, h, excerpt));
      }
    }
    return Page.of("forum/search", Map.of("q", q, "hits", hits, "searched", q.length() >= 2)).title(req.text(SEARCH_TITLE));
  }

  /** A found or newest post as a page shows it: the writer's words with their languages, or the forum's words for an erased writer's. */
  static Map<String, Object> hitModel(ToolRequest req, ForumStore.Hit h, String excerpt) {
    Map<String, Object> m = new HashMap<>();
    m.put("discussionId", h.discussionId());
    m.put("title", ForumWords.title(req, h.title()));
    m.put("titleLang", h.titleLang());
    m.put("author", ForumWords.author(req, h.authorName()));
    m.put("excerpt", excerpt);
    m.put("lang", h.lang());
    return m;
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
    ForumStore.Attachment a = store.attachment(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    ForumStore.Post p = store.post(req.space(), a.postId()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    boolean canSee = p.visible() || req.can(MODERATE) || (p.pending() && p.authorId() == req.user().id());
    if (!canSee) throw HttpProblem.notFound(req.text(NO_FILE));
    return core.uploads().serve(a.fileKey(), a.contentType(), a.fileName());
  }
}
