package org.courtyard.plugins.wiki;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.ContentLanguage;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

import static org.courtyard.plugins.wiki.WikiTool.EDIT;
import static org.courtyard.plugins.wiki.WikiTool.MODERATE;
import static org.courtyard.plugins.wiki.WikiTool.VIEW;

/** The wiki's pages under /s/{space}/wiki. */
final class WikiRoutes implements Routes {
  static final int MAX_TEXT = 100_000;
  static final int MAX_TITLE = 200;
  static final int MAX_NOTE = 200;
  // The wiki's words are in messages/wiki*.properties (English and Welsh).
  static final Message NO_WIKI = Message.of("wiki.problem.noWiki");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_EDIT = Message.of("wiki.activity.edited");
  /** To a page's first writer when someone else changes it, in their language. */
  static final Message PAGE_EDITED = Message.of("wiki.notify.pageEdited");
  static final Message DID_RESTORE = Message.of("wiki.activity.restored");
  static final Message NO_PAGE = Message.of("wiki.problem.noPage");
  static final Message NO_PAGE_YET = Message.of("wiki.problem.noPageYet");
  static final Message A_LEARNER = Message.of("wiki.aLearner");
  static final Message LEARNER_N = Message.of("wiki.learnerNumber");
  static final Message ALL_PAGES = Message.of("wiki.index.heading");
  static final Message HOME = Message.of("wiki.page.home");
  static final Message NEW_PAGE = Message.of("wiki.page.newTitle");
  static final Message EDIT_TITLE = Message.of("wiki.edit.pageTitle");
  static final Message NOT_YOURS = Message.of("wiki.problem.notYours");
  static final Message LOCKED_PAGE = Message.of("wiki.problem.locked");
  static final Message TITLE_LONG = Message.of("wiki.problem.titleLong");
  static final Message TEXT_LONG = Message.of("wiki.problem.textLong");
  static final Message NOTE_LONG = Message.of("wiki.problem.noteLong");
  static final Message FORM_CHANGED = Message.of("wiki.problem.formChanged");
  static final Message CONFLICT = Message.of("wiki.problem.conflict");
  static final Message SAVED = Message.of("wiki.flash.saved");
  static final Message HISTORY_TITLE = Message.of("wiki.history.heading");
  static final Message DIFF_TITLE = Message.of("wiki.diff.heading");
  static final Message CHOOSE_TWO = Message.of("wiki.problem.chooseTwo");
  static final Message NO_REVISION_OF_PAGE = Message.of("wiki.problem.noRevisionOfPage");
  static final Message NO_REVISION = Message.of("wiki.problem.noRevision");
  static final Message REVISION_TO_RESTORE = Message.of("wiki.restore.label");
  static final Message RESTORED = Message.of("wiki.flash.restored");
  static final Message RESTORED_NOTE = Message.of("wiki.history.restoredNote");
  static final Message UNLOCKED = Message.of("wiki.flash.unlocked");
  static final Message NOW_LOCKED = Message.of("wiki.flash.locked");
  static final Message SEARCH_TITLE = Message.of("wiki.search.title");
  static final Message COLLIDED_NOTE = Message.of("wiki.history.collidedNote");
  /** A restore's note is kept with the revision in English and shown in the reader's language. */
  static final java.util.regex.Pattern RESTORED_NOTE_EN = java.util.regex.Pattern.compile("restored revision (\\d+)");
  private final WikiStore store;
  private final ToolServices core;

  @Inject
  WikiRoutes(WikiStore store, ToolServices core) {
    this.store = store;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", VIEW, req -> Reply.redirect("p/home" + suffix(req, owner(req))));
    r.get("/pages", VIEW, this::index);
    r.get("/p/:slug", VIEW, this::show);
    r.get("/p/:slug/edit", EDIT, this::editForm);
    r.post("/p/:slug", EDIT, this::save, this::editForm);
    r.get("/p/:slug/history", VIEW, this::history);
    r.get("/p/:slug/diff", VIEW, this::diff);
    r.post("/p/:slug/restore", EDIT, this::restore, this::history);
    r.post("/p/:slug/lock", MODERATE, this::lock);
    r.get("/search", VIEW, this::search);
  }

