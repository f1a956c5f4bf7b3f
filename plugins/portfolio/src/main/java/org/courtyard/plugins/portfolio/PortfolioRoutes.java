package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.UserRef;
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
import org.courtyard.api.web.Upload;

/** The portfolio's pages under /s/~learner/portfolio. */
final class PortfolioRoutes implements Routes {
  /** What a portfolio keeps: pictures, recordings, videos and documents, each checked by its content. */
  static final Uploads.Kind[] KINDS = {Uploads.Kind.IMAGE, Uploads.Kind.AUDIO, Uploads.Kind.VIDEO, Uploads.Kind.DOCUMENT};
  // The portfolio's words are in messages/portfolio*.properties (English, Welsh, Polish, Urdu, Arabic).
  /** Sent to the owner in their own language. */
  static final Message NOTIFY_COMMENTED = Message.of("portfolio.notify.commented");
  static final Message NOTIFY_TEACHER_COMMENTED = Message.of("portfolio.notify.teacherCommented");
  static final Message WHOSE = Message.of("portfolio.index.whose");
  static final Message NOT_PERSONAL = Message.of("portfolio.problem.notPersonal");
  static final Message NO_COLLECTION = Message.of("portfolio.problem.noCollection");
  static final Message NO_WORK = Message.of("portfolio.problem.noWork");
  static final Message NO_FILE = Message.of("portfolio.problem.noFile");
  static final Message ONLY_OWNER_CHANGES = Message.of("portfolio.problem.onlyOwnerChanges");
  static final Message ONLY_OWNER_ADDS = Message.of("portfolio.problem.onlyOwnerAdds");
  static final Message ONLY_TEACHER_STAFF = Message.of("portfolio.problem.onlyTeacherStaffOnly");
  static final Message TITLE_TOO_LONG = Message.of("portfolio.problem.titleTooLong");
  static final Message NEED_TITLE_MADE = Message.of("portfolio.problem.needTitleMade");
  static final Message NEED_TITLE_CHANGED = Message.of("portfolio.problem.needTitleChanged");
  static final Message ABOUT_TOO_LONG = Message.of("portfolio.problem.aboutTooLong");
  static final Message WRITE_SOMETHING = Message.of("portfolio.problem.writeSomething");
  static final Message CHOOSE_FILE = Message.of("portfolio.problem.chooseFile");
  static final Message PASTE_LINK = Message.of("portfolio.problem.pasteLink");
  static final Message NOTE_TOO_LONG = Message.of("portfolio.problem.noteTooLong");
  static final Message COMMENTS_CLOSED = Message.of("portfolio.problem.commentsClosed");
  static final Message COMMENT_LENGTH = Message.of("portfolio.problem.commentLength");
  static final Message STAFF_MADE = Message.of("portfolio.flash.staffOnlyMade");
  static final Message MADE = Message.of("portfolio.flash.made");
  static final Message SAVED = Message.of("portfolio.flash.saved");
  static final Message ADDED = Message.of("portfolio.flash.added");
  static final Message COMMENT_ADDED = Message.of("portfolio.flash.commentAdded");
  static final Message TAKEN_OUT = Message.of("portfolio.flash.takenOut");
  static final Message WRITING = Message.of("portfolio.collection.writing");
  static final Message MY_WORK = Message.of("portfolio.default.myWork");
  static final Message FORMER = Message.of("portfolio.comment.former");
  static final Message REMOVED = Message.of("portfolio.comment.removed");
  private final PortfolioStore store;
  private final Audience audience;
  private final ToolServices core;

  @Inject
  PortfolioRoutes(PortfolioStore store, Audience audience, ToolServices core) {
    this.store = store;
    this.audience = audience;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", PortfolioTool.VIEW, this::index);
    r.post("/collections", PortfolioTool.CONTRIBUTE, this::create, this::index);
    r.get("/c/:id", PortfolioTool.VIEW, this::show);
    r.post("/c/:id/settings", PortfolioTool.CONTRIBUTE, this::settings, this::show);
    r.post("/c/:id/text", PortfolioTool.CONTRIBUTE, this::addText, this::show);
    r.post("/c/:id/file", PortfolioTool.CONTRIBUTE, this::addFile, this::show);
    r.post("/c/:id/link", PortfolioTool.CONTRIBUTE, this::addLink, this::show);
    r.post("/c/:id/comments", PortfolioTool.CONTRIBUTE, this::comment, this::show);
    r.post("/a/:id/delete", PortfolioTool.CONTRIBUTE, this::deleteArtefact);
    r.get("/files/:id", PortfolioTool.VIEW, this::file);
  }

