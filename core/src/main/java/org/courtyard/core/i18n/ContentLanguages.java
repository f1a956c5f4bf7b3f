package org.courtyard.core.i18n;

import com.ibm.icu.util.ULocale;
import java.util.List;
import org.courtyard.api.i18n.ContentLanguage;

/**
 * The languages content can be marked as written in: the home languages schools in England and Wales
 * commonly meet, each named in itself (ICU's names), and the attributes that mark content so.
 */
public final class ContentLanguages {
  /** Common home languages of learners in England and Wales (and the UK's own), by tag. */
  public static final List<String> COMMON = List.of("en", "cy", "ga", "gd", "kw", "pl", "ro", "lt", "lv", "bg", "cs", "sk", "hu", "pt",
      "es", "it", "fr", "de", "sq", "ru", "uk", "tr", "ku", "ar", "ur", "fa", "ps", "pa", "bn", "gu", "hi", "ta", "ne", "zh", "tl", "so",
      "am", "ti", "yo", "ig", "tw", "sw");
  private static final List<String> RIGHT_TO_LEFT = List.of("ar", "ur", "fa", "ps", "he", "yi", "ku-Arab", "sd", "ug", "dv");

  private ContentLanguages() {}

  /** ' lang="xx"' (with ' dir="rtl"' for a right-to-left script), escaped; nothing for no or a malformed tag. */
  public static String attributes(String tag) {
    return ContentLanguage.of(tag).map(t -> " lang=\"" + t + "\"" + (rightToLeft(t) ? " dir=\"rtl\"" : " dir=\"ltr\"")).orElse("");
  }

  static boolean rightToLeft(String tag) {
    String lang = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    return RIGHT_TO_LEFT.contains(lang) || RIGHT_TO_LEFT.contains(tag);
  }

  /** The options of a "written in" select: first "the page's language" (empty), then each common language named in itself. */
  public static String options(String selected, String pageLanguageLabel) {
    String chosen = ContentLanguage.of(selected).orElse("");
    StringBuilder b = new StringBuilder("<option value=\"\"").append(chosen.isEmpty() ? " selected" : "").append('>')
        .append(escape(pageLanguageLabel)).append("</option>");
    java.util.List<String> tags = new java.util.ArrayList<>(COMMON);
    if (!chosen.isEmpty() && !tags.contains(chosen)) tags.add(chosen);
    for (String tag : tags) {
      ULocale l = ULocale.forLanguageTag(tag);
      String name = l.getDisplayName(l);
      if (!name.isEmpty()) name = name.substring(0, 1).toUpperCase(l.toLocale()) + name.substring(1);
      b.append("<option value=\"").append(tag).append("\" lang=\"").append(tag).append('"').append(tag.equals(chosen) ? " selected" : "")
          .append('>').append(escape(name)).append("</option>");
    }
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
