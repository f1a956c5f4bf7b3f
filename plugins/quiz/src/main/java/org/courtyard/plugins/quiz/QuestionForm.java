package org.courtyard.plugins.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    if (prompt.isEmpty() && type == QuestionType.GAPS) prompt = "Fill in the gaps.";
    if (prompt.isEmpty()) note(problems, "prompt", "Write the question.");
    String title = req.form("title");
    if (title.isEmpty()) title = prompt.length() > 80 ? prompt.substring(0, 79) + "…" : prompt;
    Double points = Marking.number(req.form("points").isEmpty() ? "1" : req.form("points"));
    if (points == null || points <= 0 || points > 100) {
      note(problems, "points", "Points must be a number above 0 and at most 100.");
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
        if (choices.size() < 2) note(problems, "choices", "Give at least two choices.");
        if (type == QuestionType.SINGLE && right != 1) note(problems, "correct", "Tick exactly one right answer.");
        if (type == QuestionType.MULTIPLE && right < 1) note(problems, "correct", "Tick at least one right answer.");
      }
      case TRUE_FALSE -> {
        String truth = req.form("truth");
        if (!truth.equals("true") && !truth.equals("false")) note(problems, "truth", "Say whether the statement is true or false.");
        choices.add(new Question.Choice("True", truth.equals("true"), null));
        choices.add(new Question.Choice("False", truth.equals("false"), null));
      }
      case SHORT_TEXT -> {
        for (String line : req.form("accept").split("\\R")) if (!line.isBlank()) choices.add(new Question.Choice(line.trim(), true, null));
        if (choices.isEmpty()) note(problems, "accept", "Give at least one accepted answer (one per line).");
      }
      case NUMERIC -> {
        number = Marking.number(req.form("number"));
        if (number == null) note(problems, "number", "Give the answer as a number.");
        tolerance = req.form("tolerance").isEmpty() ? 0.0 : Marking.number(req.form("tolerance"));
        if (tolerance == null || tolerance < 0) {
          note(problems, "tolerance", "The tolerance is a number, 0 or more.");
          tolerance = 0.0;
        }
      }
      case MATCHING -> {
        for (int i = 0; i < MAX_ROWS; i++) {
          String left = req.form("left." + i);
          String right = req.form("right." + i);
          if (!left.isEmpty() && right.isEmpty()) note(problems, "pairs", "“" + left + "” needs something to match with.");
          if (!right.isEmpty()) choices.add(new Question.Choice(left, false, right));
        }
        // Real pairs first, then the extra (wrong) right-hand options: the marking relies on pair i matching option i.
        choices.sort((a, b) -> Boolean.compare(a.text().isEmpty(), b.text().isEmpty()));
        if (choices.stream().filter(c -> !c.text().isEmpty()).count() < 2) note(problems, "pairs", "Give at least two pairs to match.");
      }
      case ORDERING -> {
        for (int i = 0; i < MAX_ROWS; i++) {
          String item = req.form("item." + i);
          if (!item.isEmpty()) choices.add(new Question.Choice(item, false, null));
        }
        if (choices.size() < 2) note(problems, "items", "Give at least two things to put in order.");
      }
      case GAPS -> {
        gapText = req.form("gaps");
        List<List<String>> gaps = Gaps.answers(gapText);
        if (gaps.isEmpty()) note(problems, "gaps", "Mark at least one gap with square brackets, e.g. “The [cat|kitten] sat”.");
        if (gaps.stream().anyMatch(List::isEmpty)) note(problems, "gaps", "Every gap needs at least one answer inside its brackets.");
      }
      case FREE_TEXT -> { }
    }
    String feedback = req.form("feedback");
    Long categoryId = null;
    String category = req.form("category");
    if (category.matches("\\d{1,18}")) categoryId = Long.valueOf(category);
    else if (!category.isEmpty()) note(problems, "category", "Choose a category from the list.");
    String newCategory = req.form("new-category");
    if (newCategory.length() > 100) note(problems, "new-category", "Keep the category name under 100 characters.");
    Question draft = new Question(id, spaceId, categoryId, null, type, title, prompt, points, caseSensitive, number, tolerance, gapText,
        feedback, null, null, List.copyOf(choices));
    for (String p : overLimits(draft)) note(problems, "limits", p);
    return new Read(draft, problems, newCategory);
  }

  /**
   * What the bank holds in one question, however it is made (this editor or a QTI import): the
   * question, title, option and gap texts' lengths, and how many options and gaps. A question over
   * these would make an attempt page that is slow to build and to load, for every learner.
   */
  static List<String> overLimits(Question q) {
    List<String> problems = new ArrayList<>();
    if (q.prompt() != null && q.prompt().length() > MAX_TEXT) problems.add("The question is too long (at most 10,000 characters).");
    if (q.title() != null && q.title().length() > MAX_TITLE) problems.add("Keep the short title under 200 characters.");
    if (q.choices().size() > MAX_ROWS) {
      String what = switch (q.type()) {
        case SHORT_TEXT -> "accepted answers";
        case MATCHING -> "options to match";
        case ORDERING -> "things to put in order";
        default -> "choices";
      };
      problems.add("Give at most " + MAX_ROWS + " " + what + " (this question has " + q.choices().size() + ").");
    }
    if (q.choices().stream().anyMatch(c -> c.text().length() > MAX_OPTION || (c.match() != null && c.match().length() > MAX_OPTION))) {
      problems.add("Keep each option under 1,000 characters.");
    }
    if (q.gapText() != null) {
      if (q.gapText().length() > MAX_TEXT) problems.add("The text is too long (at most 10,000 characters).");
      int gaps = Gaps.answers(q.gapText()).size();
      if (gaps > MAX_GAPS) problems.add("Make at most " + MAX_GAPS + " gaps (this text has " + gaps + ").");
    }
    if (q.feedback() != null && q.feedback().length() > MAX_TEXT) problems.add("Keep the feedback under 10,000 characters.");
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
