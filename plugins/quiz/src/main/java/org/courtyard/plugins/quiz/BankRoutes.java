package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.courtyard.api.service.ActivityLog;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** The question bank under /s/{space}/quiz/bank: categories, the question editor, QTI import and export. */
final class BankRoutes implements Routes {
  static final long MAX_MEDIA = 10L * 1024 * 1024;
  private final QuestionStore bank;
  private final FileStore files;
  private final ActivityLog activity;

  @Inject
  BankRoutes(QuestionStore bank, FileStore files, ActivityLog activity) {
    this.bank = bank;
    this.files = files;
    this.activity = activity;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/bank", "author", this::bankPage);
    r.get("/bank/new/:type", "author", this::newQuestion);
    r.post("/bank/new/:type", "author", this::create);
    r.get("/bank/q/:qid", "author", this::edit);
    r.post("/bank/q/:qid", "author", this::change);
    r.post("/bank/q/:qid/delete", "author", this::delete);
    r.get("/bank/export", "author", this::export);
    r.post("/bank/import", "author", this::importQti);
  }

  private List<Map<String, Object>> categories(ToolRequest req) {
    return bank.categories(req.space().id()).stream().map(c -> Map.<String, Object>of("id", c.id(), "name", c.name(), "count", c.questions())).toList();
  }