  /** Whose wiki: 0 for the shared one; in individual mode the learner's own, or (for teachers) the one named by ?w=. */
  private long owner(ToolRequest req) {
    if (!"individual".equals(req.setting(WikiTool.MODE))) return 0;
    String w = req.query("w").orElse("");
    if (!w.isEmpty() && req.can(MODERATE)) {
      try {
        return Long.parseLong(w);
      } catch (NumberFormatException e) {
        throw HttpProblem.notFound(req.text(NO_WIKI));
      }
    }
    return req.user().id();
  }

  /** The page's first writer hears that someone else changed it, if they may still read it here. */
  private void tellWriter(ToolRequest req, long owner, long pageId, String slug, String title) {
    long spaceId = req.space().id();
    store.firstWriter(pageId)
        .filter(w -> w != req.user().id() && core.permissions().can(w, WikiTool.ID + "." + WikiTool.VIEW.name(), spaceId))
        .ifPresent(w -> core.notifications().notify(WikiTool.KIND_PAGE_EDITED, w, PAGE_EDITED,
            req.toolUrl() + "/p/" + slug + (owner != 0 && owner != w ? "?w=" + owner : ""), "name", req.user().displayName(), "title", title));
  }

  private static String suffix(ToolRequest req, long owner) {
    return owner != 0 && owner != req.user().id() ? "?w=" + owner : "";
  }

  private static String slugOf(ToolRequest req) {
    String s = req.pathParam("slug");
    if (!s.matches("[a-z0-9][a-z0-9-]{0,99}")) throw HttpProblem.notFound(req.text(NO_PAGE));
    return s;
  }

  private Map<String, Object> base(ToolRequest req, long owner) {
    Map<String, Object> m = new HashMap<>();
    m.put("w", suffix(req, owner));
    m.put("wid", suffix(req, owner).isEmpty() ? null : owner);
    m.put("individual", owner != 0);
    m.put("ownerName", owner == 0 ? null : core.directory().user(owner).map(UserRef::displayName).orElse(req.text(A_LEARNER)));
    return m;
  }

  private Reply index(ToolRequest req) {
    long owner = owner(req);
    Map<String, Object> m = base(req, owner);
    m.put("pages", store.pages(req.space().id(), owner));
    if (owner != 0 && req.can(MODERATE)) {
      List<Map<String, Object>> wikis = new ArrayList<>();
      for (long o : store.owners(req.space().id())) {
        wikis.add(Map.of("id", o, "name", core.directory().user(o).map(UserRef::displayName).orElse(req.text(LEARNER_N, "id", String.valueOf(o)))));
      }
      m.put("wikis", wikis);
    }
    return Page.of("wiki/index", m).title(req.text(ALL_PAGES));
  }

  private String render(ToolRequest req, long owner, String text) {
    String html = Markup.render(text, req.toolUrl() + "/p/", suffix(req, owner), slug -> store.exists(req.space().id(), owner, slug));
    return core.sanitizer().sanitize(html);
  }

  private Reply show(ToolRequest req) {
    long owner = owner(req);
    String slug = slugOf(req);
    Map<String, Object> m = base(req, owner);
    m.put("slug", slug);
    var page = store.page(req.space().id(), owner, slug);
    if (page.isEmpty()) {
      m.put("title", "home".equals(slug) ? req.text(HOME) : slug.replace('-', ' '));
      m.put("missing", true);
      return Page.of("wiki/page", m).title(req.text(NEW_PAGE)).status(404);
    }
    WikiStore.WikiPage p = page.get();
    WikiStore.Revision rev = store.revision(p.id(), p.currentRev()).orElseThrow();
    m.put("title", p.title());
    m.put("lang", rev.lang());
    m.put("html", render(req, owner, rev.body()));
    m.put("locked", p.locked());
    m.put("canEdit", req.can(EDIT) && (!p.locked() || req.can(MODERATE)) && (owner == 0 || owner == req.user().id() || req.can(MODERATE)));
    m.put("rev", rev);
    return Page.of("wiki/page", m).title(p.title());
  }

