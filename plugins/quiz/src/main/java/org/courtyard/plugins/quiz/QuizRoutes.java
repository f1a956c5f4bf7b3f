package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.web.Csv;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;

/** Quizzes under /s/{space}/quiz: the list, setting a quiz, taking it, the review, results and marking. */
final class QuizRoutes implements Routes {
  // The words people read are in messages/quiz*.properties, one file per language.
  /** Notices are read later by someone else: each in the recipient's own language. */
  static final Message PAGE_TITLE = Message.of("quiz.index.pageTitle");
  static final Message NO_QUIZ = Message.of("quiz.problem.noQuiz");
  static final Message NOT_STARTED = Message.of("quiz.state.notStarted");
  static final Message STARTED = Message.of("quiz.state.started");
  static final Message STATE_OF = Message.of("quiz.state.of");
  static final Message DONE_LATER = Message.of("quiz.state.doneMarksLater");
  static final Message WAITING_TEACHER = Message.of("quiz.state.waitingTeacher");
  static final Message IN_PROGRESS = Message.of("quiz.state.inProgress");
  static final Message WAITING_MARKING = Message.of("quiz.state.waitingMarking");
  static final Message SUBMITTED_TIMED_OUT = Message.of("quiz.state.submittedTimedOut");
  static final Message SUBMITTED = Message.of("quiz.state.submitted");
  static final Message TRIES_ANY = Message.of("quiz.quiz.triesAny");
  static final Message TRIES = Message.of("quiz.quiz.triesAllowed");
  static final Message SET_QUIZ = Message.of("quiz.index.set");
  static final Message CHANGE_TITLE = Message.of("quiz.setup.changeTitle");
  static final Message QUIZ_SET = Message.of("quiz.flash.quizSet");
  static final Message QUIZ_SAVED = Message.of("quiz.flash.quizSaved");
  static final Message NO_TITLE = Message.of("quiz.problem.noTitle");
  static final Message TITLE_TOO_LONG = Message.of("quiz.problem.titleTooLong");
  static final Message BAD_TIME_LIMIT = Message.of("quiz.problem.timeLimit");
  static final Message BAD_OPENS = Message.of("quiz.problem.opens");
  static final Message BAD_CLOSES = Message.of("quiz.problem.closes");
  static final Message CLOSES_BEFORE = Message.of("quiz.problem.closesBeforeOpens");
  static final Message BAD_TRIES = Message.of("quiz.problem.tries");
  static final Message NEEDS_CLOSE = Message.of("quiz.problem.needsClose");
  static final Message NOT_IN_BANK = Message.of("quiz.problem.notInBank");
  static final Message BAD_PICK = Message.of("quiz.problem.pick");
  static final Message NO_ITEMS = Message.of("quiz.problem.noItems");
  static final Message PARENTS_CANNOT = Message.of("quiz.problem.parents");
  static final Message NO_ATTEMPT = Message.of("quiz.problem.noAttempt");
  static final Message SOMEONE_ELSES = Message.of("quiz.problem.someoneElses");
  static final Message OVER = Message.of("quiz.problem.over");
  static final Message RAN_OUT = Message.of("quiz.flash.ranOut");
  static final Message ALREADY = Message.of("quiz.flash.already");
  static final Message ANSWERS_SAVED = Message.of("quiz.flash.answersSaved");
  static final Message TIME_UP = Message.of("quiz.flash.timeUp");
  static final Message HANDED_IN = Message.of("quiz.flash.handedIn");
  static final Message STILL_OPEN = Message.of("quiz.flash.stillOpen");
  static final Message BAD_MARK = Message.of("quiz.problem.badMark");
  static final Message LONG_COMMENT = Message.of("quiz.problem.longComment");
  static final Message MARKED = Message.of("quiz.flash.marked");
  static final Message PARTLY_MARKED = Message.of("quiz.flash.partlyMarked");
  static final Message RESULTS_TITLE = Message.of("quiz.results.title");
  static final Message NO_MEDIA = Message.of("quiz.problem.noMedia");
  static final Message TRY_TITLE = Message.of("quiz.review.pageTitle");
  /** The spreadsheet's column headings, in the teacher's language. */
  static final List<Message> CSV_HEADINGS = List.of(Message.of("quiz.csv.learner"), Message.of("quiz.csv.try"), Message.of("quiz.csv.started"),
      Message.of("quiz.csv.handedIn"), Message.of("quiz.csv.state"), Message.of("quiz.csv.score"), Message.of("quiz.csv.outOf"), Message.of("quiz.csv.percent"));
  private final QuizStore quizzes;
  private final QuestionStore bank;
  private final QuizService service;
  private final QuizNotices notices;
  private final ToolServices core;

