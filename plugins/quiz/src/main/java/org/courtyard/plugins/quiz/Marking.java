package org.courtyard.plugins.quiz;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Marks an answer: the fraction of the question's points it earns, from 0 to 1, or {@code null} when
 * a teacher has to mark it. Matching and fill-in-the-gaps earn part marks per pair or gap; several-answer
 * choice earns (right ticks − wrong ticks) / right options, never below 0; ordering is all or nothing.
 */
final class Marking {
  private Marking() {}

  static Double fraction(Question q, List<String> answer) {
    List<Question.Choice> choices = q.choices();
    return switch (q.type()) {
      case SINGLE, TRUE_FALSE -> {
        int i = index(answer.isEmpty() ? "" : answer.get(0));
        yield i >= 0 && i < choices.size() && choices.get(i).correct() ? 1.0 : 0.0;
      }
      case MULTIPLE -> {
        long rightOptions = choices.stream().filter(Question.Choice::correct).count();
        Set<Integer> ticked = new HashSet<>();
        for (String a : answer) ticked.add(index(a));
        int right = 0;
        int wrong = 0;
        for (int i : ticked) {
          if (i >= 0 && i < choices.size() && choices.get(i).correct()) right++;
          else wrong++;
        }
        yield rightOptions == 0 ? 0.0 : Math.max(0.0, (right - wrong) / (double) rightOptions);
      }
      case SHORT_TEXT -> {
        String given = normal(first(answer), q.caseSensitive());
        yield !given.isEmpty() && choices.stream().anyMatch(c -> normal(c.text(), q.caseSensitive()).equals(given)) ? 1.0 : 0.0;
      }
      case NUMERIC -> {
        Double given = number(first(answer));
        double tolerance = q.tolerance() == null ? 0 : Math.abs(q.tolerance());
        yield given != null && q.number() != null && Math.abs(given - q.number()) <= tolerance + 1e-9 ? 1.0 : 0.0;
      }
      case MATCHING -> {
        int pairs = 0;
        int right = 0;
        for (int i = 0; i < choices.size(); i++) {
          if (choices.get(i).text().isEmpty()) continue;
          pairs++;
          if (i < answer.size() && index(answer.get(i)) == i) right++;
        }
        yield pairs == 0 ? 0.0 : right / (double) pairs;
      }
      case ORDERING -> {
        boolean all = answer.size() >= choices.size();
        for (int i = 0; all && i < choices.size(); i++) all = index(answer.get(i)) == i + 1;
        yield all ? 1.0 : 0.0;
      }
      case GAPS -> {
        List<List<String>> gaps = Gaps.answers(q.gapText());
        int right = 0;
        for (int g = 0; g < gaps.size(); g++) {
          String given = normal(g < answer.size() ? answer.get(g) : "", q.caseSensitive());
          if (!given.isEmpty() && gaps.get(g).stream().anyMatch(a -> normal(a, q.caseSensitive()).equals(given))) right++;
        }
        yield gaps.isEmpty() ? 0.0 : right / (double) gaps.size();
      }
      case FREE_TEXT -> null;
    };
  }

  static String first(List<String> answer) { return answer.isEmpty() ? "" : answer.get(0); }

  static int index(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A number as people type it: "3.5", " 3,5 " (a decimal comma), "1 000". */
  static Double number(String value) {
    String v = value.trim().replace(" ", "");
    if (v.indexOf(',') >= 0 && v.indexOf('.') < 0) v = v.replace(',', '.');
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Spaces collapsed; case ignored unless the question says it matters. */
  static String normal(String s, boolean caseSensitive) {
    String t = s == null ? "" : s.trim().replaceAll("\\s+", " ");
    return caseSensitive ? t : t.toLowerCase(Locale.ROOT);
  }
}