  private Page editForm(ToolRequest req) {
    long owner = owner(req);
    String slug = slugOf(req);
    var page = store.page(req.space().id(), owner, slug);
    checkEditable(req, owner, page.orElse(null));
    Map<String, Object> m = base(req, owner);
    m.put("slug", slug);
    m.put("title", page.map(WikiStore.WikiPage::title).orElse("home".equals(slug) ? req.text(HOME) : capitalise(slug.replace('-', ' '))));
    m.put("text", page.flatMap(p -> store.revision(p.id(), p.currentRev())).map(WikiStore.Revision::body).orElse(""));
    // The page keeps its language from one edit to the next unless the writer chooses another.
    m.put("lang", page.map(WikiStore.WikiPage::lang).orElse(null));
    m.put("base", page.map(p -> p.currentRev()).orElse(0L));
    return Page.of("wiki/edit", m).title(req.text(EDIT_TITLE, "title", m.get("title")));
  }

  private void checkEditable(ToolRequest req, long owner, WikiStore.WikiPage page) {
    if (owner != 0 && owner != req.user().id() && !req.can(MODERATE)) throw HttpProblem.forbidden(req.text(NOT_YOURS));
    if (page != null && page.locked() && !req.can(MODERATE)) throw HttpProblem.forbidden(req.text(LOCKED_PAGE));
  }

  private Reply save(ToolRequest req) {
    long owner = owner(req);
    String slug = slugOf(req);
    var page = store.page(req.space().id(), owner, slug);
    checkEditable(req, owner, page.orElse(null));
    String text = req.form("text");
    String title = req.form("title").isEmpty() ? capitalise(slug.replace('-', ' ')) : req.form("title");
    InputProblem problem = null;
    if (title.length() > MAX_TITLE) problem = InputProblem.of("title", req.text(TITLE_LONG, "max", MAX_TITLE));
    if (text.length() > MAX_TEXT) {
      String message = req.text(TEXT_LONG, "max", MAX_TEXT, "length", text.length());
      problem = problem == null ? InputProblem.of("text", message) : problem.and("text", message);
    }
    if (req.form("note").length() > MAX_NOTE) {
      String message = req.text(NOTE_LONG, "max", MAX_NOTE);
      problem = problem == null ? InputProblem.of("note", message) : problem.and("note", message);
    }
    if (problem != null) throw problem;
    long base;
    try {
      base = Long.parseLong(req.form("base").isEmpty() ? "0" : req.form("base"));
    } catch (NumberFormatException e) {
      throw InputProblem.of("base", req.text(FORM_CHANGED));
    }
    long current = page.map(p -> p.currentRev() == null ? 0L : p.currentRev()).orElse(0L);
    String lang = ContentLanguage.of(req.form("lang")).orElse(null);
    if (base != current) {
      // Someone saved since this edit began: keep this text as a revision too, and show both.
      long pageId = page.map(WikiStore.WikiPage::id).orElseThrow();
      store.keepConflict(pageId, text, req.user(), lang);
      WikiStore.Revision theirs = store.revision(pageId, current).orElseThrow();
      return editAgain(req, owner, slug, title, text, current,
          req.text(CONFLICT, "name", theirs.authorName()), theirs, lang);
    }
    store.save(req.space().id(), owner, slug, title, text, req.user(), "edit", req.form("note"), lang);
    page.ifPresent(p -> tellWriter(req, owner, p.id(), slug, title));
    core.activity().record(req.user(), req.space(), "edit", DID_EDIT, "title", title);
    return Reply.redirect("p/" + slug + suffix(req, owner)).flash(req.text(SAVED));
  }

  private Page editAgain(ToolRequest req, long owner, String slug, String title, String text, long base, String error, WikiStore.Revision theirs,
                         String lang) {
    Map<String, Object> m = base(req, owner);
    m.put("slug", slug);
    m.put("title", title);
    m.put("text", text);
    m.put("base", base);
    m.put("conflict", error);
    m.put("theirs", theirs.body());
    m.put("theirsLang", theirs.lang());
    m.put("lang", lang);
    return Page.of("wiki/edit", m).title(req.text(EDIT_TITLE, "title", title)).status(409);
  }

  private WikiStore.WikiPage existing(ToolRequest req, long owner) {
    return store.page(req.space().id(), owner, slugOf(req)).orElseThrow(() -> HttpProblem.notFound(req.text(NO_PAGE_YET)));
  }