  @Inject
  QuizRoutes(QuizStore quizzes, QuestionStore bank, QuizService service, QuizNotices notices, ToolServices core) {
    this.quizzes = quizzes;
    this.bank = bank;
    this.service = service;
    this.notices = notices;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/", QuizTool.VIEW, this::index);
    r.get("/new", QuizTool.AUTHOR, this::newQuiz);
    r.post("/new", QuizTool.AUTHOR, this::create);
    r.get("/q/:id", QuizTool.VIEW, this::overview);
    r.get("/q/:id/edit", QuizTool.AUTHOR, this::edit);
    r.post("/q/:id/edit", QuizTool.AUTHOR, this::change);
    r.post("/q/:id/start", QuizTool.ATTEMPT, this::start);
    r.get("/q/:id/a/:aid", QuizTool.VIEW, this::attemptPage);
    r.post("/q/:id/a/:aid/save", QuizTool.ATTEMPT, this::save);
    r.post("/q/:id/a/:aid/submit", QuizTool.ATTEMPT, this::submit);
    r.post("/q/:id/a/:aid/mark", QuizTool.MARK, this::mark, this::attemptPage);
    r.get("/q/:id/results", QuizTool.MARK, this::results);
    r.get("/q/:id/results.csv", QuizTool.MARK, this::resultsCsv);
    r.get("/media/:qid/:kind", QuizTool.VIEW, this::media);
  }

  private ZoneId zone(ToolRequest req) { return core.directory().timeZone(req.space().schoolId()); }

  /**
   * The tries as they stand now: any whose time ran out is handed in first, so the page a person is
   * looking at is right to the second (the closing job does the same for every space each minute).
   */
  private List<QuizStore.Attempt> current(SpaceRef space, QuizStore.Quiz q, List<QuizStore.Attempt> attempts) {
    return attempts.stream().map(a -> a.open() ? service.current(space, q, a) : a).toList();
  }

