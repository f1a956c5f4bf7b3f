package org.courtyard.plugins.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {
  @Test
  void rendersTheSmallMarkupAndEscapesEverythingElse() {
    String html = Markup.render("# Planets\nThe **sun** is *hot*.\n- Mars\n- [[Jupiter]]\n<script>alert(1)</script>", "/w/p/", "", s -> s.equals("mars"));
    assertTrue(html.contains("<h2>Planets</h2>"), html);
    assertTrue(html.contains("<strong>sun</strong>") && html.contains("<em>hot</em>"));
    assertTrue(html.contains("<ul><li>Mars</li><li><a href=\"/w/p/jupiter\">Jupiter</a><sup>?</sup></li></ul>"), html);
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;"));
  }

  @Test
  void linksOnlyToWebAddresses() {
    assertTrue(Markup.render("[ok](https://example.org)", "/", "", s -> true).contains("<a href=\"https://example.org\">ok</a>"));
    assertFalse(Markup.render("[bad](javascript:alert(1))", "/", "", s -> true).contains("<a href=\"javascript"));
  }

  @Test
  void theDiffMarksAddedAndRemovedLines() {
    List<LineDiff.Line> d = LineDiff.diff("a\nb\nc", "a\nc\nd");
    assertEquals(List.of(new LineDiff.Line(LineDiff.Kind.SAME, "a"), new LineDiff.Line(LineDiff.Kind.REMOVED, "b"),
        new LineDiff.Line(LineDiff.Kind.SAME, "c"), new LineDiff.Line(LineDiff.Kind.ADDED, "d")), d);
  }
}