  private Page history(ToolRequest req) {
    long owner = owner(req);
    WikiStore.WikiPage p = existing(req, owner);
    Map<String, Object> m = base(req, owner);
    m.put("page", p);
    List<Map<String, Object>> revs = new ArrayList<>();
    for (WikiStore.Revision r : store.history(p.id())) {
      revs.add(Map.of("id", r.id(), "author", r.authorName(), "at", r.at(), "kind", r.kind(), "note", note(req, r.kind(), r.note()),
          "current", p.currentRev() != null && r.id() == p.currentRev()));
    }
    m.put("revisions", revs);
    return Page.of("wiki/history", m).title(req.text(HISTORY_TITLE, "title", p.title()));
  }

  private Reply diff(ToolRequest req) {
    long owner = owner(req);
    WikiStore.WikiPage p = existing(req, owner);
    WikiStore.Revision from;
    WikiStore.Revision to;
    try {
      from = revisionParam(req, p, "from");
      to = revisionParam(req, p, "to");
    } catch (InputProblem problem) {
      throw problem.showing(history(req));
    }
    Map<String, Object> m = base(req, owner);
    m.put("page", p);
    m.put("from", from);
    m.put("to", to);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (LineDiff.Line l : LineDiff.diff(from.body(), to.body())) {
      lines.add(Map.of("text", l.text(), "added", l.kind() == LineDiff.Kind.ADDED, "removed", l.kind() == LineDiff.Kind.REMOVED));
    }
    m.put("lines", lines);
    return Page.of("wiki/diff", m).title(req.text(DIFF_TITLE, "title", p.title()));
  }

  private WikiStore.Revision revisionParam(ToolRequest req, WikiStore.WikiPage p, String name) {
    long id;
    try {
      id = Long.parseLong(req.query(name).orElse(""));
    } catch (NumberFormatException e) {
      throw InputProblem.of(name, req.text(CHOOSE_TWO));
    }
    return store.revision(p.id(), id).orElseThrow(() -> HttpProblem.notFound(req.text(NO_REVISION_OF_PAGE)));
  }

  private Reply restore(ToolRequest req) {
    long owner = owner(req);
    WikiStore.WikiPage p = existing(req, owner);
    checkEditable(req, owner, p);
    long revision = req.formNumber("revision", req.text(REVISION_TO_RESTORE), 1, Long.MAX_VALUE);
    WikiStore.Revision old = store.revision(p.id(), revision).orElseThrow(() -> HttpProblem.notFound(req.text(NO_REVISION)));
    // The note is kept in the English form older revisions have, and shown in each reader's language.
    store.save(req.space().id(), owner, p.slug(), p.title(), old.body(), req.user(), "restore", "restored revision " + old.id(), old.lang());
    tellWriter(req, owner, p.id(), p.slug(), p.title());
    core.activity().record(req.user(), req.space(), "restore", DID_RESTORE, "title", p.title());
    return Reply.redirect("p/" + p.slug() + suffix(req, owner)).flash(req.text(RESTORED));
  }

  private Reply lock(ToolRequest req) {
    long owner = owner(req);
    WikiStore.WikiPage p = existing(req, owner);
    store.setLocked(p.id(), !p.locked());
    return Reply.redirect("p/" + p.slug() + suffix(req, owner)).flash(req.text(p.locked() ? UNLOCKED : NOW_LOCKED));
  }

  private Reply search(ToolRequest req) {
    long owner = owner(req);
    String q = req.query("q").orElse("");
    Map<String, Object> m = base(req, owner);
    m.put("q", q);
    m.put("searched", q.length() >= 2);
    m.put("hits", q.length() >= 2 ? store.search(req.space().id(), owner, q) : List.of());
    return Page.of("wiki/search", m).title(req.text(SEARCH_TITLE));
  }

  /** A revision's note: what its writer typed, or a restore's or a collided edit's note in the reader's language. */
  static String note(org.courtyard.api.i18n.Texts req, String kind, String kept) {
    if (WikiStore.CONFLICT.equals(kind)) return req.text(COLLIDED_NOTE);
    if (kept == null) return null;
    java.util.regex.Matcher m = RESTORED_NOTE_EN.matcher(kept);
    return m.matches() ? req.text(RESTORED_NOTE, "id", m.group(1)) : kept;
  }

  private static String capitalise(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
