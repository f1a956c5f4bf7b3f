package org.courtyard.plugins.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fill-in-the-gaps text: {@code "The [cat|kitten] sat on the [mat]."} — each pair of brackets is a gap
 * and the words inside, split by {@code |}, are the answers accepted for it.
 */
final class Gaps {
  private static final Pattern GAP = Pattern.compile("\\[([^\\[\\]]*)\\]");

  /** Either plain text ({@code answers == null}) or a gap. */
  record Part(String text, List<String> answers) {
    boolean isGap() { return answers != null; }
  }

  private Gaps() {}

  static List<Part> parse(String gapText) {
    List<Part> parts = new ArrayList<>();
    Matcher m = GAP.matcher(gapText == null ? "" : gapText);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) parts.add(new Part(gapText.substring(at, m.start()), null));
      List<String> answers = Arrays.stream(m.group(1).split("\\|")).map(String::trim).filter(a -> !a.isEmpty()).toList();
      parts.add(new Part("", answers));
      at = m.end();
    }
    if (gapText != null && at < gapText.length()) parts.add(new Part(gapText.substring(at), null));
    return parts;
  }

  static List<List<String>> answers(String gapText) {
    return parse(gapText).stream().filter(Part::isGap).map(Part::answers).toList();
  }

  /** Builds gap text back from parts (used by the QTI reader). */
  static String join(List<Part> parts) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) b.append(p.isGap() ? "[" + String.join("|", p.answers()) + "]" : p.text());
    return b.toString();
  }
}
