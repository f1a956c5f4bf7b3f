package org.courtyard.core.notify.mail;

/** Escaping and a little mark-up for the HTML half of an e-mail, made from the same words as its text. */
public final class MailHtml {
  private MailHtml() {}

  /** Text safe inside an element or a quoted attribute. */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Plain text as HTML paragraphs (a blank line starts a new one, a single line break stays one). */
  public static String paragraphs(String text) {
    StringBuilder b = new StringBuilder();
    for (String para : text.strip().split("\\R\\s*\\R")) {
      if (para.isBlank()) continue;
      b.append("<p>").append(escape(para.strip()).replaceAll("\\R", "<br>\n")).append("</p>\n");
    }
    return document(b.toString());
  }

  /** A link whose address is also its words. */
  public static String link(String url) {
    return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
  }

  /** A whole HTML document around a body (UTF-8; {@code lang} and {@code dir} of the recipient's language). */
  public static String document(String body) { return document(body, null, false); }

  public static String document(String body, String lang, boolean rightToLeft) {
    String attrs = (lang == null ? "" : " lang=\"" + escape(lang) + "\"") + (rightToLeft ? " dir=\"rtl\"" : "");
    return "<!DOCTYPE html>\n<html" + attrs + "><head><meta charset=\"utf-8\"></head>\n<body>\n" + body + "</body></html>\n";
  }
}
