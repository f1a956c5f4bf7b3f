package org.courtyard.core.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language Courtyard's pages can be read in: its code (a BCP 47 tag, also the bundles' suffix), its
 * name in itself (what the chooser shows, so a reader finds their own) and its direction.
 */
public record Language(String code, String nativeName, boolean rightToLeft) {
  public static final Language ENGLISH = new Language("en", "English", false);

  /** Every language shipped; English is complete for everything, Welsh for every page, the rest for parents' pages. */
  public static final List<Language> SHIPPED = List.of(
      ENGLISH,
      new Language("cy", "Cymraeg", false),
      new Language("pl", "Polski", false),
      new Language("ur", "اردو", true),
      new Language("ar", "العربية", true));

  public Locale locale() { return Locale.forLanguageTag(code); }

  public String direction() { return rightToLeft ? "rtl" : "ltr"; }

  public static Optional<Language> byCode(String code) {
    if (code == null) return Optional.empty();
    String c = code.trim().toLowerCase(Locale.ROOT);
    return SHIPPED.stream().filter(l -> l.code.equals(c)).findFirst();
  }
}
