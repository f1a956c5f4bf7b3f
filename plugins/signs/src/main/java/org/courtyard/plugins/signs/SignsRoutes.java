package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** The gallery: browse, a sign's page and its video, approval, sign of the week, captions, who may upload. */
final class SignsRoutes implements Routes {
  static final String PLACEHOLDER = "/assets/signs/placeholder.svg";
  // The gallery's words are in messages/signs*.properties (English and Welsh).
  /** Sent to the uploader in their own language. */
  static final Message NOTIFY_APPROVED = Message.of("signs.notify.approved");
  static final Message NOTIFY_REJECTED = Message.of("signs.notify.rejected");
  static final Message NOTIFY_REJECTED_BECAUSE = Message.of("signs.notify.rejectedBecause");
  static final Message SIGN_FOR = Message.of("signs.player.signFor");
  static final Message PAGE_TITLE = Message.of("signs.index.pageTitle");
  static final Message SHOWING = Message.of("signs.index.showing");
  static final Message PENDING_TITLE = Message.of("signs.pending.title");
  static final Message SIGN_TITLE = Message.of("signs.sign.pageTitle");
  static final Message NO_CAPTIONS = Message.of("signs.problem.noCaptions");
  static final Message APPROVED_ALREADY = Message.of("signs.flash.approvedAlready");
  static final Message APPROVED = Message.of("signs.flash.approved");
  static final Message NOT_PENDING = Message.of("signs.flash.notPending");
  static final Message TURNED_DOWN = Message.of("signs.flash.turnedDown");
  static final Message ONLY_EDIT = Message.of("signs.problem.onlyEdit");
  static final Message ONLY_CAPTIONS = Message.of("signs.problem.onlyCaptions");
  static final Message ONLY_DELETE = Message.of("signs.problem.onlyDelete");
  static final Message SAVED = Message.of("signs.flash.saved");
  static final Message CAPTIONS_REMOVED = Message.of("signs.flash.captionsRemoved");
  static final Message CAPTIONS_TOO_BIG = Message.of("signs.problem.captionsTooBig");
  static final Message CAPTIONS_EMPTY = Message.of("signs.problem.captionsEmpty");
  static final Message CAPTIONS_SAVED = Message.of("signs.flash.captionsSaved");
  static final Message DELETED = Message.of("signs.flash.deleted");
  static final Message SIGN_FIELD = Message.of("signs.week.sign");
  static final Message NO_SIGN = Message.of("signs.problem.noSign");
  static final Message APPROVE_FIRST = Message.of("signs.flash.approveFirst");
  static final Message IS_WEEK = Message.of("signs.flash.isWeek");
  static final Message UPLOADERS_TITLE = Message.of("signs.uploaders.title");
  static final Message ONLY_TEACHERS_NOW = Message.of("signs.flash.onlyTeachers");
  static final Message LEARNERS_MAY = Message.of("signs.flash.learnersMay");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_APPROVE = Message.of("signs.activity.approved");
  static final Message DID_TURN_DOWN = Message.of("signs.activity.turnedDown");
  static final Message DID_DELETE = Message.of("signs.activity.deleted");
  static final Message DID_CHOOSE_WEEK = Message.of("signs.activity.week");
  static final Message DID_SET_UPLOADERS = Message.of("signs.activity.uploaders");
  private final SignStore store;
  private final Gallery gallery;
  private final ToolServices core;

  @Inject
  SignsRoutes(SignStore store, Gallery gallery, ToolServices core) {
    this.store = store;
    this.gallery = gallery;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", SignsTool.VIEW, this::index);
    r.get("/pending", SignsTool.APPROVE, this::pending);
    r.get("/v/:id", SignsTool.VIEW, this::signPage);
    r.get("/v/:id/video", SignsTool.VIEW, this::video);
    r.get("/v/:id/poster", SignsTool.VIEW, this::poster);
    r.get("/v/:id/captions.vtt", SignsTool.VIEW, this::captions);
    r.post("/v/:id/approve", SignsTool.APPROVE, this::approve);
    r.post("/v/:id/reject", SignsTool.APPROVE, this::reject);
    r.post("/v/:id/edit", SignsTool.UPLOAD, this::edit, this::signPage);
    r.post("/v/:id/captions", SignsTool.UPLOAD, this::saveCaptions, this::signPage);
    r.post("/v/:id/delete", SignsTool.UPLOAD, this::delete);
    r.post("/week", SignsTool.APPROVE, this::week);
    r.get("/uploaders", SignsTool.MANAGE, this::uploadersPage);
    r.post("/uploaders", SignsTool.MANAGE, this::saveUploaders);
  }