  /** The largest file for this portfolio, in bytes. */
  static long maxBytes(ToolRequest req) { return Math.max(1, req.setting(PortfolioTool.MAX_FILE_MB)) * 1024 * 1024; }

  /**
   * What was typed in one of a page's forms (named by its hidden {@code form} field), to fill it in again
   * when it is refused; null when that form was not the one sent.
   */
  static Map<String, String> typed(ToolRequest req, String form, String... fields) {
    if (!form.equals(req.form("form"))) return null;
    Map<String, String> out = new HashMap<>();
    for (String f : fields) out.put(f, req.form(f));
    return out;
  }

  /** The language the writer says the text is in, or null for the page's (a malformed one is dropped). */
  static String contentLanguage(ToolRequest req) { return ContentLanguage.of(req.form("lang")).orElse(null); }

  /** For a page: the stored language, or "" (never null, so a comment without one does not take its collection's). */
  static String lang(String stored) { return stored == null ? "" : stored; }

  /** Whose portfolio this is and how the viewer stands to them. */
  record Context(UserRef owner, Audience.Relation relation) {
    boolean manages() { return Audience.manages(relation); }
  }

  Context context(ToolRequest req) {
    UserRef owner = core.directory().personalSpaceOwner(req.space().id()).orElseThrow(() -> HttpProblem.notFound(req.text(NOT_PERSONAL)));
    return new Context(owner, audience.relation(req.user(), owner));
  }

  /** The learner or their teacher changes a collection; a staff-only one, teachers only. */
  static boolean mayChange(Context c, PortfolioStore.Collection col) {
    return c.manages() && !(col.staffOnly() && c.relation() != Audience.Relation.TEACHER);
  }

  static boolean sees(Context c, PortfolioStore.Collection col) {
    return col.staffOnly() ? Audience.seesStaffOnly(c.relation()) : Audience.sees(c.relation(), col.visibility());
  }

