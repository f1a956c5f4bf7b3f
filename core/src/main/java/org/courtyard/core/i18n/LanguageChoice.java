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
  // Read on every page: kept a second (see ShortCache), forgotten here when changed here.
  private final org.courtyard.core.cache.ShortCache<Long, Optional<Language>> saved = new org.courtyard.core.cache.ShortCache<>(java.time.Duration.ofSeconds(1));
  private final org.courtyard.core.cache.ShortCache<Long, SchoolLanguages> schools = new org.courtyard.core.cache.ShortCache<>(java.time.Duration.ofSeconds(1));

  /** A school's offered languages and its default. */
  private record SchoolLanguages(List<Language> offered, Language defaultLanguage) {}

  @Inject
  public LanguageChoice(Db db) { this.db = db; }

  /** The person's own choice, if they made one. */
  public Optional<Language> saved(long userId) {
    return saved.get(userId, () -> db.queryOne("SELECT language FROM users WHERE id = ?", rs -> rs.getString(1), userId).flatMap(Language::byCode));
  }

  /** The language things sent or written for a person are in (a notification, a subject access download): theirs, else their school's. */
  public Language of(long userId) {
    return saved(userId).orElseGet(() -> defaultFor(db.queryOne("SELECT school_id FROM users WHERE id = ?", rs -> {
      long school = rs.getLong(1);
      return rs.wasNull() ? null : school;
    }, userId).orElse(null)));
  }

  public void save(long userId, Language language) {
    db.update("UPDATE users SET language = ? WHERE id = ?", language == null ? null : language.code(), userId);
    saved.forget(userId);
  }

  private SchoolLanguages school(long schoolId) {
    return schools.get(schoolId, () -> db.queryOne("SELECT languages, default_language FROM schools WHERE space_id = ?", rs -> {
      String list = rs.getString(1);
      List<Language> out = new ArrayList<>();
      if (list == null || list.isBlank()) out.addAll(Language.SHIPPED);
      else for (String code : list.split(",")) Language.byCode(code).ifPresent(out::add);
      if (!out.contains(Language.ENGLISH)) out.add(0, Language.ENGLISH);
      return new SchoolLanguages(List.copyOf(out), Language.byCode(rs.getString(2)).orElse(Language.ENGLISH));
    }, schoolId).orElse(new SchoolLanguages(Language.SHIPPED, Language.ENGLISH)));
  }

  /** The languages a school offers, in its order (all shipped if it has not chosen). */
  public List<Language> offered(Long schoolId) {
    return schoolId == null ? Language.SHIPPED : school(schoolId).offered();
  }

  /** The school's first language for people who have not chosen and whose browser asks for none it offers. */
  public Language defaultFor(Long schoolId) {
    return schoolId == null ? Language.ENGLISH : school(schoolId).defaultLanguage();
  }

  public void setSchoolLanguages(long schoolId, List<Language> offered, Language defaultLanguage) {
    db.update("UPDATE schools SET languages = ?, default_language = ? WHERE space_id = ?",
        String.join(",", offered.stream().map(Language::code).toList()), defaultLanguage.code(), schoolId);
    schools.forget(schoolId);
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
