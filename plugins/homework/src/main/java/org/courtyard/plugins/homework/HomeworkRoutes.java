package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.UserKind;
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

/** Homework pages under /s/{space}/homework. */
final class HomeworkRoutes implements Routes {
  static final long MAX_FILE = 20L * 1024 * 1024;
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 50_000;
  private static final Uploads.Kind[] WORK = {Uploads.Kind.IMAGE, Uploads.Kind.AUDIO, Uploads.Kind.DOCUMENT};
  // The words people read are in messages/homework*.properties, one file per language.
  /** Notices are read later by someone else: each in the recipient's own language. */
  static final Message NOTIFY_SET = Message.of("homework.notify.set");
  /** What happened, for the ICT leader's usage page, shown in their language. */
  static final Message DID_SET = Message.of("homework.activity.set");
  static final Message DID_HAND_IN = Message.of("homework.activity.handedIn");
  static final Message DID_HAND_IN_LATE = Message.of("homework.activity.handedInLate");
  static final Message DID_MARK = Message.of("homework.activity.marked");
  static final Message DID_RETURN = Message.of("homework.activity.returned");
  static final Message NOTIFY_MARKED = Message.of("homework.notify.marked");
  static final Message NOTIFY_CHILD_MARKED = Message.of("homework.notify.childMarked");
  static final Message NOTIFY_CHILD_SET = Message.of("homework.notify.childSet");
  static final Message NOTIFY_HANDED_IN = Message.of("homework.notify.handedIn");
  static final Message NOTIFY_HANDED_IN_LATE = Message.of("homework.notify.handedInLate");
  static final Message PAGE_TITLE = Message.of("homework.index.pageTitle");
  static final Message MISSING_TITLE = Message.of("homework.missing.title");
  static final Message STATE_OF = Message.of("homework.state.of");
  static final Message STATE_MARKED = Message.of("homework.state.marked");
  static final Message STATE_LATE = Message.of("homework.state.handedInLate");
  static final Message STATE_IN = Message.of("homework.state.handedIn");
  static final Message STATE_CLOSED = Message.of("homework.state.closed");
  static final Message STATE_OVERDUE = Message.of("homework.state.overdue");
  static final Message STATE_TO_DO = Message.of("homework.state.toDo");
  static final Message TOO_LONG = Message.of("homework.problem.tooLong");
  static final Message TITLE = Message.of("homework.index.taskTitle");
  static final Message NO_TITLE = Message.of("homework.problem.noTitle");
  static final Message INSTRUCTIONS_TOO_LONG = Message.of("homework.problem.instructionsTooLong");
  static final Message NO_DUE = Message.of("homework.problem.noDue");
  static final Message NOT_IN_CLASS = Message.of("homework.problem.notInClass");
  static final Message NO_TASK = Message.of("homework.problem.noTask");
  static final Message NO_TASK_FOR_YOU = Message.of("homework.problem.noTaskForYou");
  static final Message NOT_SET_FOR_YOU = Message.of("homework.problem.notSetForYou");
  static final Message CLOSED = Message.of("homework.problem.closed");
  static final Message YOUR_WRITING = Message.of("homework.problem.yourWriting");
  static final Message BAD_LINK = Message.of("homework.problem.badLink");
  static final Message NOTHING = Message.of("homework.problem.nothing");
  static final Message LEARNER = Message.of("homework.task.learner");
  static final Message NOT_ASSIGNED = Message.of("homework.problem.notAssigned");
  static final Message NO_NEW_DUE = Message.of("homework.problem.noNewDue");
  static final Message NO_WORK = Message.of("homework.problem.noWork");
  static final Message SOMEONE_ELSES = Message.of("homework.problem.someoneElses");
  static final Message NO_FILE = Message.of("homework.problem.noFile");
  static final Message OFF_SCALE = Message.of("homework.problem.offScale");
  static final Message COMMENT = Message.of("homework.submission.comment");
  static final Message TASK_SET = Message.of("homework.flash.taskSet");
  static final Message ALREADY_RETURNED = Message.of("homework.flash.alreadyReturned");
  static final Message HANDED_IN_LATE = Message.of("homework.flash.handedInLate");
  static final Message HANDED_IN = Message.of("homework.flash.handedIn");
  static final Message EXTENDED = Message.of("homework.flash.extended");
  static final Message RETURNED = Message.of("homework.flash.returned");
  static final Message MARK_SAVED = Message.of("homework.flash.markSaved");
  static final Message FORMER_STAFF = Message.of("homework.submission.formerStaff");
  private final HomeworkStore store;
  private final Assignees assignees;
  private final ToolServices core;

