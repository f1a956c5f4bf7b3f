package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.service.Results;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** Homework pages under /s/{space}/homework. */
final class HomeworkRoutes implements Routes {
  static final long MAX_FILE = 20L * 1024 * 1024;
  private final HomeworkStore store;
  private final Directory directory;
  private final FileStore files;
  private final HtmlSanitizer sanitizer;
  private final Notifications notifications;
  private final ActivityLog activity;
  private final Results results;

  @Inject
  HomeworkRoutes(HomeworkStore store, Directory directory, FileStore files, HtmlSanitizer sanitizer, Notifications notifications, ActivityLog activity,
                 Results results) {
    this.results = results;
    this.store = store;
    this.directory = directory;
    this.files = files;
    this.sanitizer = sanitizer;
    this.notifications = notifications;
    this.activity = activity;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", "view", this::index);
    r.post("/tasks", "mark", this::create);
    r.get("/t/:id", "view", this::taskPage);
    r.post("/t/:id/hand-in", "submit", this::handIn);
    r.post("/t/:id/extend", "mark", this::extend);
    r.get("/t/:id/s/:sid", "view", this::submissionPage);
    r.post("/t/:id/s/:sid/mark", "mark", this::mark);
    r.get("/files/:id", "view", this::file);
    r.get("/missing", "mark", this::missing);
  }

  /** The learners a task is for. */
  private List<UserRef> assignees(ToolRequest req, HomeworkStore.Task t) {
    if (!t.forAll()) return store.named(t.id()).stream().flatMap(id -> directory.user(id).stream()).toList();
    return directory.members(req.space().id()).stream()
        .filter(m -> m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER).map(Directory.Member::user).toList();
  }

  /** Whose work this user may see: everyone's for a marker, their own, or their children's for a parent. */
  private Set<Long> mayView(ToolRequest req) {
    if (req.user().kind() == UserKind.PARENT) return directory.childrenOf(req.user().id()).stream().map(UserRef::id).collect(Collectors.toSet());
    return Set.of(req.user().id());
  }

  private HomeworkStore.Task task(ToolRequest req) {
    return store.task(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such task here."));
  }

  private Reply index(ToolRequest req) {
    boolean marker = req.can("mark");
    Set<Long> mine = mayView(req);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HomeworkStore.Task t : store.tasks(req.space().id())) {
      List<UserRef> who = assignees(req, t);
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
        for (UserRef u : who) if (mine.contains(u.id())) states.add((mine.size() > 1 || req.user().kind() == UserKind.PARENT ? u.displayName() + ": " : "") + state(t, u.id()));
        m.put("state", String.join("; ", states));
      }
      rows.add(m);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("tasks", rows);
    m.put("marker", marker);
    m.put("learners", assigneesForForm(req));
    return Page.of("homework/index", m).title("Homework · " + req.space().name());
  }

  private List<Map<String, Object>> assigneesForForm(ToolRequest req) {
    return directory.members(req.space().id()).stream().filter(x -> x.role() == Role.MEMBER && x.user().kind() == UserKind.LEARNER)
        .map(x -> Map.<String, Object>of("id", x.user().id(), "name", x.user().displayName())).toList();
  }

  private String state(HomeworkStore.Task t, long userId) {
    return store.submissionOf(t.id(), userId).map(s -> s.returned() ? "marked: " + s.mark() : s.late() ? "handed in late" : "handed in")
        .orElse(Instant.now().isAfter(store.dueFor(t, userId)) ? "not handed in (overdue)" : "to do");
  }

  private static Instant parseTime(String value) {
    try {
      return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Choose a date and time.");
    }
  }

