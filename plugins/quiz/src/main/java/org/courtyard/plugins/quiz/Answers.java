package org.courtyard.plugins.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;

/**
 * A learner's answer to one question: read from the attempt form, stored as text, and described in
 * words for the review page. Form fields are named after the slot: {@code q3} for one value (or ticked
 * boxes), {@code q3.0}, {@code q3.1}… for one value per pair, item or gap.
 */
final class Answers {
  static final int MAX_VALUE = 2_000;
  static final int MAX_WRITTEN = 20_000;
  static final Message NO_ANSWER = Message.of("quiz.review.noAnswer");
  static final Message TRUE = Message.of("quiz.answer.true");
  static final Message FALSE = Message.of("quiz.answer.false");
  /** Answers any of which is right: "cold or chilly", built from the end ("a or (b or c)"). */
  static final Message EITHER = Message.of("quiz.answer.either");

  private Answers() {}

  static String field(int slot) { return "q" + slot; }

  static String field(int slot, int part) { return "q" + slot + "." + part; }

  /** How many per-part fields a question's form has (0 for one-field questions). */
  static int parts(Question q) {
    return switch (q.type()) {
      case MATCHING, ORDERING -> q.choices().size();
      case GAPS -> Gaps.answers(q.gapText()).size();
      default -> 0;
    };
  }

  static List<String> fromForm(Question q, int slot, Function<String, List<String>> formAll) {
    List<String> out = new ArrayList<>();
    switch (q.type()) {
      case MULTIPLE -> formAll.apply(field(slot)).stream().filter(v -> !v.isBlank()).distinct().limit(q.choices().size()).forEach(v -> out.add(clip(v, MAX_VALUE)));
      case MATCHING, ORDERING, GAPS -> {
        for (int i = 0; i < parts(q); i++) {
          List<String> v = formAll.apply(field(slot, i));
          out.add(v.isEmpty() ? "" : clip(v.get(0), MAX_VALUE));
        }
      }
      case FREE_TEXT -> {
        List<String> v = formAll.apply(field(slot));
        out.add(v.isEmpty() ? "" : clip(v.get(0), MAX_WRITTEN));
      }
      default -> {
        List<String> v = formAll.apply(field(slot));
        out.add(v.isEmpty() ? "" : clip(v.get(0), MAX_VALUE));
      }
    }
    return out;
  }

  /** Whether the learner has put anything down. */
  static boolean blank(List<String> answer) { return answer.stream().allMatch(String::isBlank); }

  static String encode(QuestionType type, List<String> values) {
    if (type == QuestionType.FREE_TEXT) return values.isEmpty() ? "" : values.get(0);
    return String.join("\n", values.stream().map(v -> v.replace('\r', ' ').replace('\n', ' ')).toList());
  }

  static List<String> decode(QuestionType type, String stored) {
    if (stored == null) return List.of();
    if (type == QuestionType.FREE_TEXT) return List.of(stored);
    return Arrays.asList(stored.split("\n", -1));
  }

  /**
   * What a choice says. True and false are stored as "True" and "False" (the first choice and the
   * second) and read in the reader's language; every other choice is the teacher's words as written.
   */
  static String choice(Question q, int i, Texts texts) {
    if (q.type() == QuestionType.TRUE_FALSE && i < 2) return texts.text(i == 0 ? TRUE : FALSE);
    return q.choices().get(i).text();
  }

  /** Alternatives in words, "cold or chilly", in the reader's language. */
  static String either(List<String> alternatives, Texts texts) {
    if (alternatives.isEmpty()) return "";
    String out = alternatives.get(alternatives.size() - 1);
    for (int i = alternatives.size() - 2; i >= 0; i--) out = texts.text(EITHER, "first", alternatives.get(i), "rest", out);
    return out;
  }

  /** The answer in words, e.g. "Paris" or "Lion → Africa; Kangaroo → Australia"; "(no answer)" in the reader's words. */
  static String describe(Question q, List<String> answer, Texts texts) {
    if (blank(answer)) return texts.text(NO_ANSWER);
    List<Question.Choice> c = q.choices();
    return switch (q.type()) {
      case SINGLE, TRUE_FALSE, MULTIPLE -> String.join(", ", answer.stream().map(Marking::index)
          .filter(i -> i >= 0 && i < c.size()).map(i -> choice(q, i, texts)).toList());
      case MATCHING -> {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < c.size() && i < answer.size(); i++) {
          if (c.get(i).text().isEmpty()) continue;
          int j = Marking.index(answer.get(i));
          pairs.add(c.get(i).text() + " → " + (j >= 0 && j < c.size() ? c.get(j).match() : "?"));
        }
        yield String.join("; ", pairs);
      }
      case ORDERING -> {
        String[] order = new String[c.size()];
        for (int i = 0; i < c.size() && i < answer.size(); i++) {
          int pos = Marking.index(answer.get(i));
          if (pos >= 1 && pos <= c.size() && order[pos - 1] == null) order[pos - 1] = c.get(i).text();
        }
        yield String.join(", ", Arrays.stream(order).map(x -> x == null ? "?" : x).toList());
      }
      case GAPS -> String.join(" · ", answer.stream().map(a -> a.isBlank() ? "?" : a).toList());
      default -> answer.get(0);
    };
  }

  /** The right answer in words, for feedback, in the reader's language. */
  static String correct(Question q, Texts texts) {
    List<Question.Choice> c = q.choices();
    return switch (q.type()) {
      case SINGLE, TRUE_FALSE, MULTIPLE -> {
        List<String> right = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) if (c.get(i).correct()) right.add(choice(q, i, texts));
        yield String.join(", ", right);
      }
      case SHORT_TEXT -> either(c.stream().map(Question.Choice::text).toList(), texts);
      case NUMERIC -> number(q.number()) + (q.tolerance() == null || q.tolerance() == 0 ? "" : " (± " + number(q.tolerance()) + ")");
      case MATCHING -> String.join("; ", c.stream().filter(x -> !x.text().isEmpty()).map(x -> x.text() + " → " + x.match()).toList());
      case ORDERING -> String.join(", ", c.stream().map(Question.Choice::text).toList());
      case GAPS -> String.join(" · ", Gaps.answers(q.gapText()).stream().map(a -> either(a, texts)).toList());
      case FREE_TEXT -> "";
    };
  }

  static String number(Double d) {
    if (d == null) return "";
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
  }

  /** A mark for people to read: at most two decimals, no trailing zeros ("1.17", "2"). */
  static String display(Double d) {
    if (d == null) return "";
    return java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static String clip(String v, int max) { return v.length() <= max ? v : v.substring(0, max); }
}
