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
  void imagesOnlyFromTheSchoolOrHttps() {
    assertTrue(sanitizer.sanitize("<img src=\"/files/abc\" alt=\"cat\">").contains("src=\"/files/abc\""));
    assertFalse(sanitizer.sanitize("<img src=\"data:image/svg+xml;base64,AAAA\">").contains("data:"));
  }

  @Test
  void plainTextBecomesEscapedParagraphs() {
    assertEquals("<p>a &lt;b&gt;<br>c</p><p>d</p>", sanitizer.textToHtml("a <b>\nc\n\nd"));
  }
}