  private Reply create(ToolRequest req) {
    String title = req.form("title");
    if (title.isEmpty() || title.length() > 200) return Reply.redirect("").flash("Give the task a title (at most 200 characters). Nothing was set.");
    Instant due;
    try {
      due = parseTime(req.form("due"));
    } catch (IllegalArgumentException e) {
      return Reply.redirect("").flash("Choose when it is due. Nothing was set.");
    }
    Set<Long> members = assigneesForForm(req).stream().map(x -> (Long) x.get("id")).collect(Collectors.toSet());
    List<Long> named = req.formAll("learner").stream().map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return -1L;
      }
    }).filter(members::contains).toList();
    long id = store.create(req.space().id(), title, sanitizer.sanitize(req.form("instructions")), due, named, req.user().id());
    HomeworkStore.Task t = store.task(req.space().id(), id).orElseThrow();
    for (UserRef u : assignees(req, t)) notifications.notify(u.id(), "New homework: " + title, req.toolUrl() + "/t/" + id);
    activity.record(req.user(), req.space(), "set", "set “" + title + "”");
    return Reply.redirect("t/" + id).flash("Task set.");
  }

  private Reply taskPage(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    boolean marker = req.can("mark");
    List<UserRef> who = assignees(req, t);
    Set<Long> mine = mayView(req);
    if (!marker && who.stream().noneMatch(u -> mine.contains(u.id()))) throw HttpProblem.notFound("There is no such task for you.");
    Map<String, Object> m = new HashMap<>();
    m.put("task", t);
    m.put("marker", marker);
    m.put("overdue", Instant.now().isAfter(t.dueAt()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (UserRef u : who) {
      if (!marker && !mine.contains(u.id())) continue;
      Map<String, Object> row = new HashMap<>();
      row.put("name", u.displayName());
      row.put("userId", u.id());
      row.put("username", u.username());
      row.put("due", store.dueFor(t, u.id()));
      row.put("state", state(t, u.id()));
      store.submissionOf(t.id(), u.id()).ifPresent(s -> {
        row.put("submissionId", s.id());
        row.put("late", s.late());
        if (marker || s.returned()) {
          row.put("mark", s.mark());
          row.put("feedback", s.feedback());
        }
        row.put("returned", s.returned());
      });
      rows.add(row);
    }
    m.put("rows", rows);
    boolean learner = who.stream().anyMatch(u -> u.id() == req.user().id());
    m.put("canHandIn", learner && req.can("submit"));
    if (learner) {
      m.put("myDue", store.dueFor(t, req.user().id()));
      store.submissionOf(t.id(), req.user().id()).ifPresent(s -> m.put("mine", s));
    }
    return Page.of("homework/task", m).title(t.title());
  }

  private Reply handIn(ToolRequest req) throws IOException {
    HomeworkStore.Task t = task(req);
    if (assignees(req, t).stream().noneMatch(u -> u.id() == req.user().id())) throw HttpProblem.forbidden("This task is not set for you.");
    var old = store.submissionOf(t.id(), req.user().id());
    if (old.isPresent() && old.get().returned()) return Reply.redirect("t/" + t.id()).flash("Your work has been marked and returned, so it cannot be changed.");
    String body = req.form("body");
    String link = req.form("link");
    if (!link.isEmpty() && !link.matches("https?://[^\\s\"'<>]{1,490}")) return Reply.redirect("t/" + t.id()).flash("A link starts with https:// — nothing was handed in.");
    List<Upload> ups = req.uploads();
    for (Upload u : ups) {
      if (u.size() > MAX_FILE) return Reply.redirect("t/" + t.id()).flash(u.fileName() + " is bigger than 20 MB. Nothing was handed in.");
      if (ContentTypes.sniff(u.file()) == null) return Reply.redirect("t/" + t.id()).flash(u.fileName() + " is not a picture, sound or document. Nothing was handed in.");
    }
    if (body.isEmpty() && link.isEmpty() && ups.isEmpty()) return Reply.redirect("t/" + t.id()).flash("Write something, add a link or attach a file first.");
    boolean late = Instant.now().isAfter(store.dueFor(t, req.user().id()));
    long sid = store.handIn(t.id(), req.user(), body, link.isEmpty() ? null : link, late);
    for (Upload u : ups) {
      String name = u.fileName() == null || u.fileName().isBlank() ? "work" : u.fileName();
      String type = ContentTypes.sniff(u.file()); // before putFile, which moves the file away
      store.addFile(sid, files.putFile(u.file()), name.length() > 200 ? name.substring(0, 200) : name, type);
    }
    activity.record(req.user(), req.space(), "hand-in", "handed in “" + t.title() + "”" + (late ? " late" : ""));
    return Reply.redirect("t/" + t.id()).flash(late ? "Handed in — late, so your teacher will see that." : "Handed in. Well done!");
  }

  private Reply extend(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    long userId;
    try {
      userId = Long.parseLong(req.form("user"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("Choose a learner.");
    }
    if (assignees(req, t).stream().noneMatch(u -> u.id() == userId)) throw HttpProblem.badRequest("That learner does not have this task.");
    try {
      store.extend(t.id(), userId, parseTime(req.form("due")));
    } catch (IllegalArgumentException e) {
      return Reply.redirect("t/" + t.id()).flash("Choose the new date and time. Nothing was changed.");
    }
    return Reply.redirect("t/" + t.id()).flash("Extension given.");
  }

  private HomeworkStore.Submission submission(ToolRequest req, HomeworkStore.Task t) {
    HomeworkStore.Submission s = store.submission(t.id(), req.pathId("sid")).orElseThrow(() -> HttpProblem.notFound("There is no such piece of work."));
    if (!req.can("mark") && !mayView(req).contains(s.userId())) throw HttpProblem.forbidden("This is someone else's work.");
    return s;
  }

  private List<String> scale(ToolRequest req) {
    String scale = req.setting("grade-scale").trim();
    if (!scale.isEmpty()) return Arrays.stream(scale.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    List<String> marks = new ArrayList<>();
    int max = (int) Math.max(1, Math.min(1000, Long.parseLong(req.setting("max-mark"))));
    for (int i = 0; i <= max; i++) marks.add(i + " / " + max);
    return marks;
  }

  private Reply submissionPage(ToolRequest req) {
    HomeworkStore.Task t = task(req);
    HomeworkStore.Submission s = submission(req, t);
    boolean marker = req.can("mark");
    Map<String, Object> m = new HashMap<>();
    m.put("task", t);
    m.put("sub", s);
    m.put("bodyHtml", sanitizer.textToHtml(s.body()));
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
    if (!scale(req).contains(mark)) return Reply.redirect("t/" + t.id() + "/s/" + s.id()).flash("Choose a mark from the school's scale. Nothing was saved.");
    boolean ret = "return".equals(req.form("action"));
    store.mark(s.id(), mark, req.form("feedback"), req.user().displayName(), ret);
    if (ret) {
      recordResult(req, t, s.userId(), mark);
      notifications.notify(s.userId(), "Your “" + t.title() + "” is marked", req.toolUrl() + "/t/" + t.id() + "/s/" + s.id());
      for (UserRef parent : directory.parentsOf(s.userId())) {
        notifications.notify(parent.id(), s.userName() + "'s “" + t.title() + "” is marked", req.toolUrl() + "/t/" + t.id() + "/s/" + s.id());
      }
    }
    activity.record(req.user(), req.space(), ret ? "return" : "mark", (ret ? "returned " : "marked ") + s.userName() + "'s “" + t.title() + "”");
    return Reply.redirect("t/" + t.id()).flash(ret ? "Marked and returned." : "Mark saved; not returned yet.");
  }

  /** Hands a returned mark to the markbook: "7 / 10" as a score, a word grade as a grade. */
  private void recordResult(ToolRequest req, HomeworkStore.Task t, long learnerId, String mark) {
    var m = java.util.regex.Pattern.compile("(\\d+) / (\\d+)").matcher(mark);
    if (m.matches()) {
      results.record(req.space(), "task-" + t.id(), t.title(), learnerId, Double.valueOf(m.group(1)), Double.valueOf(m.group(2)), null);
    } else {
      results.record(req.space(), "task-" + t.id(), t.title(), learnerId, null, null, mark);
    }
  }

  private Reply file(ToolRequest req) {
    HomeworkStore.FileItem f = store.file(req.pathId("id")).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    HomeworkStore.Submission s = store.submissionById(f.submissionId()).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    store.task(req.space().id(), s.taskId()).orElseThrow(() -> HttpProblem.notFound("There is no such file."));
    if (!req.can("mark") && !mayView(req).contains(s.userId())) throw HttpProblem.forbidden("This is someone else's work.");
    return Reply.file(files.path(f.fileKey()).orElseThrow(() -> HttpProblem.notFound("That file is no longer here.")), f.contentType(), f.fileName());
  }

  /** Not handed in: by task, and by learner (a head of year sees every class below their year). */
  private Reply missing(ToolRequest req) {
    List<Map<String, Object>> byTask = new ArrayList<>();
    Map<String, List<String>> byLearner = new java.util.TreeMap<>();
    Instant now = Instant.now();
    for (HomeworkStore.Task t : store.tasks(req.space().id())) {
      List<String> names = new ArrayList<>();
      for (UserRef u : assignees(req, t)) {
        if (store.submissionOf(t.id(), u.id()).isEmpty() && now.isAfter(store.dueFor(t, u.id()))) {
          names.add(u.displayName());
          byLearner.computeIfAbsent(u.displayName(), k -> new ArrayList<>()).add(t.title());
        }
      }
      if (!names.isEmpty()) byTask.add(Map.of("id", t.id(), "title", t.title(), "names", names));
    }
    List<Map<String, Object>> learners = new ArrayList<>();
    byLearner.forEach((name, tasks) -> learners.add(Map.of("name", name, "tasks", tasks)));
    return Page.of("homework/missing", Map.of("byTask", byTask, "byLearner", learners)).title("Not handed in");
  }
}
