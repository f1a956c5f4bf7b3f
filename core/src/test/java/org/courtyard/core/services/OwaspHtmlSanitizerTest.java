package org.courtyard.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OwaspHtmlSanitizerTest {
  private final OwaspHtmlSanitizer sanitizer = new OwaspHtmlSanitizer();

  @Test
  void keepsFormattingAndDropsScripts() {
    String out = sanitizer.sanitize("<p>Hello <b>class</b><script>alert(1)</script><img src=x onerror=alert(2)></p>");
    assertTrue(out.contains("<b>class</b>"), out);
    assertFalse(out.contains("script"), out);
    assertFalse(out.contains("onerror"), out);
  }

  @Test
  void linksGetSafeRelsAndJavascriptUrlsGo() {
    String out = sanitizer.sanitize("<a href=\"https://example.org\">ok</a><a href=\"javascript:alert(1)\">bad</a>");
    assertTrue(out.contains("nofollow") && out.contains("noopener") && out.contains("noreferrer"), out);
    assertFalse(out.contains("javascript"), out);
  }

  @Test
  void picturesAndSoundOnlyFromThisSite() {
    assertTrue(sanitizer.sanitize("<img src=\"/files/abc\" alt=\"cat\">").contains("src=\"/files/abc\""));
    assertTrue(sanitizer.sanitize("<img src=\"/assets/core/logo.png\">").contains("src=\"/assets/core/logo.png\""));
    assertTrue(sanitizer.sanitize("<img src=\"/s/2-willow/blog/media/3\">").contains("src=\"/s/2-willow/blog/media/3\""), "a tool's own media route");
    assertTrue(sanitizer.sanitize("<audio controls src=\"/s/2-willow/blog/media/4\"></audio>").contains("src=\"/s/2-willow/blog/media/4\""));
    for (String outside : new String[] {"https://tracker.example/p.gif", "http://tracker.example/p.gif", "//tracker.example/p.gif",
        "/\\tracker.example/p.gif", "data:image/svg+xml;base64,AAAA", "javascript:alert(1)", "HTTPS://tracker.example/p.gif",
        "&#47;&#47;tracker.example/p.gif", " https://tracker.example/p.gif", "p.gif", "/other/p.gif"}) {
      for (String tag : new String[] {"<img src=\"%s\">", "<audio src=\"%s\"></audio>", "<video src=\"%s\"></video>",
          "<video><source src=\"%s\" type=\"video/mp4\"></video>"}) {
        String out = sanitizer.sanitize(tag.formatted(outside));
        assertFalse(out.contains("src="), tag.formatted(outside) + " became " + out);
      }
    }
  }

  @Test
  void linksToOtherSitesStay() {
    assertTrue(sanitizer.sanitize("<a href=\"https://www.bbc.co.uk/bitesize\">Bitesize</a>").contains("href=\"https://www.bbc.co.uk/bitesize\""));
  }

  @Test
  void plainTextBecomesEscapedParagraphs() {
    assertEquals("<p>a &lt;b&gt;<br>c</p><p>d</p>", sanitizer.textToHtml("a <b>\nc\n\nd"));
  }
}
