package org.courtyard.plugins.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.web.ToolRequest;

/**
 * The question editor's form: read into a draft {@link Question} with the problems found, and the
 * model that draws the form again (with what the teacher typed) when something needs fixing.
 */
final class QuestionForm {
  /** Choices, accepted answers, pairs or things to order: the editor has this many rows. */
  static final int MAX_ROWS = 20;
  static final int MAX_GAPS = 20;
  static final int MAX_TEXT = 10_000;
  static final int MAX_TITLE = 200;
  static final int MAX_OPTION = 1_000;
  // What the editor refuses, and why, in the teacher's language (messages/quiz*.properties).
  static final Message GAPS_PROMPT = Message.of("quiz.edit.gapsPrompt");
  static final Message NO_PROMPT = Message.of("quiz.edit.noPrompt");
  static final Message BAD_POINTS = Message.of("quiz.edit.points");
  static final Message TWO_CHOICES = Message.of("quiz.edit.twoChoices");
  static final Message ONE_RIGHT = Message.of("quiz.edit.oneRight");
  static final Message SOME_RIGHT = Message.of("quiz.edit.someRight");
  static final Message TRUTH = Message.of("quiz.edit.truth");
  static final Message ACCEPT = Message.of("quiz.edit.accept");
  static final Message NUMBER = Message.of("quiz.edit.number");
  static final Message TOLERANCE = Message.of("quiz.edit.tolerance");
  static final Message UNMATCHED = Message.of("quiz.edit.unmatched");
  static final Message TWO_PAIRS = Message.of("quiz.edit.twoPairs");
  static final Message TWO_ITEMS = Message.of("quiz.edit.twoItems");
  static final Message NO_GAPS = Message.of("quiz.edit.noGaps");
  static final Message EMPTY_GAP = Message.of("quiz.edit.emptyGap");
  static final Message CATEGORY = Message.of("quiz.edit.category");
  static final Message NEW_CATEGORY = Message.of("quiz.edit.newCategory");
  static final Message PROMPT_TOO_LONG = Message.of("quiz.edit.promptTooLong");
  static final Message TITLE_TOO_LONG = Message.of("quiz.edit.titleTooLong");
  static final Message TOO_MANY_CHOICES = Message.of("quiz.edit.tooManyChoices");
  static final Message TOO_MANY_ACCEPTED = Message.of("quiz.edit.tooManyAccepted");
  static final Message TOO_MANY_OPTIONS = Message.of("quiz.edit.tooManyOptions");
  static final Message TOO_MANY_ITEMS = Message.of("quiz.edit.tooManyItems");
  static final Message OPTION_TOO_LONG = Message.of("quiz.edit.optionTooLong");
  static final Message TEXT_TOO_LONG = Message.of("quiz.edit.textTooLong");
  static final Message TOO_MANY_GAPS = Message.of("quiz.edit.tooManyGaps");
  static final Message FEEDBACK_TOO_LONG = Message.of("quiz.edit.feedbackTooLong");

  /** The draft, what needs fixing (field → message, in the order found) and a new category's name. */
  record Read(Question draft, Map<String, String> problems, String newCategory) {}

  /** Notes a problem on a field; a second one on the same field gets a field name of its own so neither is lost. */
  static void note(Map<String, String> problems, String field, String message) {
    String key = field;
    for (int i = 2; problems.containsKey(key); i++) key = field + "#" + i;
    problems.put(key, message);
  }

  private QuestionForm() {}

