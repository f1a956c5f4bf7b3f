package org.courtyard.plugins.wiki;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiki's markup, a small Markdown: {@code # heading}, {@code **bold**}, {@code *italic*},
 * {@code - list}, {@code [text](https://…)} and {@code [[Page name]]} links. Everything is escaped
 * first and only these forms become tags, so no user HTML can reach the page; the result still
 * goes through the core's sanitiser.
 */
final class Markup {
  private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[([^\\]|]{1,100})(?:\\|([^\\]]{1,100}))?\\]\\]");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]{1,200})\\]\\((https?://[^\\s)\"'<>]{1,500})\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![*\\w])");

  private Markup() {}

  /** Renders text; {@code exists} says which page slugs exist, so missing ones are marked for creating. */
  static String render(String text, String pageUrlPrefix, String suffix, Predicate<String> exists) {
    StringBuilder out = new StringBuilder();
    boolean inList = false;
    StringBuilder para = new StringBuilder();
    for (String raw : (text == null ? "" : text).split("\\R", -1)) {
      String line = raw.stripTrailing();
      boolean item = line.startsWith("- ") || line.startsWith("* ");
      if (line.isBlank() || line.startsWith("#") || item) {
        flush(out, para);
      }
      if (!item && inList) {
        out.append("</ul>");
        inList = false;
      }
      if (line.isBlank()) continue;
      if (item) {
        if (!inList) out.append("<ul>");
        inList = true;
        out.append("<li>").append(inline(line.substring(2), pageUrlPrefix, suffix, exists)).append("</li>");
      } else if (line.startsWith("#")) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#' && level < 4) level++;
        int h = Math.min(level + 1, 5); // the page title is the h1
        out.append("<h").append(h).append('>').append(inline(line.substring(level).trim(), pageUrlPrefix, suffix, exists)).append("</h").append(h).append('>');
      } else {
        if (para.length() > 0) para.append("<br>");
        para.append(inline(line, pageUrlPrefix, suffix, exists));
      }
    }
    flush(out, para);
    if (inList) out.append("</ul>");
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder para) {
    if (para.length() > 0) {
      out.append("<p>").append(para).append("</p>");
      para.setLength(0);
    }
  }

  private static String inline(String s, String prefix, String suffix, Predicate<String> exists) {
    String e = escape(s);
    Matcher w = WIKI_LINK.matcher(e);
    StringBuilder b = new StringBuilder();
    while (w.find()) {
      String target = w.group(1).trim();
      String label = w.group(2) == null ? target : w.group(2).trim();
      String slug = slug(unescape(target));
      // A page not written yet is marked with a question mark, which the sanitiser keeps (it drops class attributes).
      String mark = exists.test(slug) ? "" : "<sup>?</sup>";
      w.appendReplacement(b, Matcher.quoteReplacement("<a href=\"" + prefix + slug + suffix + "\">" + label + "</a>" + mark));
    }
    w.appendTail(b);
    String r = LINK.matcher(b.toString()).replaceAll("<a href=\"$2\">$1</a>");
    r = BOLD.matcher(r).replaceAll("<strong>$1</strong>");
    return ITALIC.matcher(r).replaceAll("<em>$1</em>");
  }

  static String slug(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (s.isEmpty()) s = "page";
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
