package org.courtyard.core.services;

import java.util.regex.Pattern;
import org.courtyard.api.service.HtmlSanitizer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** The school's HTML policy, built on the OWASP sanitiser's tested allow-lists. */
public final class OwaspHtmlSanitizer implements HtmlSanitizer {
  /** This site's own paths for media; no backslash, which browsers read as a slash ({@code /\host} is another host). */
  private static final Pattern OWN_MEDIA = Pattern.compile("/(files|assets|s)/[^\\s\"'<>\\\\]*");
  private static final PolicyFactory POLICY = Sanitizers.FORMATTING
      .and(Sanitizers.BLOCKS)
      .and(Sanitizers.LINKS)
      .and(Sanitizers.TABLES)
      .and(new HtmlPolicyBuilder()
          .allowElements("img", "figure", "figcaption", "audio", "video", "source", "hr", "pre", "code")
          .allowAttributes("alt", "title", "width", "height").onElements("img")
          // Pictures and sound only from this site: a picture from another server would tell that server
          // who read the page and when (a tracking pixel for every child who opens it).
          .allowAttributes("src").matching(OwaspHtmlSanitizer::ownMedia).onElements("img", "audio", "video", "source")
          .allowAttributes("controls").onElements("audio", "video")
          .allowAttributes("type").onElements("source")
          .toFactory())
      .and(new HtmlPolicyBuilder().allowElements("a").requireRelsOnLinks("nofollow", "noopener", "noreferrer").toFactory());

  /**
   * A path on this site where media live: {@code /files/…}, {@code /assets/…} or a tool's own route
   * {@code /s/<space>/<tool>/…}. Never another host ({@code https://…}, {@code //host}, {@code /\host}), never
   * {@code data:} or {@code javascript:}.
   */
  static boolean ownMedia(String url) {
    return url != null && OWN_MEDIA.matcher(url).matches();
  }

  @Override
  public String sanitize(String untrustedHtml) {
    return untrustedHtml == null ? "" : POLICY.sanitize(untrustedHtml);
  }

  @Override
  public String textToHtml(String plainText) {
    if (plainText == null || plainText.isBlank()) return "";
    StringBuilder out = new StringBuilder();
    for (String para : plainText.strip().split("\\R\\s*\\R")) {
      out.append("<p>").append(escape(para).replaceAll("\\R", "<br>")).append("</p>");
    }
    return out.toString();
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
