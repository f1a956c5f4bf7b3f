package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

/** The question bank under /s/{space}/quiz/bank: categories, the question editor, QTI import and export. */
final class BankRoutes implements Routes {
  static final Message BANK_TITLE = Message.of("quiz.bank.pageTitle");
  static final Message NO_KIND = Message.of("quiz.problem.noKind");
  static final Message NO_QUESTION = Message.of("quiz.problem.noQuestion");
  static final Message NEW_QUESTION = Message.of("quiz.form.newQuestion");
  static final Message CHANGE_QUESTION = Message.of("quiz.form.changeQuestionTitle");
  static final Message ADDED = Message.of("quiz.flash.questionAdded");
  static final Message SAVED = Message.of("quiz.flash.questionSaved");
  static final Message TAKEN_OUT = Message.of("quiz.flash.takenOut");
  static final Message NOTHING_TO_EXPORT = Message.of("quiz.flash.nothingToExport");
  static final Message NO_PACKAGE = Message.of("quiz.problem.noPackage");
  static final Message NOTHING_IMPORTED = Message.of("quiz.problem.nothingImported");
  static final Message PACKAGE_TOO_BIG = Message.of("quiz.problem.packageTooBig");
  static final Message IMPORTED_CATEGORY = Message.of("quiz.import.category");
  static final Message IMPORTED = Message.of("quiz.flash.imported");
  static final long MAX_MEDIA = 10L * 1024 * 1024;
  private final QuestionStore bank;
  private final QuizStore quizzes;
  private final ToolServices core;

  @Inject
  BankRoutes(QuestionStore bank, QuizStore quizzes, ToolServices core) {
    this.bank = bank;
    this.quizzes = quizzes;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/bank", QuizTool.AUTHOR, this::bankPage);
    r.get("/bank/new/:type", QuizTool.AUTHOR, this::newQuestion);
    r.post("/bank/new/:type", QuizTool.AUTHOR, this::create);
    r.get("/bank/q/:qid", QuizTool.AUTHOR, this::edit);
    r.post("/bank/q/:qid", QuizTool.AUTHOR, this::change);
    r.post("/bank/q/:qid/delete", QuizTool.AUTHOR, this::delete);
    r.get("/bank/export", QuizTool.AUTHOR, this::export);
    r.post("/bank/import", QuizTool.AUTHOR, this::importQti);
  }

  private List<Map<String, Object>> categories(ToolRequest req) {
    return bank.categories(req.space().id()).stream().map(c -> Map.<String, Object>of("id", c.id(), "name", c.name(), "count", c.questions())).toList();
  }