  private QuizStore.Quiz quiz(ToolRequest req) {
    QuizStore.Quiz q = quizzes.quiz(req.space().id(), req.pathId("id")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_QUIZ)));
    if (!q.published() && !req.can(QuizTool.AUTHOR)) throw HttpProblem.notFound(req.text(NO_QUIZ));
    return q;
  }

  /** Whose attempts this user may look at: everyone's for a marker, else their own or their children's. */
  private Set<Long> mayView(ToolRequest req) {
    if (req.user().kind() == UserKind.PARENT) return core.directory().childrenOf(req.user().id()).stream().map(UserRef::id).collect(Collectors.toSet());
    return Set.of(req.user().id());
  }

  private Reply index(ToolRequest req) {
    boolean author = req.can(QuizTool.AUTHOR);
    Set<Long> mine = mayView(req);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (QuizStore.Quiz q : quizzes.quizzes(req.space().id())) {
      if (!q.published() && !author) continue;
      Map<String, Object> m = new HashMap<>();
      m.put("id", q.id());
      m.put("title", q.title());
      m.put("draft", !q.published());
      m.put("closesAt", q.closesAt());
      m.put("timeLimit", q.timeLimitMin());
      if (!author) {
        List<String> states = new ArrayList<>();
        for (long who : mine) {
          List<QuizStore.Attempt> as = current(req.space(), q, quizzes.attemptsOf(q.id(), who));
          String state = as.isEmpty() ? req.text(NOT_STARTED) : as.stream().anyMatch(QuizStore.Attempt::open) ? req.text(STARTED) : score(req, q, as);
          states.add((mine.size() > 1 || req.user().kind() == UserKind.PARENT) && !as.isEmpty() ? req.text(STATE_OF, "name", as.get(0).userName(), "state", state) : state);
        }
        m.put("state", String.join("; ", states));
      }
      rows.add(m);
    }
    return Page.of("quiz/index", Map.of("quizzes", rows, "author", author)).title(req.text(PAGE_TITLE, "space", req.space().name()));
  }

  /** A learner's best mark in words, or why there is none to show yet. */
  private String score(ToolRequest req, QuizStore.Quiz q, List<QuizStore.Attempt> attempts) {
    if (!service.feedbackShown(q)) return req.text(DONE_LATER);
    Optional<QuizStore.Attempt> best = QuizStore.best(attempts);
    if (best.isPresent()) return Answers.display(best.get().score()) + " / " + Answers.display(best.get().maxScore());
    return req.text(WAITING_TEACHER);
  }


  // ---- setting a quiz ----

  private Map<String, Object> formModel(ToolRequest req, QuizStore.Quiz q, List<QuizStore.Item> items) {
    Map<String, Object> m = new HashMap<>();
    m.put("quiz", q);
    m.put("opens", local(q.opensAt(), zone(req)));
    m.put("closes", local(q.closesAt(), zone(req)));
    m.put("immediate", QuizStore.FEEDBACK_IMMEDIATE.equals(q.feedback()));
    Set<Long> fixed = items.stream().map(QuizStore.Item::questionId).filter(x -> x != null).collect(Collectors.toSet());
    Map<Long, Integer> picks = new HashMap<>();
    for (QuizStore.Item it : items) if (it.categoryId() != null) picks.put(it.categoryId(), it.pick());
    m.put("questions", bank.questions(req.space().id()).stream().map(x -> Map.of("id", x.id(), "title", x.title(), "type", req.text(x.type().message()),
        "category", x.categoryName() == null ? "" : x.categoryName(), "chosen", fixed.contains(x.id()))).toList());
    m.put("categories", bank.categories(req.space().id()).stream().map(c -> Map.of("id", c.id(), "name", c.name(), "count", c.questions(),
        "pick", picks.getOrDefault(c.id(), 0))).toList());
    return m;
  }

  private Reply newQuiz(ToolRequest req) {
    QuizStore.Quiz blank = new QuizStore.Quiz(0, req.space().id(), "", "", null, null, null, 1, true, QuizStore.FEEDBACK_IMMEDIATE, true);
    return Page.of("quiz/quiz-form", formModel(req, blank, List.of())).title(req.text(SET_QUIZ));
  }

  private Reply edit(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    return Page.of("quiz/quiz-form", formModel(req, q, quizzes.items(q.id()))).title(req.text(CHANGE_TITLE, "title", q.title()));
  }

  private Reply create(ToolRequest req) { return saveQuiz(req, 0); }

  private Reply change(ToolRequest req) { return saveQuiz(req, quiz(req).id()); }

  private Reply saveQuiz(ToolRequest req, long id) {
    InputProblem.Collector problems = new InputProblem.Collector();
    String title = req.form("title");
    if (title.isEmpty()) problems.add("title", req.text(NO_TITLE));
    else if (title.length() > 200) problems.add("title", req.text(TITLE_TOO_LONG, "max", 200, "length", title.length()));
    Integer limit = null;
    if (!req.form("time-limit").isEmpty()) {
      Double d = Marking.number(req.form("time-limit"));
      if (d == null || d < 1 || d > 600 || d != Math.rint(d)) problems.add("time-limit", req.text(BAD_TIME_LIMIT));
      else limit = d.intValue();
    }
    ZoneId zone = zone(req);
    Instant opens = time(req.form("opens"), zone);
    if (opens == null && !req.form("opens").isEmpty()) problems.add("opens", req.text(BAD_OPENS));
    Instant closes = time(req.form("closes"), zone);
    if (closes == null && !req.form("closes").isEmpty()) problems.add("closes", req.text(BAD_CLOSES));
    if (opens != null && closes != null && !closes.isAfter(opens)) problems.add("closes", req.text(CLOSES_BEFORE));
    Double tries = Marking.number(req.form("attempts").isEmpty() ? "1" : req.form("attempts"));
    if (tries == null || tries < 0 || tries > 100 || tries != Math.rint(tries)) problems.add("attempts", req.text(BAD_TRIES));
    String feedback = QuizStore.FEEDBACK_AFTER_CLOSE.equals(req.form("feedback")) ? QuizStore.FEEDBACK_AFTER_CLOSE : QuizStore.FEEDBACK_IMMEDIATE;
    if (feedback.equals(QuizStore.FEEDBACK_AFTER_CLOSE) && closes == null) problems.add("feedback", req.text(NEEDS_CLOSE));
    Set<Long> inBank = bank.questions(req.space().id()).stream().map(Question::id).collect(Collectors.toSet());
    List<QuizStore.Item> items = new ArrayList<>();
    for (String v : req.formAll("question")) {
      Long qid = v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
      if (qid == null) problems.add("question", req.text(NOT_IN_BANK));
      else if (inBank.contains(qid)) items.add(new QuizStore.Item(qid, null, 1));
    }
    for (QuestionStore.Category c : bank.categories(req.space().id())) {
      String v = req.form("random." + c.id());
      if (v.isEmpty() || v.equals("0")) continue;
      Double n = Marking.number(v);
      if (n == null || n < 0 || n != Math.rint(n) || n > c.questions()) {
        problems.add("random." + c.id(), req.text(BAD_PICK, "name", c.name(), "count", c.questions()));
      } else {
        items.add(new QuizStore.Item(null, c.id(), n.intValue()));
      }
    }
    if (items.isEmpty()) problems.add("questions", req.text(NO_ITEMS));
    QuizStore.Quiz q = new QuizStore.Quiz(id, req.space().id(), title, core.sanitizer().sanitize(req.form("intro")), limit, opens, closes,
        tries == null ? 1 : tries.intValue(), !req.form("shuffle").isEmpty(), feedback, !req.form("published").isEmpty());
    // The form again from the draft: every box as the teacher left it, with what needs fixing.
    problems.throwIfAny(Page.of("quiz/quiz-form", formModel(req, q, items)).title(id == 0 ? req.text(SET_QUIZ) : req.text(CHANGE_TITLE, "title", title)));
    long saved = quizzes.save(q, items, req.user().id());
    // Each learner is told in their own language; the activity log stays in English.
    if (id == 0 && q.published()) notices.newQuiz(req.space(), saved, title, req.user().id());
    core.activity().record(req.user(), req.space(), id == 0 ? "set" : "change", (id == 0 ? "set the quiz “" : "changed the quiz “") + title + "”");
    return Reply.redirect("q/" + saved).flash(req.text(id == 0 ? QUIZ_SET : QUIZ_SAVED));
  }

  /** A time typed into a datetime-local box, in the school's time zone; null if empty or not a time. */
  private static Instant time(String value, ZoneId zone) {
    if (value.isEmpty()) return null;
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String local(Instant i, ZoneId zone) {
    return i == null ? "" : LocalDateTime.ofInstant(i, zone).withSecond(0).withNano(0).toString();
  }

  // ---- taking a quiz ----

  private Reply overview(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    Map<String, Object> m = new HashMap<>();
    m.put("quiz", q);
    m.put("introHtml", q.intro());
    m.put("author", req.can(QuizTool.AUTHOR));
    m.put("marker", req.can(QuizTool.MARK));
    m.put("tries", q.unlimited() ? req.text(TRIES_ANY) : req.text(TRIES, "count", q.attemptsAllowed()));
    m.put("count", quizzes.items(q.id()).stream().mapToInt(QuizStore.Item::pick).sum());
    boolean learnerHere = req.can(QuizTool.ATTEMPT) && req.user().kind() != UserKind.PARENT;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long who : mayView(req)) {
      for (QuizStore.Attempt a : current(req.space(), q, quizzes.attemptsOf(q.id(), who))) rows.add(attemptRow(req, q, a));
    }
    m.put("attempts", rows);
    if (learnerHere) {
      List<QuizStore.Attempt> mine = quizzes.attemptsOf(q.id(), req.user().id());
      boolean open = mine.stream().anyMatch(QuizStore.Attempt::open);
      Optional<QuizService.Refused> refused = open ? Optional.empty() : service.cannotStart(q, mine);
      m.put("canStart", refused.isEmpty());
      m.put("resume", open);
      m.put("refused", refused.map(r -> r.in(req)).orElse(null));
    }
    return Page.of("quiz/quiz", m).title(q.title());
  }

  private Map<String, Object> attemptRow(ToolRequest req, QuizStore.Quiz q, QuizStore.Attempt a) {
    Map<String, Object> r = new HashMap<>();
    r.put("id", a.id());
    r.put("no", a.attemptNo());
    r.put("name", a.userName());
    r.put("startedAt", a.startedAt());
    r.put("submittedAt", a.submittedAt());
    r.put("timedOut", a.timedOut());
    r.put("open", a.open());
    r.put("state", req.text(a.open() ? IN_PROGRESS : QuizStore.MARKING.equals(a.state()) ? WAITING_MARKING
        : a.timedOut() ? SUBMITTED_TIMED_OUT : SUBMITTED));
    if (!a.open() && service.feedbackShown(q) && QuizStore.DONE.equals(a.state())) {
      r.put("score", Answers.display(a.score()) + " / " + Answers.display(a.maxScore()));
    }
    return r;
  }

  private Reply start(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    if (req.user().kind() == UserKind.PARENT) throw HttpProblem.forbidden(req.text(PARENTS_CANNOT));
    try {
      long id = service.startOrResume(req.space(), q, req.user());
      return Reply.redirect("q/" + q.id() + "/a/" + id);
    } catch (QuizService.Refused e) {
      return Reply.redirect("q/" + q.id()).flash(e.in(req));
    }
  }

  private QuizStore.Attempt attempt(ToolRequest req, QuizStore.Quiz q) {
    QuizStore.Attempt a = quizzes.attempt(q.id(), req.pathId("aid")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_ATTEMPT)));
    if (!req.can(QuizTool.MARK) && !mayView(req).contains(a.userId())) throw HttpProblem.forbidden(req.text(SOMEONE_ELSES));
    return service.current(req.space(), q, a);
  }

  private Reply attemptPage(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    QuizStore.Attempt a = attempt(req, q);
    boolean own = a.userId() == req.user().id();
    List<QuizStore.Slot> slots = quizzes.slots(a.id());
    Map<Long, Question> questions = bank.withOptions(QuizStore.questionIds(slots));
    AttemptView view = new AttemptView(core.sanitizer(), req);
    Map<String, Object> m = new HashMap<>();
    m.put("quiz", q);
    m.put("attempt", attemptRow(req, q, a));
    m.put("base", req.toolUrl() + "/q/" + q.id() + "/a/" + a.id());
    if (a.open() && own) {
      m.put("questions", slots.stream().map(s -> view.form(q, a, s, questions.get(s.questionId()))).toList());
      if (a.deadline() != null) {
        m.put("deadline", a.deadline());
        m.put("secondsLeft", Math.max(0, Duration.between(service.now(), a.deadline()).getSeconds()));
      }
      return Page.of("quiz/attempt", m).title(q.title());
    }
    if (a.open()) {
      m.put("inProgress", true);
      return Page.of("quiz/review", m).title(req.text(TRY_TITLE, "name", a.userName(), "quiz", q.title()));
    }
    boolean marker = req.can(QuizTool.MARK);
    boolean show = marker || service.feedbackShown(q);
    m.put("show", show);
    m.put("marker", marker);
    m.put("needsMarking", QuizStore.MARKING.equals(a.state()));
    m.put("questions", slots.stream().map(s -> {
      Map<String, Object> shown = view.review(s, questions.get(s.questionId()), show, marker);
      // A marking form sent back with a problem keeps the marks and comments the teacher typed.
      if (marker && !req.form("score." + s.slot()).isEmpty()) shown.put("score", req.form("score." + s.slot()));
      if (marker && !req.form("comment." + s.slot()).isEmpty()) shown.put("comment", req.form("comment." + s.slot()));
      return shown;
    }).toList());
    return Page.of("quiz/review", m).title(req.text(TRY_TITLE, "name", a.userName(), "quiz", q.title()));
  }

  /** The learner's own open attempt, for saving into; a clear refusal otherwise. */
  private QuizStore.Attempt ownOpen(ToolRequest req, QuizStore.Quiz q) {
    QuizStore.Attempt a = quizzes.attempt(q.id(), req.pathId("aid")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_ATTEMPT)));
    if (a.userId() != req.user().id()) throw HttpProblem.forbidden(req.text(SOMEONE_ELSES));
    return a;
  }

  /**
   * The answers a form carries, merged into those saved before: a field the form did not send
   * (a page that lost part of itself, a per-question save) never wipes a saved answer.
   */
  private Map<Integer, String> answersFrom(ToolRequest req, List<QuizStore.Slot> slots) {
    Map<Long, Question> questions = bank.withOptions(QuizStore.questionIds(slots));
    Map<Integer, String> out = new LinkedHashMap<>();
    for (QuizStore.Slot s : slots) {
      Question question = questions.get(s.questionId());
      int parts = Answers.parts(question);
      List<String> given = Answers.fromForm(question, s.slot(), req::formAll);
      if (parts == 0) {
        if (!req.formAll(Answers.field(s.slot())).isEmpty()) out.put(s.slot(), Answers.encode(question.type(), given));
        continue;
      }
      List<String> merged = new ArrayList<>(Answers.decode(question.type(), s.answer()));
      while (merged.size() < parts) merged.add("");
      boolean any = false;
      for (int i = 0; i < parts; i++) {
        if (req.formAll(Answers.field(s.slot(), i)).isEmpty()) continue;
        merged.set(i, given.get(i));
        any = true;
      }
      if (any) out.put(s.slot(), Answers.encode(question.type(), merged.subList(0, parts)));
    }
    return out;
  }

  private Reply save(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    QuizStore.Attempt a = ownOpen(req, q);
    boolean background = !req.form("autosave").isEmpty();
    String here = "q/" + q.id() + "/a/" + a.id();
    if (!service.accepting(a)) {
      service.current(req.space(), q, a);
      if (background) throw HttpProblem.conflict(req.text(OVER));
      return Reply.redirect(here).flash(req.text(a.open() ? RAN_OUT : ALREADY));
    }
    List<QuizStore.Slot> slots = quizzes.slots(a.id());
    if (!quizzes.saveAnswers(a.id(), answersFrom(req, slots), slots)) {
      if (background) throw HttpProblem.conflict(req.text(OVER));
      return Reply.redirect(here).flash(req.text(ALREADY));
    }
    if (background) return Reply.text("saved", "text/plain; charset=utf-8");
    return Reply.redirect(here).flash(req.text(ANSWERS_SAVED));
  }

  private Reply submit(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    QuizStore.Attempt a = ownOpen(req, q);
    String here = "q/" + q.id() + "/a/" + a.id();
    if (!a.open()) return Reply.redirect(here).flash(req.text(ALREADY));
    boolean inTime = service.accepting(a);
    if (inTime) {
      List<QuizStore.Slot> slots = quizzes.slots(a.id());
      quizzes.saveAnswers(a.id(), answersFrom(req, slots), slots);
    }
    QuizStore.Attempt now = quizzes.attempt(q.id(), a.id()).orElseThrow();
    boolean timedOut = !inTime || (!req.form("time-up").isEmpty() && a.deadline() != null);
    if (!service.submit(req.space(), q, now, timedOut)) return Reply.redirect(here).flash(req.text(ALREADY));
    core.activity().record(req.user(), req.space(), "submit", "handed in the quiz “" + q.title() + "”");
    String said = req.text(!inTime ? RAN_OUT : timedOut ? TIME_UP : HANDED_IN);
    return Reply.redirect(here).flash(said);
  }

  // ---- results and marking ----

  private Reply mark(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    QuizStore.Attempt a = attempt(req, q);
    if (a.open()) return Reply.redirect("q/" + q.id() + "/a/" + a.id()).flash(req.text(STILL_OPEN));
    List<QuizStore.Slot> slots = quizzes.slots(a.id());
    Map<Long, Question> questions = bank.byIds(req.space().id(), QuizStore.questionIds(slots));
    Map<Integer, Double> scores = new HashMap<>();
    Map<Integer, String> comments = new HashMap<>();
    InputProblem.Collector problems = new InputProblem.Collector();
    for (QuizStore.Slot s : slots) {
      String given = req.form("score." + s.slot());
      if (given.isEmpty()) continue;
      Double score = Marking.number(given);
      double max = questions.get(s.questionId()).points();
      if (score == null || score < 0 || score > max) {
        problems.add("score." + s.slot(), req.text(BAD_MARK, "n", s.slot() + 1, "max", Answers.display(max)));
        continue;
      }
      scores.put(s.slot(), score);
      String comment = req.form("comment." + s.slot());
      if (comment.length() > 2000) problems.add("comment." + s.slot(), req.text(LONG_COMMENT, "n", s.slot() + 1));
      comments.put(s.slot(), comment);
    }
    if (problems.any()) problems.throwIfAny(null); // shown on the attempt's page (the route's form), marks kept
    quizzes.mark(a.id(), scores, comments);
    QuizStore.Attempt after = quizzes.attempt(q.id(), a.id()).orElseThrow();
    if (QuizStore.DONE.equals(after.state())) {
      service.recordResult(req.space(), q, a.userId());
      // The learner and their parents, once the marks are shown (a quiz whose marks wait for its close tells them then).
      if (service.feedbackShown(q)) notices.marked(req.space(), q, after, req.user().id());
    }
    core.activity().record(req.user(), req.space(), "mark", "marked " + a.userName() + "'s “" + q.title() + "”");
    return Reply.redirect("q/" + q.id() + "/results").flash(req.text(QuizStore.DONE.equals(after.state()) ? MARKED : PARTLY_MARKED));
  }

  /** Per learner and per question (facility: the share of the marks the class earned on it). */
  private Map<String, Object> resultsModel(ToolRequest req, QuizStore.Quiz q) {
    List<QuizStore.Attempt> all = current(req.space(), q, quizzes.attempts(q.id()));
    Map<Long, List<QuizStore.Attempt>> byLearner = all.stream().collect(Collectors.groupingBy(QuizStore.Attempt::userId, LinkedHashMap::new, Collectors.toList()));
    List<Map<String, Object>> learners = new ArrayList<>();
    for (Directory.Member m : core.directory().members(req.space().id())) {
      if (m.role() != Role.MEMBER || m.user().kind() != UserKind.LEARNER) continue;
      List<QuizStore.Attempt> as = byLearner.getOrDefault(m.user().id(), List.of());
      Map<String, Object> row = new HashMap<>();
      row.put("name", m.user().displayName());
      row.put("username", m.user().username());
      row.put("attempts", as.stream().map(a -> attemptRowForMarker(req, q, a)).toList());
      row.put("none", as.isEmpty());
      learners.add(row);
    }
    learners.sort((x, y) -> ((String) x.get("name")).compareToIgnoreCase((String) y.get("name")));
    Map<Long, double[]> facility = new LinkedHashMap<>();
    for (QuizStore.Attempt a : all) {
      if (a.open()) continue;
      for (QuizStore.Slot s : quizzes.slots(a.id())) {
        if (s.score() == null) continue;
        facility.computeIfAbsent(s.questionId(), k -> new double[2]);
        facility.get(s.questionId())[0] += s.score();
        facility.get(s.questionId())[1] += 1;
      }
    }
    Map<Long, Question> questions = bank.byIds(req.space().id(), facility.keySet());
    List<Map<String, Object>> byQuestion = new ArrayList<>();
    for (var e : facility.entrySet()) {
      Question question = questions.get(e.getKey());
      double answered = e.getValue()[1];
      double percent = answered == 0 || question.points() == 0 ? 0 : 100 * e.getValue()[0] / (answered * question.points());
      byQuestion.add(Map.of("title", question.title(), "type", req.text(question.type().message()), "answered", (long) answered,
          "facility", Math.round(percent), "hard", percent < 40));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("quiz", q);
    m.put("learners", learners);
    m.put("byQuestion", byQuestion);
    m.put("all", all);
    return m;
  }

  private Map<String, Object> attemptRowForMarker(ToolRequest req, QuizStore.Quiz q, QuizStore.Attempt a) {
    Map<String, Object> r = attemptRow(req, q, a);
    if (!a.open() && a.score() != null) {
      r.put("score", Answers.display(a.score()) + " / " + Answers.display(a.maxScore()));
      r.put("percent", Math.round(100 * a.fraction()));
    }
    r.put("needsMarking", QuizStore.MARKING.equals(a.state()));
    return r;
  }

  private Reply results(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    return Page.of("quiz/results", resultsModel(req, q)).title(req.text(RESULTS_TITLE, "quiz", q.title()));
  }

  private Reply resultsCsv(ToolRequest req) {
    QuizStore.Quiz q = quiz(req);
    StringBuilder out = new StringBuilder(CSV_HEADINGS.stream().map(h -> heading(req.text(h))).collect(Collectors.joining(","))).append("\r\n");
    for (QuizStore.Attempt a : current(req.space(), q, quizzes.attempts(q.id()))) {
      Map<String, Object> r = attemptRowForMarker(req, q, a);
      out.append(Csv.cell(a.userName())).append(',').append(a.attemptNo()).append(',').append(Csv.cell(String.valueOf(a.startedAt()))).append(',')
          .append(Csv.cell(a.submittedAt() == null ? "" : a.submittedAt().toString())).append(',').append(Csv.cell((String) r.get("state"))).append(',')
          .append(a.score() == null || a.open() ? "" : Answers.display(a.score())).append(',').append(Answers.display(a.maxScore())).append(',')
          .append(r.get("percent") == null ? "" : r.get("percent")).append("\r\n");
    }
    return Reply.text(out.toString(), "text/csv; charset=utf-8");
  }

  /** A column heading as it is ("Handed in"), quoted only where a spreadsheet needs it. */
  private static String heading(String words) {
    boolean plain = !words.isEmpty() && "=+-@\t\r".indexOf(words.charAt(0)) < 0 && words.chars().noneMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
    return plain ? words : Csv.cell(words);
  }

  private Reply media(ToolRequest req) {
    Question q = bank.byIds(req.space().id(), List.of(req.pathId("qid"))).get(req.pathId("qid"));
    if (q == null) throw HttpProblem.notFound(req.text(NO_MEDIA));
    // Learners and parents hear or see a question only once it is in a try of theirs: not from the bank early.
    if (!req.can(QuizTool.AUTHOR) && !req.can(QuizTool.MARK) && !quizzes.inTryOf(q.id(), mayView(req))) throw HttpProblem.notFound(req.text(NO_MEDIA));
    Question.Media media = switch (req.pathParam("kind").toLowerCase(Locale.ROOT)) {
      case "image" -> q.image();
      case "audio" -> q.audio();
      default -> null;
    };
    if (media == null) throw HttpProblem.notFound(req.text(NO_MEDIA));
    return core.uploads().serve(media.key(), media.contentType(), null);
  }
}
