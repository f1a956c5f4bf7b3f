package org.courtyard.core.services;

import com.ibm.icu.text.MessageFormat;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.courtyard.core.cache.RequestMemo;
import org.courtyard.core.db.Db;
import org.courtyard.core.i18n.Language;

/**
 * A school's own wording for any message ("Class" becomes "Form"), per language: the table
 * {@code message_overrides}. Read once per request and school and language (pages format many
 * messages), so a change shows on the next page on every server of a cluster.
 */
@Singleton
public final class MessageOverrides {
  /** Longest key and message a school may set. */
  public static final int MAX_KEY = 200;
  public static final int MAX_MESSAGE = 2000;

  private final Db db;

  @Inject
  public MessageOverrides(Db db) { this.db = db; }

  /** One override. */
  public record Override(String language, String key, String message) {}

  /** Why an override was refused; the admin page says it in the reader's language. */
  public enum Problem { LANGUAGE, KEY, EMPTY, TOO_LONG, PATTERN }

  /** A refused override, with what was wrong. */
  public static final class Refused extends IllegalArgumentException {
    private final Problem problem;

    Refused(Problem problem, String detail) {
      super(problem + ": " + detail);
      this.problem = problem;
    }

    public Problem problem() { return problem; }
  }

  /** The school's words for {@code key} in {@code language}, if it set its own (what {@code Messages} consults first). */
  public Optional<String> find(Long schoolId, String language, String key) {
    if (schoolId == null || language == null) return Optional.empty();
    return Optional.ofNullable(forLanguage(schoolId, language).get(key));
  }

  /** Every override of a school in one language, key to message (read once per request). */
  public Map<String, String> forLanguage(long schoolId, String language) {
    // Read for every page: kept a second, forgotten at once when this node changes one.
    return cache.get(schoolId + "|" + language, () -> {
      Map<String, String> m = new LinkedHashMap<>();
      db.query("SELECT message_key, message FROM message_overrides WHERE school_id = ? AND language = ? ORDER BY message_key",
          rs -> new String[] {rs.getString(1), rs.getString(2)}, schoolId, language).forEach(r -> m.put(r[0], r[1]));
      return Map.copyOf(m);
    });
  }

  private final org.courtyard.core.cache.ShortCache<String, Map<String, String>> cache = new org.courtyard.core.cache.ShortCache<>(java.time.Duration.ofSeconds(1));

  /** Every override of a school, by language and key. */
  public List<Override> all(long schoolId) {
    return db.query("SELECT language, message_key, message FROM message_overrides WHERE school_id = ? ORDER BY language, message_key",
        rs -> new Override(rs.getString(1), rs.getString(2), rs.getString(3)), schoolId);
  }

  /** Sets (or replaces) the school's words for a key; refuses an unknown language, a malformed key or an unusable pattern. */
  public void set(long schoolId, String language, String key, String message) {
    Language lang = Language.byCode(language).orElseThrow(() -> new Refused(Problem.LANGUAGE, String.valueOf(language)));
    String k = key == null ? "" : key.trim();
    if (k.isEmpty() || k.length() > MAX_KEY || !k.matches("[A-Za-z][\\w-]*(\\.[\\w-]+)+")) throw new Refused(Problem.KEY, k);
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) throw new Refused(Problem.EMPTY, k);
    if (text.length() > MAX_MESSAGE) throw new Refused(Problem.TOO_LONG, k);
    try {
      new MessageFormat(text, Locale.forLanguageTag(lang.code()));
    } catch (IllegalArgumentException e) {
      throw new Refused(Problem.PATTERN, e.getMessage());
    }
    db.transaction(() -> {
      db.update("DELETE FROM message_overrides WHERE school_id = ? AND language = ? AND message_key = ?", schoolId, lang.code(), k);
      db.update("INSERT INTO message_overrides (school_id, language, message_key, message) VALUES (?, ?, ?, ?)", schoolId, lang.code(), k, text);
      return null;
    });
    RequestMemo.clear();
    cache.forgetAll();
  }

  /** Goes back to the shipped words for a key; true if there was an override. */
  public boolean clear(long schoolId, String language, String key) {
    int n = db.update("DELETE FROM message_overrides WHERE school_id = ? AND language = ? AND message_key = ?", schoolId, language, key);
    RequestMemo.clear();
    cache.forgetAll();
    return n > 0;
  }
}