  @Inject
  HomeworkRoutes(HomeworkStore store, Assignees assignees, ToolServices core) {
    this.store = store;
    this.assignees = assignees;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", HomeworkTool.VIEW, this::index);
    r.post("/tasks", HomeworkTool.MARK, this::create, this::index);
    r.get("/t/:id", HomeworkTool.VIEW, this::taskPage);
    r.post("/t/:id/hand-in", HomeworkTool.SUBMIT, this::handIn, this::taskPage);
    r.post("/t/:id/extend", HomeworkTool.MARK, this::extend, this::taskPage);
    r.get("/t/:id/s/:sid", HomeworkTool.VIEW, this::submissionPage);
    r.post("/t/:id/s/:sid/mark", HomeworkTool.MARK, this::mark, this::submissionPage);
    r.get("/files/:id", HomeworkTool.VIEW, this::file);
    r.get("/missing", HomeworkTool.MARK, this::missing);
  }

  private Instant now() { return core.clock().instant(); }

  private ZoneId zone(ToolRequest req) { return core.directory().timeZone(req.space().schoolId()); }

  /** Whose work this user may see: everyone's for a marker, their own, or their children's for a parent. */
  private Set<Long> mayView(ToolRequest req) {
    if (req.user().kind() == UserKind.PARENT) return core.directory().childrenOf(req.user().id()).stream().map(UserRef::id).collect(Collectors.toSet());
    return Set.of(req.user().id());
  }

  /** The space's members who may mark its homework: its teachers, as the space's permissions say. */
  private List<UserRef> markers(long spaceId) {
    return core.directory().members(spaceId).stream().map(org.courtyard.api.service.Directory.Member::user)
        .filter(u -> core.permissions().can(u.id(), HomeworkAgenda.MARK, spaceId)).toList();
  }

