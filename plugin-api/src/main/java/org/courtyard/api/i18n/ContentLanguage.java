package org.courtyard.api.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language a piece of content is written in (a learner's Polish poem), as a tool stores it: a
 * BCP 47 tag ("pl", "pt-BR"), or none when it is in the page's language. Content is never translated;
 * the tag lets a screen reader read it in the right voice ({@code <p{{langAttr lang}}>}) and lays out
 * right-to-left scripts. Forms offer the common home languages with {@code {{languageOptions lang}}}.
 * <pre>
 * String lang = ContentLanguage.of(req.form("lang")).orElse(null);   // anything else is dropped
 * </pre>
 *
 * @since 2.1.0
 */
public final class ContentLanguage {
  private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");

  private ContentLanguage() {}

  /** The well-formed, normalised tag ("PT-br" becomes "pt-BR"), or empty for a blank or malformed one. */
  public static Optional<String> of(String input) {
    if (input == null || input.isBlank() || !TAG.matcher(input.trim()).matches()) return Optional.empty();
    String tag = Locale.forLanguageTag(input.trim()).toLanguageTag();
    return "und".equals(tag) ? Optional.empty() : Optional.of(tag);
  }
}
