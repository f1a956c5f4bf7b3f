package org.courtyard.plugins.wiki;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence: enough for pages of a school wiki (bounded to 2,000 lines a side). */
final class LineDiff {
  enum Kind { SAME, ADDED, REMOVED }

  record Line(Kind kind, String text) {}

  private LineDiff() {}

  static List<Line> diff(String before, String after) {
    String[] a = before.split("\\R", -1);
    String[] b = after.split("\\R", -1);
    if (a.length > 2000 || b.length > 2000) {
      List<Line> coarse = new ArrayList<>();
      for (String s : a) coarse.add(new Line(Kind.REMOVED, s));
      for (String s : b) coarse.add(new Line(Kind.ADDED, s));
      return coarse;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add(new Line(Kind.SAME, a[i++]));
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line(Kind.REMOVED, a[i++]));
      } else {
        out.add(new Line(Kind.ADDED, b[j++]));
      }
    }
    while (i < a.length) out.add(new Line(Kind.REMOVED, a[i++]));
    while (j < b.length) out.add(new Line(Kind.ADDED, b[j++]));
    return out;
  }
}