  private Page bank(ToolRequest req) {
    Map<String, Object> m = new HashMap<>();
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : bank.questions(req.space().id())) {
      questions.add(Map.of("id", q.id(), "title", q.title(), "type", req.text(q.type().message()), "category", q.categoryName() == null ? "" : q.categoryName(),
          "points", Answers.display(q.points()), "media", q.image() != null || q.audio() != null));
    }
    m.put("questions", questions);
    m.put("categories", categories(req));
    List<Map<String, Object>> types = new ArrayList<>();
    for (QuestionType t : QuestionType.values()) types.add(Map.of("slug", t.slug(), "label", req.text(t.message())));
    m.put("types", types);
    return Page.of("quiz/bank", m).title(req.text(BANK_TITLE, "space", req.space().name()));
  }

  private Reply bankPage(ToolRequest req) { return bank(req); }

  private QuestionType type(ToolRequest req) {
    return QuestionType.fromSlug(req.pathParam("type")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_KIND)));
  }

  private Question question(ToolRequest req) {
    return bank.question(req.space().id(), req.pathId("qid")).orElseThrow(() -> HttpProblem.notFound(req.text(NO_QUESTION)));
  }

  private Page form(ToolRequest req, Question q, String newCategory) {
    Map<String, Object> m = QuestionForm.model(q, categories(req), req.text(q.type().message()));
    m.put("newCategory", newCategory);
    m.put("action", q.id() == 0 ? "bank/new/" + q.type().slug() : "bank/q/" + q.id());
    if (q.image() != null) m.put("imageUrl", req.toolUrl() + "/media/" + q.id() + "/image");
    if (q.audio() != null) m.put("audioUrl", req.toolUrl() + "/media/" + q.id() + "/audio");
    return Page.of("quiz/question-form", m).title(q.id() == 0 ? req.text(NEW_QUESTION, "type", req.text(q.type().message())) : req.text(CHANGE_QUESTION));
  }

  private Reply newQuestion(ToolRequest req) {
    QuestionType t = type(req);
    List<Question.Choice> choices = t == QuestionType.TRUE_FALSE ? List.of(new Question.Choice("True", false, null), new Question.Choice("False", false, null)) : List.of();
    Long category = req.query("category").filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
    Question blank = new Question(0, req.space().id(), category, null, t, "", "", 1, false, null, 0.0, t == QuestionType.GAPS ? "" : null, "", null, null, choices);
    return form(req, blank, "");
  }

  private Reply create(ToolRequest req) throws IOException { return save(req, type(req), null); }

  private Reply edit(ToolRequest req) { return form(req, question(req), ""); }

  private Reply change(ToolRequest req) throws IOException {
    Question old = question(req);
    return save(req, old.type(), old);
  }

  /** Problems noted by field, as one {@link InputProblem}; null if there are none. */
  static InputProblem problem(Map<String, String> problems) {
    InputProblem p = null;
    for (var e : problems.entrySet()) p = p == null ? InputProblem.of(e.getKey(), e.getValue()) : p.and(e.getKey(), e.getValue());
    return p;
  }

  private Reply save(ToolRequest req, QuestionType type, Question old) throws IOException {
    QuestionForm.Read read = QuestionForm.read(type, req, req.space().id(), old == null ? 0 : old.id());
    Map<String, String> problems = new LinkedHashMap<>(read.problems());
    Question draft = read.draft();
    if (draft.categoryId() != null && bank.category(req.space().id(), draft.categoryId()).isEmpty()) QuestionForm.note(problems, "category", req.text(QuestionForm.CATEGORY));
    Upload image = upload(req, "image");
    Upload audio = upload(req, "audio");
    Question.Media keepImage = old == null || !req.form("remove-image").isEmpty() ? null : old.image();
    Question.Media keepAudio = old == null || !req.form("remove-audio").isEmpty() ? null : old.audio();
    // The form again, drawn from the draft: every box as the teacher left it.
    Page again = form(req, draft.withMedia(keepImage, keepAudio), read.newCategory());
    if (!problems.isEmpty()) throw problem(problems).showing(again);
    // The picture and recording are checked (size, and kind by content) and stored by the uploads service;
    // a refused recording leaves no stored picture behind.
    Uploads.Stored newImage = null;
    Uploads.Stored newAudio;
    try {
      newImage = image == null ? null : core.uploads().accept(image, "image", MAX_MEDIA, Uploads.Kind.IMAGE);
      newAudio = audio == null ? null : core.uploads().accept(audio, "audio", MAX_MEDIA, Uploads.Kind.AUDIO);
    } catch (InputProblem p) {
      if (newImage != null) core.files().delete(newImage.key());
      throw p.showing(again);
    }
    Long categoryId = draft.categoryId();
    if (!read.newCategory().isEmpty()) categoryId = bank.categoryNamed(req.space().id(), read.newCategory());
    Question.Media imageMedia = newImage == null ? keepImage : new Question.Media(newImage.key(), newImage.contentType());
    Question.Media audioMedia = newAudio == null ? keepAudio : new Question.Media(newAudio.key(), newAudio.contentType());
    bank.save(draft.inCategory(categoryId, null).withMedia(imageMedia, audioMedia), req.user().id());
    core.activity().record(req.user(), req.space(), old == null ? "write" : "change", (old == null ? "wrote the question “" : "changed the question “") + draft.title() + "”");
    return Reply.redirect("bank").flash(req.text(old == null ? ADDED : SAVED));
  }

  private static Upload upload(ToolRequest req, String field) {
    return req.uploads().stream().filter(u -> u.field().equals(field) && u.size() > 0).findFirst().orElse(null);
  }

  private Reply delete(ToolRequest req) {
    Question q = question(req);
    bank.delete(req.space().id(), q.id());
    core.activity().record(req.user(), req.space(), "delete", "took “" + q.title() + "” out of the bank");
    return Reply.redirect("bank").flash(req.text(TAKEN_OUT));
  }

  /**
   * The bank as a QTI package. The zip goes into the file store and is served from there; the
   * clear-exports job removes it an hour later, when the download has surely finished.
   */
  private Reply export(ToolRequest req) throws IOException {
    List<Question> questions = bank.questions(req.space().id());
    Long category = req.query("category").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
    if (category != null) questions = questions.stream().filter(q -> category.equals(q.categoryId())).toList();
    if (questions.isEmpty()) return Reply.redirect("bank").flash(req.text(NOTHING_TO_EXPORT));
    Path zip = Files.createTempFile("courtyard-qti-", ".zip");
    String key;
    try {
      try (OutputStream out = Files.newOutputStream(zip)) {
        new QtiWriter(core.files(), req).write(questions, out);
      }
      key = core.files().putFile(zip);
    } finally {
      Files.deleteIfExists(zip);
    }
    quizzes.exported(key, core.clock().instant());
    return core.uploads().serve(key, "application/zip", req.space().slug() + "-questions-qti21.zip");
  }

  /** A picture or sound from an unpacked package, checked and stored like any upload. */
  private Question.Media store(Path file, Uploads.Kind kind, List<String> stored) throws IOException {
    if (file == null) return null;
    Upload u = new Upload("package", file.getFileName().toString(), null, Files.size(file), file);
    Uploads.Stored s = core.uploads().accept(u, "package", MAX_MEDIA, kind);
    stored.add(s.key());
    return new Question.Media(s.key(), s.contentType());
  }

  private Reply importQti(ToolRequest req) throws IOException {
    Upload up = upload(req, "package");
    if (up == null) throw InputProblem.of("package", req.text(NO_PACKAGE)).showing(bank(req));
    if (up.size() > QtiReader.MAX_PACKAGE) throw InputProblem.of("package", req.text(PACKAGE_TOO_BIG)).showing(bank(req));
    Path work = Files.createTempDirectory("courtyard-qti-");
    List<String> stored = new ArrayList<>();
    boolean saved = false;
    try {
      QtiReader.Outcome outcome = QtiReader.read(up.file(), work, req);
      if (!outcome.problems().isEmpty()) {
        Map<String, String> problems = new LinkedHashMap<>();
        QuestionForm.note(problems, "package", req.text(NOTHING_IMPORTED));
        for (String p : outcome.problems()) QuestionForm.note(problems, "package", p);
        throw problem(problems).showing(bank(req));
      }
      String name = req.form("category").isEmpty() ? req.text(IMPORTED_CATEGORY) : req.form("category");
      if (name.length() > 100) name = name.substring(0, 100);
      // Files go into the store first (a refused one stores no question, and those stored are removed); the questions then in one transaction.
      List<Question> ready = new ArrayList<>();
      for (QtiReader.Imported i : outcome.questions()) {
        Question.Media image = store(i.image(), Uploads.Kind.IMAGE, stored);
        Question.Media audio = store(i.audio(), Uploads.Kind.AUDIO, stored);
        Question d = i.draft();
        ready.add(new Question(0, req.space().id(), null, name, d.type(), d.title(), d.prompt(), d.points(), d.caseSensitive(), d.number(),
            d.tolerance(), d.gapText(), d.feedback(), image, audio, d.choices()));
      }
      long categoryId = bank.categoryNamed(req.space().id(), name);
      bank.saveAll(ready.stream().map(q -> q.inCategory(categoryId, null)).toList(), req.user().id());
      saved = true;
      core.activity().record(req.user(), req.space(), "import", "imported " + ready.size() + " questions from " + up.fileName());
      return Reply.redirect("bank").flash(req.text(IMPORTED, "count", ready.size(), "category", name));
    } catch (InputProblem p) {
      throw p.form().isPresent() ? p : p.showing(bank(req));
    } finally {
      if (!saved) for (String key : stored) core.files().delete(key);
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