  /** What a template needs to show one sign. */
  static Map<String, Object> card(ToolRequest req, SignStore.Sign s) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", s.id());
    m.put("word", s.word());
    m.put("label", req.text(SIGN_FOR, "word", s.word()));
    m.put("gloss", s.gloss());
    m.put("category", s.category());
    m.put("categoryParam", enc(s.category()));
    m.put("tags", s.tags().stream().map(t -> Map.of("name", t, "param", enc(t))).toList());
    m.put("signer", SignsData.signer(req, s.signer()));
    m.put("lang", s.lang());
    m.put("pending", s.pending());
    m.put("url", req.toolUrl() + "/v/" + s.id());
    m.put("video", req.toolUrl() + "/v/" + s.id() + "/video");
    m.put("videoType", Gallery.playableType(s.videoType()));
    m.put("poster", s.posterKey() == null ? PLACEHOLDER : req.toolUrl() + "/v/" + s.id() + "/poster");
    m.put("captions", s.hasCaptions() ? req.toolUrl() + "/v/" + s.id() + "/captions.vtt" : null);
    m.put("uploaderName", s.uploaderName());
    m.put("createdAt", s.createdAt());
    return m;
  }

  private static Optional<String> param(ToolRequest req, String name, int max) {
    return req.query(name).map(v -> v.length() > max ? v.substring(0, max) : v);
  }

  private Reply index(ToolRequest req) {
    String category = param(req, "category", 40).orElse(null);
    String letter = param(req, "letter", 1).map(l -> l.toLowerCase(java.util.Locale.ROOT)).filter(l -> l.matches("[a-z#]")).orElse(null);
    String q = param(req, "q", 100).orElse(null);
    String tag = param(req, "tag", 30).map(t -> t.toLowerCase(java.util.Locale.ROOT)).orElse(null);
    boolean approver = req.can(SignsTool.APPROVE);
    List<Map<String, Object>> signs = store.list(req.space().id(), new SignStore.Filter(category, letter, q, tag), req.user().id(), false)
        .stream().map(s -> card(req, s)).toList();
    Map<String, Object> m = new HashMap<>();
    m.put("signs", signs);
    m.put("week", store.week(req.space().id()).map(s -> card(req, s)).orElse(null));
    List<Map<String, Object>> cats = new ArrayList<>();
    store.categories(req.space().id()).forEach((name, n) -> cats.add(Map.of("name", name, "param", enc(name), "count", n, "current", name.equals(category))));
    m.put("categories", cats);
    TreeSet<String> present = store.letters(req.space().id());
    List<Map<String, Object>> letters = new ArrayList<>();
    for (char c = 'a'; c <= 'z'; c++) letters.add(letterModel(String.valueOf(c), present, letter));
    letters.add(letterModel("#", present, letter));
    m.put("letters", letters);
    m.put("category", category);
    m.put("letter", letter == null ? null : letter.toUpperCase(java.util.Locale.ROOT));
    m.put("q", q);
    m.put("tag", tag);
    boolean filtered = category != null || letter != null || q != null || tag != null;
    m.put("filtered", filtered);
    // One sentence for whichever filters are on, so each language orders its own words.
    if (filtered) {
      m.put("showing", req.text(SHOWING, "hasQ", yes(q), "q", String.valueOf(q), "hasCategory", yes(category), "category", String.valueOf(category),
          "hasLetter", yes(letter), "letter", letter == null ? "" : letter.toUpperCase(java.util.Locale.ROOT), "hasTag", yes(tag), "tag", String.valueOf(tag)));
    }
    m.put("mayUpload", gallery.mayUpload(req));
    m.put("approver", approver);
    m.put("pendingCount", approver ? store.pending(req.space().id()).size() : 0);
    return Page.of("signs/index", m).title(req.text(PAGE_TITLE, "space", req.space().name()));
  }

  private static String yes(String v) { return v == null ? "no" : "yes"; }

  static String enc(String s) { return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8); }

  private static Map<String, Object> letterModel(String l, Set<String> present, String current) {
    return Map.of("letter", l.toUpperCase(java.util.Locale.ROOT), "param", l.equals("#") ? "%23" : l, "present", present.contains(l), "current", l.equals(current));
  }

  private Reply pending(ToolRequest req) {
    List<Map<String, Object>> signs = store.pending(req.space().id()).stream().map(s -> card(req, s)).toList();
    return Page.of("signs/pending", Map.of("signs", signs)).title(req.text(PENDING_TITLE));
  }

  /** The sign's page; also shown again (422) with what was typed when its edit or captions form is refused. */
  private Reply signPage(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    Map<String, Object> m = new HashMap<>();
    m.put("sign", card(req, s));
    m.put("notesHtml", s.notes().isBlank() ? null : core.sanitizer().textToHtml(s.notes()));
    boolean editing = "edit".equals(req.form("form"));
    Map<String, Object> edit = new HashMap<>();
    edit.put("word", editing ? req.form("word") : s.word());
    edit.put("gloss", editing ? req.form("gloss") : s.gloss());
    edit.put("notes", editing ? req.form("notes") : s.notes());
    edit.put("category", editing ? req.form("category") : s.category());
    edit.put("tags", editing ? req.form("tags") : s.tagList());
    edit.put("signer", editing ? req.form("signer") : SignsData.signer(req, s.signer()));
    edit.put("lang", editing ? req.form("lang") : s.lang());
    m.put("edit", edit);
    m.put("editOpen", editing);
    m.put("gloss", s.gloss());
    m.put("mayEdit", gallery.mayEdit(req, s));
    m.put("approver", req.can(SignsTool.APPROVE));
    m.put("isWeek", store.week(req.space().id()).map(w -> w.id() == s.id()).orElse(false));
    m.put("categories", gallery.categoryChoices(req));
    boolean captioning = "captions".equals(req.form("form"));
    m.put("captionsOpen", captioning);
    m.put("captionsText", !gallery.mayEdit(req, s) ? "" : captioning ? req.form("vtt") : store.captions(s.id()).orElse(""));
    m.put("hasPoster", s.posterKey() != null);
    return Page.of("signs/sign", m).title(req.text(SIGN_TITLE, "word", s.word()));
  }

  private Reply video(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    return core.uploads().serve(s.videoKey(), Gallery.playableType(s.videoType()), "sign-" + s.id() + "." + Gallery.extension(s.videoType()));
  }

  private Reply poster(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    if (s.posterKey() == null || core.files().path(s.posterKey()).isEmpty()) return Reply.redirect(PLACEHOLDER);
    return core.uploads().serve(s.posterKey(), "image/jpeg", "sign-" + s.id() + ".jpg");
  }

  private Reply captions(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    String vtt = store.captions(s.id()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_CAPTIONS)));
    return Reply.text(vtt, "text/vtt; charset=utf-8");
  }

  private Reply approve(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    if (s.approved()) return Reply.redirect("v/" + s.id()).flash(req.text(APPROVED_ALREADY));
    store.approve(s.id(), req.user().displayName());
    if (s.uploadedBy() != req.user().id()) {
      core.notifications().notify(SignsTool.KIND_APPROVED, s.uploadedBy(), NOTIFY_APPROVED, req.toolUrl() + "/v/" + s.id(), "word", s.word());
    }
    core.activity().record(req.user(), req.space(), "approve", DID_APPROVE, "word", s.word());
    return Reply.redirect("pending".equals(req.form("back")) ? "pending" : "v/" + s.id()).flash(req.text(APPROVED, "word", s.word()));
  }

  private Reply reject(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    if (!s.pending()) return Reply.redirect("v/" + s.id()).flash(req.text(NOT_PENDING));
    gallery.deleteFiles(store.delete(s));
    String reason = req.form("reason");
    if (s.uploadedBy() == req.user().id()) {
      // Turned down their own upload: nobody to tell.
    } else if (reason.isEmpty()) {
      core.notifications().notify(SignsTool.KIND_TURNED_DOWN, s.uploadedBy(), NOTIFY_REJECTED, req.toolUrl(), "word", s.word());
    } else {
      core.notifications().notify(SignsTool.KIND_TURNED_DOWN, s.uploadedBy(), NOTIFY_REJECTED_BECAUSE, req.toolUrl(), "word", s.word(),
          "reason", reason.length() > 200 ? reason.substring(0, 200) : reason);
    }
    core.activity().record(req.user(), req.space(), "reject", DID_TURN_DOWN, "word", s.word());
    return Reply.redirect("pending").flash(req.text(TURNED_DOWN, "word", s.word()));
  }

  private Reply edit(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    if (!gallery.mayEdit(req, s)) throw HttpProblem.forbidden(req.text(ONLY_EDIT));
    store.update(s.id(), gallery.details(req));
    return Reply.redirect("v/" + s.id()).flash(req.text(SAVED));
  }

  private Reply saveCaptions(ToolRequest req) throws IOException {
    SignStore.Sign s = gallery.visibleSign(req);
    if (!gallery.mayEdit(req, s)) throw HttpProblem.forbidden(req.text(ONLY_CAPTIONS));
    if ("remove".equals(req.form("action"))) {
      store.setCaptions(s.id(), null);
      return Reply.redirect("v/" + s.id()).flash(req.text(CAPTIONS_REMOVED));
    }
    // Captions are text kept with the sign (not a stored file), so they are read and checked here as text.
    Optional<Upload> file = req.uploads().stream().filter(u -> u.field().equals("vttfile") && u.size() > 0).findFirst();
    if (file.isPresent() && file.get().size() > Gallery.MAX_CAPTIONS_BYTES) throw InputProblem.of("vtt", req.text(CAPTIONS_TOO_BIG));
    byte[] bytes = file.isPresent() ? Files.readAllBytes(file.get().file()) : req.form("vtt").getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) throw InputProblem.of("vtt", req.text(CAPTIONS_EMPTY));
    store.setCaptions(s.id(), Gallery.checkCaptions(req, bytes));
    return Reply.redirect("v/" + s.id()).flash(req.text(CAPTIONS_SAVED));
  }

  private Reply delete(ToolRequest req) {
    SignStore.Sign s = gallery.visibleSign(req);
    if (!gallery.mayEdit(req, s)) throw HttpProblem.forbidden(req.text(ONLY_DELETE));
    gallery.deleteFiles(store.delete(s));
    core.activity().record(req.user(), req.space(), "delete", DID_DELETE, "word", s.word());
    return Reply.redirect("").flash(req.text(DELETED, "word", s.word()));
  }

  private Reply week(ToolRequest req) {
    long id = req.formNumber("sign", req.text(SIGN_FIELD), 1, Long.MAX_VALUE);
    SignStore.Sign s = store.sign(req.space().id(), id).orElseThrow(() -> HttpProblem.notFound(req.text(NO_SIGN)));
    if (!s.approved()) return Reply.redirect("v/" + s.id()).flash(req.text(APPROVE_FIRST));
    store.setWeek(req.space().id(), s.id(), req.user().displayName());
    core.activity().record(req.user(), req.space(), "week", DID_CHOOSE_WEEK, "word", s.word());
    return Reply.redirect("v/" + s.id()).flash(req.text(IS_WEEK, "word", s.word()));
  }

  private List<Directory.Member> learners(ToolRequest req) {
    return core.directory().members(req.space().id()).stream()
        .filter(x -> !x.role().atLeast(Role.TEACHER) && x.user().kind() == UserKind.LEARNER).toList();
  }

  private Reply uploadersPage(ToolRequest req) {
    Set<Long> named = new HashSet<>(store.uploaders(req.space().id()));
    List<Map<String, Object>> rows = learners(req).stream().map(x -> Map.<String, Object>of("id", x.user().id(), "name", x.user().displayName(),
        "allowed", named.contains(x.user().id()))).toList();
    return Page.of("signs/uploaders", Map.of("learners", rows)).title(req.text(UPLOADERS_TITLE));
  }

  private Reply saveUploaders(ToolRequest req) {
    Set<Long> members = new HashSet<>();
    learners(req).forEach(x -> members.add(x.user().id()));
    List<Long> chosen = new ArrayList<>();
    for (String v : req.formAll("learner")) {
      // Only the page's own checkboxes count; anything else is not one of the learners here.
      if (!v.matches("\\d{1,18}")) continue;
      long id = Long.parseLong(v);
      if (members.contains(id) && !chosen.contains(id)) chosen.add(id);
    }
    store.setUploaders(req.space().id(), chosen);
    core.activity().record(req.user(), req.space(), "uploaders", DID_SET_UPLOADERS, "count", chosen.size());
    return Reply.redirect("uploaders").flash(chosen.isEmpty() ? req.text(ONLY_TEACHERS_NOW) : req.text(LEARNERS_MAY, "count", chosen.size()));
  }
}