  static Read read(QuestionType type, ToolRequest req, long spaceId, long id) {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    String prompt = req.form("prompt");
    if (prompt.isEmpty() && type == QuestionType.GAPS) prompt = req.text(GAPS_PROMPT);
    if (prompt.isEmpty()) note(problems, "prompt", req.text(NO_PROMPT));
    String title = req.form("title");
    if (title.isEmpty()) title = prompt.length() > 80 ? prompt.substring(0, 79) + "…" : prompt;
    Double points = Marking.number(req.form("points").isEmpty() ? "1" : req.form("points"));
    if (points == null || points <= 0 || points > 100) {
      note(problems, "points", req.text(BAD_POINTS));
      points = 1.0;
    }
    boolean caseSensitive = !req.form("case-sensitive").isEmpty();
    Double number = null;
    Double tolerance = null;
    String gapText = null;
    List<Question.Choice> choices = new ArrayList<>();
    switch (type) {
      case SINGLE, MULTIPLE -> {
        Set<String> ticked = Set.copyOf(req.formAll("correct"));
        for (int i = 0; i < MAX_ROWS; i++) {
          String text = req.form("choice." + i);
          if (!text.isEmpty()) choices.add(new Question.Choice(text, ticked.contains(String.valueOf(i)), null));
        }
        long right = choices.stream().filter(Question.Choice::correct).count();
        if (choices.size() < 2) note(problems, "choices", req.text(TWO_CHOICES));
        if (type == QuestionType.SINGLE && right != 1) note(problems, "correct", req.text(ONE_RIGHT));
        if (type == QuestionType.MULTIPLE && right < 1) note(problems, "correct", req.text(SOME_RIGHT));
      }
      case TRUE_FALSE -> {
        String truth = req.form("truth");
        if (!truth.equals("true") && !truth.equals("false")) note(problems, "truth", req.text(TRUTH));
        choices.add(new Question.Choice("True", truth.equals("true"), null));
        choices.add(new Question.Choice("False", truth.equals("false"), null));
      }
      case SHORT_TEXT -> {
        for (String line : req.form("accept").split("\\R")) if (!line.isBlank()) choices.add(new Question.Choice(line.trim(), true, null));
        if (choices.isEmpty()) note(problems, "accept", req.text(ACCEPT));
      }
      case NUMERIC -> {
        number = Marking.number(req.form("number"));
        if (number == null) note(problems, "number", req.text(NUMBER));
        tolerance = req.form("tolerance").isEmpty() ? 0.0 : Marking.number(req.form("tolerance"));
        if (tolerance == null || tolerance < 0) {
          note(problems, "tolerance", req.text(TOLERANCE));
          tolerance = 0.0;
        }
      }
      case MATCHING -> {
        for (int i = 0; i < MAX_ROWS; i++) {
          String left = req.form("left." + i);
          String right = req.form("right." + i);
          if (!left.isEmpty() && right.isEmpty()) note(problems, "pairs", req.text(UNMATCHED, "left", left));
          if (!right.isEmpty()) choices.add(new Question.Choice(left, false, right));
        }
        // Real pairs first, then the extra (wrong) right-hand options: the marking relies on pair i matching option i.
        choices.sort((a, b) -> Boolean.compare(a.text().isEmpty(), b.text().isEmpty()));
        if (choices.stream().filter(c -> !c.text().isEmpty()).count() < 2) note(problems, "pairs", req.text(TWO_PAIRS));
      }
      case ORDERING -> {
        for (int i = 0; i < MAX_ROWS; i++) {
          String item = req.form("item." + i);
          if (!item.isEmpty()) choices.add(new Question.Choice(item, false, null));
        }
        if (choices.size() < 2) note(problems, "items", req.text(TWO_ITEMS));
      }
      case GAPS -> {
        gapText = req.form("gaps");
        List<List<String>> gaps = Gaps.answers(gapText);
        if (gaps.isEmpty()) note(problems, "gaps", req.text(NO_GAPS));
        if (gaps.stream().anyMatch(List::isEmpty)) note(problems, "gaps", req.text(EMPTY_GAP));
      }
      case FREE_TEXT -> { }
    }
    String feedback = req.form("feedback");
    Long categoryId = null;
    String category = req.form("category");
    if (category.matches("\\d{1,18}")) categoryId = Long.valueOf(category);
    else if (!category.isEmpty()) note(problems, "category", req.text(CATEGORY));
    String newCategory = req.form("new-category");
    if (newCategory.length() > 100) note(problems, "new-category", req.text(NEW_CATEGORY));
    Question draft = new Question(id, spaceId, categoryId, null, type, title, prompt, points, caseSensitive, number, tolerance, gapText,
        feedback, null, null, List.copyOf(choices));
    for (String p : overLimits(draft, req)) note(problems, "limits", p);
    return new Read(draft, problems, newCategory);
  }

