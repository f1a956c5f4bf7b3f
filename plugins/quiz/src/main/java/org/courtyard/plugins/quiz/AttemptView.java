package org.courtyard.plugins.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.HtmlSanitizer;
import org.courtyard.api.web.ToolRequest;

/** Builds the models of the attempt form and of the review page, one map per question. */
final class AttemptView {
  private final HtmlSanitizer sanitizer;
  static final Message MARKS = Message.of("quiz.question.marks");
  static final Message RIGHT = Message.of("quiz.review.right");
  static final Message PARTLY = Message.of("quiz.review.partly");
  static final Message WRONG = Message.of("quiz.review.wrong");
  private final String toolUrl;
  private final ToolRequest req;

  AttemptView(HtmlSanitizer sanitizer, ToolRequest req) {
    this.sanitizer = sanitizer;
    this.toolUrl = req.toolUrl();
    this.req = req;
  }

  /** What every question shows, whether answering or reviewing. */
  private Map<String, Object> common(Question q, int slot) {
    Map<String, Object> m = new HashMap<>();
    m.put("n", slot + 1);
    m.put("slot", slot);
    m.put("field", Answers.field(slot));
    m.put("is" + QuestionForm.camel(q.type()), true);
    m.put("typeLabel", req.text(q.type().message()));
    m.put("promptHtml", sanitizer.textToHtml(q.prompt()));
    m.put("points", Answers.display(q.points()));
    m.put("marks", req.text(MARKS, "count", q.points()));
    if (q.image() != null) m.put("imageUrl", toolUrl + "/media/" + q.id() + "/image");
    if (q.audio() != null) m.put("audioUrl", toolUrl + "/media/" + q.id() + "/audio");
    return m;
  }

  Map<String, Object> form(QuizStore.Quiz quiz, QuizStore.Attempt attempt, QuizStore.Slot s, Question q) {
    Map<String, Object> m = common(q, s.slot());
    List<String> answer = Answers.decode(q.type(), s.answer());
    List<Question.Choice> c = q.choices();
    switch (q.type()) {
      case SINGLE, TRUE_FALSE, MULTIPLE -> {
        List<Map<String, Object>> options = new ArrayList<>();
        List<Integer> order = q.type() == QuestionType.TRUE_FALSE ? List.of(0, 1) : QuizService.optionOrder(quiz, attempt, s.slot(), c.size());
        for (int i : order) {
          options.add(Map.of("value", i, "text", Answers.choice(q, i, req), "checked", answer.contains(String.valueOf(i)), "id", "q" + s.slot() + "-" + i));
        }
        m.put("options", options);
      }
      case MATCHING -> {
        // The right-hand options are always shuffled: in the stored order they would give the answer away.
        List<Integer> order = alwaysShuffled(attempt, s.slot(), c.size());
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
          if (c.get(i).text().isEmpty()) continue;
          String given = i < answer.size() ? answer.get(i) : "";
          List<Map<String, Object>> options = new ArrayList<>();
          for (int j : order) options.add(Map.of("value", j, "text", c.get(j).match(), "selected", given.equals(String.valueOf(j))));
          pairs.add(Map.of("field", Answers.field(s.slot(), i), "text", c.get(i).text(), "options", options, "id", "q" + s.slot() + "-" + i));
        }
        m.put("pairs", pairs);
      }
      case ORDERING -> {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i : alwaysShuffled(attempt, s.slot(), c.size())) {
          String given = i < answer.size() ? answer.get(i) : "";
          List<Map<String, Object>> positions = new ArrayList<>();
          for (int p = 1; p <= c.size(); p++) positions.add(Map.of("value", p, "selected", given.equals(String.valueOf(p))));
          items.add(Map.of("field", Answers.field(s.slot(), i), "text", c.get(i).text(), "positions", positions, "id", "q" + s.slot() + "-" + i));
        }
        m.put("items", items);
        m.put("count", c.size());
      }
      case GAPS -> {
        List<Map<String, Object>> parts = new ArrayList<>();
        int g = 0;
        for (Gaps.Part p : Gaps.parse(q.gapText())) {
          if (p.isGap()) {
            parts.add(Map.of("gap", true, "field", Answers.field(s.slot(), g), "value", g < answer.size() ? answer.get(g) : "", "n", g + 1,
                "id", "q" + s.slot() + "-" + g));
            g++;
          } else {
            parts.add(Map.of("gap", false, "text", p.text()));
          }
        }
        m.put("parts", parts);
      }
      default -> m.put("value", answer.isEmpty() ? "" : answer.get(0));
    }
    return m;
  }

  Map<String, Object> review(QuizStore.Slot s, Question q, boolean showAnswers, boolean marker) {
    Map<String, Object> m = common(q, s.slot());
    List<String> answer = Answers.decode(q.type(), s.answer());
    m.put("yourAnswer", Answers.describe(q, answer, req));
    if (q.type() == QuestionType.FREE_TEXT) m.put("writtenHtml", sanitizer.textToHtml(answer.isEmpty() ? "" : answer.get(0)));
    m.put("showAnswers", showAnswers);
    m.put("scored", s.score() != null);
    m.put("score", Answers.display(s.score()));
    if (showAnswers) {
      m.put("correct", Answers.correct(q, req));
      if (s.score() != null) {
        double fraction = q.points() == 0 ? 0 : s.score() / q.points();
        m.put("verdict", req.text(fraction >= 0.999 ? RIGHT : fraction > 0 ? PARTLY : WRONG));
        m.put("right", fraction >= 0.999);
      }
      if (q.feedback() != null && !q.feedback().isBlank()) m.put("feedbackHtml", sanitizer.textToHtml(q.feedback()));
    }
    m.put("comment", s.comment());
    m.put("markable", marker);
    return m;
  }

  private static List<Integer> alwaysShuffled(QuizStore.Attempt a, int slot, int size) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < size; i++) order.add(i);
    Random r = new Random(a.seed() * 31 + slot + 7);
    // Re-shuffle a few times if it came out in the stored order (likely with two items).
    for (int tries = 0; tries < 5; tries++) {
      Collections.shuffle(order, r);
      boolean same = true;
      for (int i = 0; i < size && same; i++) same = order.get(i) == i;
      if (!same || size < 2) break;
    }
    return order;
  }
}
