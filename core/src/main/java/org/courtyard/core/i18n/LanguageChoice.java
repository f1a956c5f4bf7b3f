package org.courtyard.core.i18n;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.core.db.Db;

/**
 * Which language a person reads: the one they chose on their account page; before sign-in, the one
 * chosen on the sign-in page (a cookie); otherwise the first of the browser's Accept-Language the
 * school offers; otherwise the school's default. Schools offer every shipped language unless they
 * choose fewer.
 */
@Singleton
public final class LanguageChoice {
  /** The cookie the sign-in and picture pages' chooser sets before anyone is signed in. */
  public static final String COOKIE = "courtyard_lang";
  private final Db db;

  @Inject
  public LanguageChoice(Db db) { this.db = db; }

  /** The person's own choice, if they made one. */
  public Optional<Language> saved(long userId) {
    return org.courtyard.core.cache.RequestMemo.get(() -> db.queryOne("SELECT language FROM users WHERE id = ?", rs -> rs.getString(1), userId)
        .flatMap(Language::byCode), "user-language", userId);
  }

  public void save(long userId, Language language) {
    db.update("UPDATE users SET language = ? WHERE id = ?", language == null ? null : language.code(), userId);
  }

  /** The languages a school offers, in its order (all shipped if it has not chosen). */
  public List<Language> offered(Long schoolId) {
    if (schoolId == null) return Language.SHIPPED;
    String list = db.queryOne("SELECT languages FROM schools WHERE space_id = ?", rs -> rs.getString(1), schoolId).orElse(null);
    if (list == null || list.isBlank()) return Language.SHIPPED;
    List<Language> out = new ArrayList<>();
    for (String code : list.split(",")) Language.byCode(code).ifPresent(out::add);
    if (!out.contains(Language.ENGLISH)) out.add(0, Language.ENGLISH);
    return out;
  }

  /** The school's first language for people who have not chosen and whose browser asks for none it offers. */
  public Language defaultFor(Long schoolId) {
    if (schoolId == null) return Language.ENGLISH;
    return db.queryOne("SELECT default_language FROM schools WHERE space_id = ?", rs -> rs.getString(1), schoolId)
        .flatMap(Language::byCode).orElse(Language.ENGLISH);
  }

  public void setSchoolLanguages(long schoolId, List<Language> offered, Language defaultLanguage) {
    db.update("UPDATE schools SET languages = ?, default_language = ? WHERE space_id = ?",
        String.join(",", offered.stream().map(Language::code).toList()), defaultLanguage.code(), schoolId);
  }

  /** Resolves the reader's language from what is known about them. */
  public Language choose(Long userId, String cookie, String acceptLanguage, Long schoolId) {
    if (userId != null) {
      Optional<Language> own = saved(userId);
      if (own.isPresent()) return own.get();
    }
    List<Language> offered = offered(schoolId);
    Optional<Language> fromCookie = Language.byCode(cookie);
    if (fromCookie.isPresent()) return fromCookie.get();
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
        List<String> tags = offered.stream().map(Language::code).toList();
        String best = Locale.lookupTag(ranges, tags);
        if (best != null) return Language.byCode(best).orElseThrow();
      } catch (IllegalArgumentException malformed) {
        // A malformed header is ignored, as if none had been sent.
      }
    }
    return defaultFor(schoolId);
  }
}