  private Page bank(ToolRequest req, List<String> problems) {
    Map<String, Object> m = new HashMap<>();
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : bank.questions(req.space().id())) {
      questions.add(Map.of("id", q.id(), "title", q.title(), "type", q.type().label(), "category", q.categoryName() == null ? "" : q.categoryName(),
          "points", Answers.display(q.points()), "media", q.image() != null || q.audio() != null));
    }
    m.put("questions", questions);
    m.put("categories", categories(req));
    List<Map<String, Object>> types = new ArrayList<>();
    for (QuestionType t : QuestionType.values()) types.add(Map.of("slug", t.slug(), "label", t.label()));
    m.put("types", types);
    m.put("problems", problems);
    return Page.of("quiz/bank", m).title("Question bank · " + req.space().name());
  }

  private Reply bankPage(ToolRequest req) { return bank(req, List.of()); }

  private QuestionType type(ToolRequest req) {
    return QuestionType.fromSlug(req.pathParam("type")).orElseThrow(() -> HttpProblem.notFound("There is no such kind of question."));
  }

  private Question question(ToolRequest req) {
    return bank.question(req.space().id(), req.pathId("qid")).orElseThrow(() -> HttpProblem.notFound("There is no such question in this bank."));
  }

  private Page form(ToolRequest req, Question q, List<String> problems, String newCategory) {
    Map<String, Object> m = QuestionForm.model(q, categories(req));
    m.put("problems", problems);
    m.put("newCategory", newCategory);
    m.put("action", q.id() == 0 ? "bank/new/" + q.type().slug() : "bank/q/" + q.id());
    if (q.image() != null) m.put("imageUrl", req.toolUrl() + "/media/" + q.id() + "/image");
    if (q.audio() != null) m.put("audioUrl", req.toolUrl() + "/media/" + q.id() + "/audio");
    return Page.of("quiz/question-form", m).title(q.id() == 0 ? "New question: " + q.type().label() : "Change question").status(problems.isEmpty() ? 200 : 422);
  }

  private Reply newQuestion(ToolRequest req) {
    QuestionType t = type(req);
    List<Question.Choice> choices = t == QuestionType.TRUE_FALSE ? List.of(new Question.Choice("True", false, null), new Question.Choice("False", false, null)) : List.of();
    Long category = req.query("category").map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return null;
      }
    }).orElse(null);
    Question blank = new Question(0, req.space().id(), category, null, t, "", "", 1, false, null, 0.0, t == QuestionType.GAPS ? "" : null, "", null, null, choices);
    return form(req, blank, List.of(), "");
  }

  private Reply create(ToolRequest req) throws IOException { return save(req, type(req), null); }

  private Reply edit(ToolRequest req) { return form(req, question(req), List.of(), ""); }

  private Reply change(ToolRequest req) throws IOException {
    Question old = question(req);
    return save(req, old.type(), old);
  }

  private Reply save(ToolRequest req, QuestionType type, Question old) throws IOException {
    QuestionForm.Read read = QuestionForm.read(type, req, req.space().id(), old == null ? 0 : old.id());
    List<String> problems = new ArrayList<>(read.problems());
    Question draft = read.draft();
    if (draft.categoryId() != null && bank.category(req.space().id(), draft.categoryId()).isEmpty()) problems.add("Choose a category from the list.");
    Upload image = upload(req, "image");
    Upload audio = upload(req, "audio");
    String imageType = check(image, true, problems);
    String audioType = check(audio, false, problems);
    Question.Media keepImage = old == null || !req.form("remove-image").isEmpty() ? null : old.image();
    Question.Media keepAudio = old == null || !req.form("remove-audio").isEmpty() ? null : old.audio();
    if (!problems.isEmpty()) return form(req, draft.withMedia(keepImage, keepAudio), problems, read.newCategory());
    Long categoryId = draft.categoryId();
    if (!read.newCategory().isEmpty()) categoryId = bank.categoryNamed(req.space().id(), read.newCategory());
    Question.Media newImage = image == null ? keepImage : new Question.Media(files.putFile(image.file()), imageType);
    Question.Media newAudio = audio == null ? keepAudio : new Question.Media(files.putFile(audio.file()), audioType);
    long id = bank.save(draft.inCategory(categoryId, null).withMedia(newImage, newAudio), req.user().id());
    activity.record(req.user(), req.space(), old == null ? "write" : "change", (old == null ? "wrote the question “" : "changed the question “") + draft.title() + "”");
    return Reply.redirect("bank").flash(old == null ? "Question added to the bank." : "Question saved.");
  }

  private static Upload upload(ToolRequest req, String field) {
    return req.uploads().stream().filter(u -> u.field().equals(field) && u.size() > 0).findFirst().orElse(null);
  }

  /** The checked content type of an uploaded picture or sound, or a problem noted. */
  private static String check(Upload u, boolean image, List<String> problems) {
    if (u == null) return null;
    if (u.size() > MAX_MEDIA) {
      problems.add(u.fileName() + " is bigger than 10 MB.");
      return null;
    }
    String type = ContentTypes.sniff(u.file());
    if (image ? !ContentTypes.isImage(type) : !ContentTypes.isAudio(type)) {
      problems.add(u.fileName() + " is not " + (image ? "a picture (PNG, JPEG, GIF or WebP)" : "a sound recording (MP3, Ogg, WAV, WebM or M4A)") + ".");
      return null;
    }
    return type;
  }

  private Reply delete(ToolRequest req) {
    Question q = question(req);
    bank.delete(req.space().id(), q.id());
    activity.record(req.user(), req.space(), "delete", "took “" + q.title() + "” out of the bank");
    return Reply.redirect("bank").flash("Question taken out of the bank. Quizzes already taken still show it.");
  }

  private Reply export(ToolRequest req) throws IOException {
    List<Question> questions = bank.questions(req.space().id());
    Long category = req.query("category").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
    if (category != null) questions = questions.stream().filter(q -> category.equals(q.categoryId())).toList();
    if (questions.isEmpty()) return Reply.redirect("bank").flash("There are no questions to export.");
    Path dir = exportDir();
    Path zip = Files.createTempFile(dir, "qti-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip)) {
      new QtiWriter(files).write(questions, out);
    }
    return Reply.file(zip, "application/zip", req.space().slug() + "-questions-qti21.zip");
  }

  /** Exports wait in a folder of their own until the download has surely finished; older ones are cleared. */
  private static Path exportDir() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "courtyard-quiz-exports");
    Files.createDirectories(dir);
    Instant old = Instant.now().minus(Duration.ofHours(1));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(old)) Files.deleteIfExists(p);
      }
    }
    return dir;
  }

  private Question.Media store(Path file) throws IOException {
    if (file == null) return null;
    String type = ContentTypes.sniff(file);
    try (var in = Files.newInputStream(file)) {
      return new Question.Media(files.put(in), type);
    }
  }

  private Reply importQti(ToolRequest req) throws IOException {
    Upload up = upload(req, "package");
    if (up == null) return bank(req, List.of("Choose a QTI 2.1 package (.zip) or item (.xml) to import.")).status(422);
    if (up.size() > QtiReader.MAX_PACKAGE) return bank(req, List.of("The package is bigger than 100 MB. Nothing was imported.")).status(422);
    Path work = Files.createTempDirectory("courtyard-qti-");
    try {
      QtiReader.Outcome outcome = QtiReader.read(up.file(), work);
      if (!outcome.problems().isEmpty()) {
        List<String> problems = new ArrayList<>();
        problems.add("Nothing was imported: fix these and try again.");
        problems.addAll(outcome.problems());
        return bank(req, problems).status(422);
      }
      String name = req.form("category").isEmpty() ? "Imported" : req.form("category");
      if (name.length() > 100) name = name.substring(0, 100);
      long categoryId = bank.categoryNamed(req.space().id(), name);
      // Files go into the store first (a failure there saves no question); the questions then in one transaction.
      List<Question> ready = new ArrayList<>();
      for (QtiReader.Imported i : outcome.questions()) {
        Question.Media image = store(i.image());
        Question.Media audio = store(i.audio());
        Question d = i.draft();
        ready.add(new Question(0, req.space().id(), categoryId, name, d.type(), d.title(), d.prompt(), d.points(), d.caseSensitive(), d.number(),
            d.tolerance(), d.gapText(), d.feedback(), image, audio, d.choices()));
      }
      bank.saveAll(ready, req.user().id());
      activity.record(req.user(), req.space(), "import", "imported " + ready.size() + " questions from " + up.fileName());
      return Reply.redirect("bank").flash("Imported " + ready.size() + (ready.size() == 1 ? " question" : " questions") + " into “" + name + "”.");
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