  /**
   * What the bank holds in one question, however it is made (this editor or a QTI import): the
   * question, title, option and gap texts' lengths, and how many options and gaps. A question over
   * these would make an attempt page that is slow to build and to load, for every learner. The
   * problems are in the words of whoever reads them ({@code texts}: the request, for the teacher).
   */
  static List<String> overLimits(Question q, Texts texts) {
    List<String> problems = new ArrayList<>();
    if (q.prompt() != null && q.prompt().length() > MAX_TEXT) problems.add(texts.text(PROMPT_TOO_LONG));
    if (q.title() != null && q.title().length() > MAX_TITLE) problems.add(texts.text(TITLE_TOO_LONG));
    if (q.choices().size() > MAX_ROWS) {
      Message what = switch (q.type()) {
        case SHORT_TEXT -> TOO_MANY_ACCEPTED;
        case MATCHING -> TOO_MANY_OPTIONS;
        case ORDERING -> TOO_MANY_ITEMS;
        default -> TOO_MANY_CHOICES;
      };
      problems.add(texts.text(what, "max", MAX_ROWS, "count", q.choices().size()));
    }
    if (q.choices().stream().anyMatch(c -> c.text().length() > MAX_OPTION || (c.match() != null && c.match().length() > MAX_OPTION))) {
      problems.add(texts.text(OPTION_TOO_LONG));
    }
    if (q.gapText() != null) {
      if (q.gapText().length() > MAX_TEXT) problems.add(texts.text(TEXT_TOO_LONG));
      int gaps = Gaps.answers(q.gapText()).size();
      if (gaps > MAX_GAPS) problems.add(texts.text(TOO_MANY_GAPS, "max", MAX_GAPS, "count", gaps));
    }
    if (q.feedback() != null && q.feedback().length() > MAX_TEXT) problems.add(texts.text(FEEDBACK_TOO_LONG));
    return problems;
  }

  /** What the form template needs to draw a question (a blank one, a saved one, or a draft with problems). */
  static Map<String, Object> model(Question q, List<Map<String, Object>> categories, String typeLabel) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", q.id());
    m.put("type", q.type().slug());
    m.put("typeLabel", typeLabel);
    m.put("is" + camel(q.type()), true);
    m.put("title", q.title());
    m.put("prompt", q.prompt());
    m.put("points", Answers.number(q.points()));
    m.put("caseSensitive", q.caseSensitive());
    m.put("number", Answers.number(q.number()));
    m.put("tolerance", Answers.number(q.tolerance()));
    m.put("gaps", q.gapText() == null ? "" : q.gapText());
    m.put("feedback", q.feedback() == null ? "" : q.feedback());
    m.put("hasImage", q.image() != null);
    m.put("hasAudio", q.audio() != null);
    List<Question.Choice> c = q.choices();
    int rows = Math.min(MAX_ROWS, Math.max(6, c.size() + 2));
    List<Map<String, Object>> rowModels = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      Question.Choice ch = i < c.size() ? c.get(i) : null;
      Map<String, Object> r = new HashMap<>();
      r.put("i", i);
      r.put("n", i + 1);
      r.put("text", ch == null ? "" : ch.text());
      r.put("match", ch == null || ch.match() == null ? "" : ch.match());
      r.put("correct", ch != null && ch.correct());
      rowModels.add(r);
    }
    m.put("rows", rowModels);
    m.put("accept", q.type() == QuestionType.SHORT_TEXT ? c.stream().map(Question.Choice::text).collect(Collectors.joining("\n")) : "");
    m.put("truthTrue", q.type() == QuestionType.TRUE_FALSE && !c.isEmpty() && c.get(0).correct());
    m.put("truthFalse", q.type() == QuestionType.TRUE_FALSE && c.size() > 1 && c.get(1).correct());
    List<Map<String, Object>> cats = new ArrayList<>();
    for (Map<String, Object> cat : categories) {
      Map<String, Object> x = new HashMap<>(cat);
      x.put("selected", cat.get("id").equals(q.categoryId()));
      cats.add(x);
    }
    m.put("categories", cats);
    return m;
  }

  /** {@code GAPS} → {@code Gaps}, {@code TRUE_FALSE} → {@code TrueFalse}: the template's flag names. */
  static String camel(QuestionType t) {
    return Arrays.stream(t.name().toLowerCase(java.util.Locale.ROOT).split("_"))
        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
  }
}