  private HomeworkStore.Task task(ToolRequest req) {
    return store.task(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_TASK)));
  }

  /** Whether a learner can no longer hand in: the task closes at its due time, and theirs has passed. */
  private boolean closedFor(HomeworkStore.Task t, long userId, Instant now) {
    return t.closesAtDue() && now.isAfter(store.dueFor(t, userId));
  }

  private Page index(ToolRequest req) {
    boolean marker = req.can(HomeworkTool.MARK);
    Set<Long> mine = mayView(req);
    Instant now = now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HomeworkStore.Task t : store.tasks(req.space().id())) {
      List<UserRef> who = assignees.of(t);
      if (!marker && who.stream().noneMatch(u -> mine.contains(u.id()))) continue;
      Map<String, Object> m = new HashMap<>();
      m.put("id", t.id());
      m.put("title", t.title());
      m.put("due", t.dueAt());
      if (marker) {
        m.put("handedIn", store.submissions(t.id()).size());
        m.put("total", who.size());
      } else {
        List<String> states = new ArrayList<>();
        for (UserRef u : who) {
          if (!mine.contains(u.id())) continue;
          String state = state(req, t, u.id(), now);
          states.add(mine.size() > 1 || req.user().kind() == UserKind.PARENT ? req.text(STATE_OF, "name", u.displayName(), "state", state) : state);
        }
        m.put("state", String.join("; ", states));
      }
      rows.add(m);
    }
    Set<String> ticked = new HashSet<>(req.formAll("learner")); // kept when the form comes back with a problem
    Map<String, Object> m = new HashMap<>();
    m.put("tasks", rows);
    m.put("marker", marker);
    m.put("learners", assignees.learnersOf(req.space().id()).stream()
        .map(u -> Map.<String, Object>of("id", u.id(), "name", u.displayName(), "ticked", ticked.contains(Long.toString(u.id())))).toList());
    return Page.of("homework/index", m).title(req.text(PAGE_TITLE, "space", req.space().name()));
  }

  private String state(ToolRequest req, HomeworkStore.Task t, long userId, Instant now) {
    return store.submissionOf(t.id(), userId)
        .map(s -> s.returned() ? req.text(STATE_MARKED, "mark", s.mark()) : req.text(s.late() ? STATE_LATE : STATE_IN))
        .orElseGet(() -> req.text(closedFor(t, userId, now) ? STATE_CLOSED : now.isAfter(store.dueFor(t, userId)) ? STATE_OVERDUE : STATE_TO_DO));
  }

  /** A date and time typed into a datetime-local box, in the school's time zone; empty if it is not one. */
  private static java.util.Optional<Instant> parseTime(String value, ZoneId zone) {
    try {
      return java.util.Optional.of(LocalDateTime.parse(value).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private Reply create(ToolRequest req) {
    InputProblem.Collector problems = new InputProblem.Collector();
    String title = req.form("title");
    if (title.isEmpty()) problems.add("title", req.text(NO_TITLE));
    else if (title.length() > MAX_TITLE) problems.add("title", req.text(TOO_LONG, "label", req.text(TITLE), "max", MAX_TITLE, "length", title.length()));
    String instructions = req.form("instructions");
    if (instructions.length() > MAX_TEXT) problems.add("instructions", req.text(INSTRUCTIONS_TOO_LONG, "max", MAX_TEXT));
    Instant due = parseTime(req.form("due"), zone(req)).orElse(null);
    if (due == null) problems.add("due", req.text(NO_DUE));
    Set<Long> members = assignees.learnersOf(req.space().id()).stream().map(UserRef::id).collect(Collectors.toSet());
    List<Long> named = new ArrayList<>();
    for (String v : req.formAll("learner")) {
      Long id = v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
      if (id == null || !members.contains(id)) {
        problems.add("learner", req.text(NOT_IN_CLASS));
        break;
      }
      named.add(id);
    }
    if (problems.any()) problems.throwIfAny(index(req));
    long id = store.create(req.space().id(), title, core.sanitizer().sanitize(instructions), due, !req.form("closes").isEmpty(), named,
        req.user().id(), now());
    HomeworkStore.Task t = store.task(req.space().id(), id).orElseThrow();
    // Notices are read later by someone else, each in their own language; so is the activity log, by the ICT leader.
    // Each learner it is set for, and their parents and carers (who see the task on the same page); never the one who set it.
    String url = req.toolUrl() + "/t/" + id;
    for (UserRef u : assignees.of(t)) {
      if (u.id() != req.user().id()) core.notifications().notify(HomeworkTool.SET, u.id(), NOTIFY_SET, url, "title", title);
      for (UserRef parent : core.directory().parentsOf(u.id())) {
        if (parent.id() == req.user().id()) continue;
        core.notifications().notify(HomeworkTool.SET_FOR_CHILD, parent.id(), NOTIFY_CHILD_SET, url, "name", u.displayName(), "title", title);
      }
    }
    core.activity().record(req.user(), req.space(), "set", DID_SET, "title", title);
    return Reply.redirect("t/" + id).flash(req.text(TASK_SET));
  }

  private Page taskPage(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    boolean marker = req.can(HomeworkTool.MARK);
    List<UserRef> who = assignees.of(t);
    Set<Long> mine = mayView(req);
    if (!marker && who.stream().noneMatch(u -> mine.contains(u.id()))) throw HttpProblem.notFound(req.text(NO_TASK_FOR_YOU));
    Instant now = now();
    Map<String, Object> m = new HashMap<>();
    m.put("task", t);
    m.put("marker", marker);
    m.put("overdue", now.isAfter(t.dueAt()));
    m.put("closed", t.closesAtDue() && now.isAfter(t.dueAt()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (UserRef u : who) {
      if (!marker && !mine.contains(u.id())) continue;
      Map<String, Object> row = new HashMap<>();
      row.put("name", u.displayName());
      row.put("userId", u.id());
      row.put("username", u.username());
      row.put("due", store.dueFor(t, u.id()));
      row.put("state", state(req, t, u.id(), now));
      store.submissionOf(t.id(), u.id()).ifPresent(s -> {
        row.put("submissionId", s.id());
        row.put("late", s.late());
        if (marker || s.returned()) {
          row.put("mark", s.mark());
          row.put("feedback", s.feedback());
          row.put("feedbackLang", s.feedbackLang() == null ? "" : s.feedbackLang());
        }
        row.put("returned", s.returned());
      });
      rows.add(row);
    }
    m.put("rows", rows);
    boolean learner = who.stream().anyMatch(u -> u.id() == req.user().id());
    m.put("canHandIn", learner && req.can(HomeworkTool.SUBMIT));
    if (learner) {
      m.put("myDue", store.dueFor(t, req.user().id()));
      m.put("closedForMe", closedFor(t, req.user().id(), now));
      store.submissionOf(t.id(), req.user().id()).ifPresent(s -> m.put("mine", s));
    }
    return Page.of("homework/task", m).title(t.title());
  }

  private Reply handIn(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    if (assignees.of(t).stream().noneMatch(u -> u.id() == req.user().id())) throw HttpProblem.forbidden(req.text(NOT_SET_FOR_YOU));
    var old = store.submissionOf(t.id(), req.user().id());
    if (old.isPresent() && old.get().returned()) return Reply.redirect("t/" + t.id()).flash(req.text(ALREADY_RETURNED));
    Instant now = now();
    if (closedFor(t, req.user().id(), now)) {
      throw InputProblem.of("", req.text(CLOSED, "title", t.title()));
    }
    String body = req.form("body");
    String link = req.form("link");
    if (body.length() > MAX_TEXT) throw InputProblem.of("body", req.text(TOO_LONG, "label", req.text(YOUR_WRITING), "max", MAX_TEXT, "length", body.length()));
    if (!link.isEmpty() && !link.matches("https?://[^\\s\"'<>]{1,490}")) throw InputProblem.of("link", req.text(BAD_LINK));
    if (body.isEmpty() && link.isEmpty() && req.uploads().isEmpty()) throw InputProblem.of("body", req.text(NOTHING));
    List<Uploads.Stored> stored = core.uploads().acceptAll(req.uploads(), "file", MAX_FILE, WORK);
    boolean late = now.isAfter(store.dueFor(t, req.user().id()));
    // The language the learner says their answer is in, if not the page's: kept as written, marked for screen readers.
    long sid = store.handIn(t.id(), req.user(), body, link.isEmpty() ? null : link, late, now, ContentLanguage.of(req.form("lang")).orElse(null));
    for (Uploads.Stored s : stored) store.addFile(sid, s.key(), s.fileName(), s.contentType());
    core.activity().record(req.user(), req.space(), "hand-in", late ? DID_HAND_IN_LATE : DID_HAND_IN, "title", t.title());
    // The class's teachers, those who may mark it here; a late hand-in is its own kind, so they can choose differently.
    String url = req.toolUrl() + "/t/" + t.id() + "/s/" + sid;
    for (UserRef marker : markers(req.space().id())) {
      if (marker.id() == req.user().id()) continue;
      core.notifications().notify(late ? HomeworkTool.HANDED_IN_LATE : HomeworkTool.HANDED_IN, marker.id(), late ? NOTIFY_HANDED_IN_LATE : NOTIFY_HANDED_IN,
          url, "name", req.user().displayName(), "title", t.title());
    }
    return Reply.redirect("t/" + t.id()).flash(req.text(late ? HANDED_IN_LATE : HANDED_IN));
  }

  private Reply extend(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    long userId = req.formNumber("user", req.text(LEARNER), 1, Long.MAX_VALUE);
    if (assignees.of(t).stream().noneMatch(u -> u.id() == userId)) throw InputProblem.of("user", req.text(NOT_ASSIGNED));
    Instant due = parseTime(req.form("due"), zone(req))
        .orElseThrow(() -> InputProblem.of("due", req.text(NO_NEW_DUE)));
    store.extend(t.id(), userId, due);
    return Reply.redirect("t/" + t.id()).flash(req.text(EXTENDED));
  }

  private HomeworkStore.Submission submission(ToolRequest req, HomeworkStore.Task t) {
    HomeworkStore.Submission s = store.submission(t.id(), req.pathId("sid")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_WORK)));
    if (!req.can(HomeworkTool.MARK) && !mayView(req).contains(s.userId())) throw HttpProblem.forbidden(req.text(SOMEONE_ELSES));
    return s;
  }

  private List<String> scale(ToolRequest req) {
    String scale = req.setting(HomeworkTool.GRADE_SCALE).trim();
    if (!scale.isEmpty()) return Arrays.stream(scale.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    List<String> marks = new ArrayList<>();
    int max = (int) Math.max(1, Math.min(1000, req.setting(HomeworkTool.MAX_MARK)));
    for (int i = 0; i <= max; i++) marks.add(i + " / " + max);
    return marks;
  }

  private Page submissionPage(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    HomeworkStore.Submission s = submission(req, t);
    boolean marker = req.can(HomeworkTool.MARK);
    Map<String, Object> m = new HashMap<>();
    m.put("task", t);
    m.put("sub", s);
    m.put("bodyHtml", core.sanitizer().textToHtml(s.body()));
    m.put("markedBy", s.markedByFormerStaff() ? req.text(FORMER_STAFF) : s.markedBy());
    m.put("files", store.files(s.id()));
    m.put("marker", marker);
    m.put("showMark", marker || s.returned());
    m.put("scale", scale(req));
    return Page.of("homework/submission", m).title(s.userName() + ": " + t.title());
  }

  private Reply mark(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    HomeworkStore.Submission s = submission(req, t);
    String mark = req.form("mark");
    if (!scale(req).contains(mark)) throw InputProblem.of("mark", req.text(OFF_SCALE));
    String feedback = req.form("feedback");
    if (feedback.length() > MAX_TEXT) throw InputProblem.of("feedback", req.text(TOO_LONG, "label", req.text(COMMENT), "max", MAX_TEXT, "length", feedback.length()));
    boolean ret = "return".equals(req.form("action"));
    store.mark(s.id(), mark, feedback, ContentLanguage.of(req.form("lang")).orElse(null), req.user(), ret);
    if (ret) {
      recordResult(req, t, s.userId(), mark);
      // The learner and their parents and carers (as the school linked them), who may all open the returned work.
      String url = req.toolUrl() + "/t/" + t.id() + "/s/" + s.id();
      if (s.userId() != req.user().id()) core.notifications().notify(HomeworkTool.RETURNED, s.userId(), NOTIFY_MARKED, url, "title", t.title());
      for (UserRef parent : core.directory().parentsOf(s.userId())) {
        if (parent.id() == req.user().id()) continue;
        core.notifications().notify(HomeworkTool.CHILD_RETURNED, parent.id(), NOTIFY_CHILD_MARKED, url, "name", s.userName(), "title", t.title());
      }
    }
    core.activity().record(req.user(), req.space(), ret ? "return" : "mark", ret ? DID_RETURN : DID_MARK, "name", s.userName(), "title", t.title());
    return Reply.redirect("t/" + t.id()).flash(req.text(ret ? RETURNED : MARK_SAVED));
  }

  /** Hands a returned mark to the markbook: "7 / 10" as a score, a word grade as a grade. */
  private void recordResult(ToolRequest req, HomeworkStore.Task t, long learnerId, String mark) {
    var m = java.util.regex.Pattern.compile("(\\d+) / (\\d+)").matcher(mark);
    if (m.matches()) {
      core.results().record(req.space(), "task-" + t.id(), t.title(), learnerId, Double.valueOf(m.group(1)), Double.valueOf(m.group(2)), null);
    } else {
      core.results().record(req.space(), "task-" + t.id(), t.title(), learnerId, null, null, mark);
    }
  }

  private Reply file(ToolRequest req) {
    HomeworkStore.FileItem f = store.file(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    HomeworkStore.Submission s = store.submissionById(f.submissionId()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    store.task(req.space().id(), s.taskId()).orElseThrow(() -> HttpProblem.notFound(req.text(NO_FILE)));
    if (!req.can(HomeworkTool.MARK) && !mayView(req).contains(s.userId())) throw HttpProblem.forbidden(req.text(SOMEONE_ELSES));
    return core.uploads().serve(f.fileKey(), f.contentType(), f.fileName());
  }

  /** Not handed in: by task, and by learner (a head of year sees every class below their year). */
  private Reply missing(ToolRequest req) {
    List<Map<String, Object>> byTask = new ArrayList<>();
    Map<String, List<String>> byLearner = new java.util.TreeMap<>();
    Instant now = now();
    for (HomeworkStore.Task t : store.tasks(req.space().id())) {
      List<String> names = new ArrayList<>();
      for (UserRef u : assignees.of(t)) {
        if (store.submissionOf(t.id(), u.id()).isEmpty() && now.isAfter(store.dueFor(t, u.id()))) {
          names.add(u.displayName());
          byLearner.computeIfAbsent(u.displayName(), k -> new ArrayList<>()).add(t.title());
        }
      }
      if (!names.isEmpty()) byTask.add(Map.of("id", t.id(), "title", t.title(), "names", names));
    }
    List<Map<String, Object>> learners = new ArrayList<>();
    byLearner.forEach((name, tasks) -> learners.add(Map.of("name", name, "tasks", tasks)));
    return Page.of("homework/missing", Map.of("byTask", byTask, "byLearner", learners)).title(req.text(MISSING_TITLE));
  }
}