  /** A collection the viewer may see, else a 404 (not even its existence is told). */
  private PortfolioStore.Collection visible(ToolRequest req, Context c) {
    PortfolioStore.Collection col = store.collection(c.owner().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_COLLECTION)));
    if (!sees(c, col)) throw HttpProblem.notFound(req.text(NO_COLLECTION));
    return col;
  }

  /** A collection the viewer may change: the learner or their teacher; a staff-only one, teachers only. */
  private PortfolioStore.Collection changeable(ToolRequest req, Context c) {
    PortfolioStore.Collection col = visible(req, c);
    if (!mayChange(c, col)) throw HttpProblem.forbidden(req.text(ONLY_OWNER_CHANGES, "name", c.owner().displayName()));
    return col;
  }

  Reply index(ToolRequest req) {
    Context c = context(req);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PortfolioStore.Collection col : store.collections(c.owner().id())) {
      if (!sees(c, col)) continue;
      rows.add(Map.of("id", col.id(), "title", col.title(), "who", who(req, col), "staffOnly", col.staffOnly(), "lang", lang(col.lang())));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("owner", c.owner());
    m.put("own", c.relation() == Audience.Relation.OWNER);
    m.put("collections", rows);
    m.put("manages", c.manages());
    m.put("teacher", c.relation() == Audience.Relation.TEACHER);
    Map<String, String> again = typed(req, "create", "title", "description", "lang");
    m.put("createForm", again);
    m.put("visibilities", visibilityOptions(req, again == null ? Visibility.TEACHERS : Visibility.parse(req.form("visibility"))));
    return Page.of("portfolio/index", m).title(req.text(WHOSE, "name", c.owner().displayName()));
  }

  /** Who sees a collection, in the reader's words. */
  static String who(ToolRequest req, PortfolioStore.Collection col) {
    return req.text(col.staffOnly() ? Visibility.STAFF_ONLY : col.visibility().message());
  }

  static List<Map<String, Object>> visibilityOptions(ToolRequest req, Visibility selected) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Visibility v : Visibility.values()) out.add(Map.of("value", v.name(), "label", req.text(v.message()), "selected", v == selected));
    return out;
  }

  private static String title(ToolRequest req, String fallback) {
    String t = req.form("title");
    if (t.isEmpty()) t = fallback;
    if (t.length() > 200) throw InputProblem.of("title", req.text(TITLE_TOO_LONG, "length", t.length()));
    return t;
  }

  private Reply create(ToolRequest req) {
    Context c = context(req);
    if (!c.manages()) throw HttpProblem.forbidden(req.text(ONLY_OWNER_ADDS, "name", c.owner().displayName()));
    boolean staffOnly = !req.form("staff-only").isEmpty();
    if (staffOnly && c.relation() != Audience.Relation.TEACHER) throw HttpProblem.forbidden(req.text(ONLY_TEACHER_STAFF));
    String t = req.form("title");
    if (t.isEmpty() || t.length() > 200) throw InputProblem.of("title", req.text(NEED_TITLE_MADE));
    if (req.form("description").length() > 5000) throw InputProblem.of("description", req.text(ABOUT_TOO_LONG));
    long id = store.create(c.owner().id(), t, core.sanitizer().textToHtml(req.form("description")), Visibility.parse(req.form("visibility")),
        !req.form("comments").isEmpty(), staffOnly, contentLanguage(req));
    core.activity().record(req.user(), req.space(), "collection", "made the collection “" + t + "”");
    return Reply.redirect("c/" + id).flash(req.text(staffOnly ? STAFF_MADE : MADE));
  }

  private Reply show(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = visible(req, c);
    Map<String, Object> m = new HashMap<>();
    m.put("owner", c.owner());
    m.put("collection", col);
    m.put("who", who(req, col));
    m.put("collectionLang", lang(col.lang()));
    List<Map<String, Object>> artefacts = new ArrayList<>();
    for (PortfolioStore.Artefact a : store.artefacts(col.id())) {
      Map<String, Object> x = new HashMap<>();
      x.put("id", a.id());
      x.put("title", a.title());
      x.put("body", a.body());
      x.put("fileName", a.fileName());
      x.put("link", a.link());
      x.put("isText", a.isText());
      x.put("isFile", a.isFile());
      x.put("isLink", a.isLink());
      x.put("isImage", a.isImage());
      x.put("isAudio", a.isAudio());
      x.put("isVideo", a.isVideo());
      x.put("lang", lang(a.lang()));
      artefacts.add(x);
    }
    m.put("artefacts", artefacts);
    List<Map<String, Object>> comments = new ArrayList<>();
    for (PortfolioStore.Comment cm : store.comments(col.id())) {
      // An erased person's comment: a former member's, the words removed, in the reader's language.
      comments.add(Map.of("authorName", cm.erased() ? req.text(FORMER) : cm.authorName(), "body", cm.erased() ? req.text(REMOVED) : cm.body(),
          "at", cm.at(), "lang", cm.erased() ? "" : lang(cm.lang())));
    }
    m.put("comments", comments);
    boolean changes = mayChange(c, col);
    m.put("changes", changes);
    m.put("canComment", mayComment(c, col));
    Map<String, String> settingsAgain = typed(req, "settings", "title", "lang");
    m.put("settingsTitle", settingsAgain == null ? col.title() : settingsAgain.get("title"));
    m.put("settingsLang", settingsAgain == null ? lang(col.lang()) : settingsAgain.get("lang"));
    m.put("visibilities", visibilityOptions(req, settingsAgain == null ? col.visibility() : Visibility.parse(req.form("visibility"))));
    m.put("textForm", typed(req, "text", "title", "body", "lang"));
    m.put("fileForm", typed(req, "file", "title", "lang"));
    m.put("linkForm", typed(req, "link", "title", "link", "note", "lang"));
    m.put("commentForm", typed(req, "comment", "body", "lang"));
    return Page.of("portfolio/collection", m).title(col.title());
  }

  /** Teachers and parents comment where the collection allows it; the learner answers them. */
  static boolean mayComment(Context c, PortfolioStore.Collection col) {
    if (!col.commentsAllowed() && !col.staffOnly()) return false;
    return c.relation() == Audience.Relation.TEACHER || c.relation() == Audience.Relation.PARENT || (c.relation() == Audience.Relation.OWNER && !col.staffOnly());
  }

  private Reply settings(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = changeable(req, c);
    String t = req.form("title");
    if (t.isEmpty() || t.length() > 200) throw InputProblem.of("title", req.text(NEED_TITLE_CHANGED));
    Visibility v = Visibility.parse(req.form("visibility"));
    store.update(col.id(), t, col.description(), v, !req.form("comments").isEmpty(), contentLanguage(req));
    return Reply.redirect("c/" + col.id()).flash(req.text(SAVED, "who", col.staffOnly() ? "STAFF" : v.name()));
  }

  private Reply addText(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = changeable(req, c);
    String body = req.form("body");
    if (body.isBlank() || body.length() > 50_000) throw InputProblem.of("body", req.text(WRITE_SOMETHING));
    store.addText(col.id(), title(req, req.text(WRITING)), core.sanitizer().sanitize(body), contentLanguage(req));
    return Reply.redirect("c/" + col.id()).flash(req.text(ADDED));
  }

  private Reply addFile(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = changeable(req, c);
    Upload u = req.uploads().stream().filter(x -> x.size() > 0).findFirst()
        .orElseThrow(() -> InputProblem.of("file", req.text(CHOOSE_FILE)));
    String title = title(req, u.fileName() == null || u.fileName().isBlank() ? req.text(MY_WORK) : u.fileName());
    Uploads.Stored kept = core.uploads().accept(u, "file", maxBytes(req), KINDS);
    store.addFile(col.id(), title.length() > 200 ? title.substring(0, 200) : title, kept.key(), kept.fileName(), kept.contentType(), contentLanguage(req));
    return Reply.redirect("c/" + col.id()).flash(req.text(ADDED));
  }

  private Reply addLink(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = changeable(req, c);
    String link = req.form("link");
    // Work in another tool is added by reference: a page of this site, which keeps its own permissions.
    if (!link.startsWith("/s/") || !safeLink(link)) {
      throw InputProblem.of("link", req.text(PASTE_LINK));
    }
    if (req.form("note").length() > 500) throw InputProblem.of("note", req.text(NOTE_TOO_LONG));
    store.addLink(col.id(), title(req, req.text(MY_WORK)), link, core.sanitizer().textToHtml(req.form("note")), contentLanguage(req));
    return Reply.redirect("c/" + col.id()).flash(req.text(ADDED));
  }

  /** A page of this site (/s/…) or an https address: never a script: link, never a path that climbs out. */
  static boolean safeLink(String link) {
    if (link == null) return false;
    if (link.matches("/s/[^\\s\"'<>]{1,480}")) return !link.contains("//") && !link.contains("..");
    return link.matches("https://[^\\s\"'<>]{1,480}");
  }

  private Reply comment(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Collection col = visible(req, c);
    if (!mayComment(c, col)) throw HttpProblem.forbidden(req.text(COMMENTS_CLOSED));
    String body = req.form("body");
    if (body.isBlank() || body.length() > 5000) throw InputProblem.of("body", req.text(COMMENT_LENGTH));
    store.comment(col.id(), req.space().id(), req.user().id(), req.user().displayName(), body, contentLanguage(req));
    if (c.relation() != Audience.Relation.OWNER && !col.staffOnly()) {
      core.notifications().notify(PortfolioTool.KIND_COMMENT, c.owner().id(), NOTIFY_COMMENTED, req.toolUrl() + "/c/" + col.id(),
          "name", req.user().displayName(), "title", col.title());
    }
    if (c.relation() == Audience.Relation.TEACHER) tellParents(req, c, col);
    return Reply.redirect("c/" + col.id()).flash(req.text(COMMENT_ADDED));
  }

  /**
   * A teacher's comment reaches the learner's parents and carers too, but only those the collection is
   * already shown to (as a parent would see it on the page); never the teacher who wrote it.
   */
  private void tellParents(ToolRequest req, Context c, PortfolioStore.Collection col) {
    for (var carer : core.relationships().carersOf(c.owner().id())) {
      long uid = carer.adult().id();
      if (uid == req.user().id()) continue;
      Audience.Relation as = carer.level() == org.courtyard.api.service.Relationships.CarerLevel.VIEW_ONLY ? Audience.Relation.VIEWING_CARER : Audience.Relation.PARENT;
      if (!sees(new Context(c.owner(), as), col)) continue;
      core.notifications().notify(PortfolioTool.KIND_TEACHER_COMMENT, uid, NOTIFY_TEACHER_COMMENTED, req.toolUrl() + "/c/" + col.id(),
          "name", req.user().displayName(), "title", col.title(), "child", c.owner().displayName());
    }
  }

  private Reply deleteArtefact(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Artefact a = store.artefact(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_WORK)));
    PortfolioStore.Collection col = store.collection(c.owner().id(), a.collectionId()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_WORK)));
    if (!sees(c, col) || !mayChange(c, col)) throw HttpProblem.forbidden(req.text(ONLY_OWNER_CHANGES, "name", c.owner().displayName()));
    store.deleteArtefact(a.id());
    if (a.fileKey() != null) {
      try {
        core.files().delete(a.fileKey());
      } catch (IOException e) {
        // the work is taken out; an orphaned file costs only disk space
      }
    }
    return Reply.redirect("c/" + col.id()).flash(req.text(TAKEN_OUT));
  }

  private Reply file(ToolRequest req) {
    Context c = context(req);
    PortfolioStore.Artefact a = store.artefact(req.pathId("id")).filter(PortfolioStore.Artefact::isFile).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    PortfolioStore.Collection col = store.collection(c.owner().id(), a.collectionId()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    if (!sees(c, col)) throw HttpProblem.notFound(req.text(NO_FILE));
    return core.uploads().serve(a.fileKey(), a.contentType(), a.fileName());
  }
}
