package org.courtyard.core.i18n;

import com.ibm.icu.text.MessageFormat;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Turns a message key into words in a reader's language: the owner's bundle (a tool's, or the core's),
 * then the core's, in that language and then in English. Patterns are ICU MessageFormat with named
 * arguments ({@code {count, plural, one {# note} other {# notes}}}), so each language's plural rules
 * apply (Welsh and Arabic have six forms). A key found nowhere shows as {@code [key]} and is logged
 * once; the bundle tests find it before a reader does.
 */
@Singleton
public final class Messages {
  private static final Logger LOG = Logger.getLogger(Messages.class.getName());
  private final MessageBundle core;
  // Compiled once per pattern; ICU's MessageFormat is not safe to share while formatting, so each use
  // locks its own instance (no contention in practice: a page formats few with arguments).
  private final ConcurrentMap<String, MessageFormat> compiled = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public Messages() { this(MessageBundle.load(Messages.class.getClassLoader(), "core", MessageBundle.CORE_PARTS)); }

  Messages(MessageBundle core) { this.core = core; }

  public MessageBundle core() { return core; }

  /** The words for {@code key} in {@code language}, with named arguments filled in. */
  public String format(MessageBundle own, String language, String key, Map<String, ?> args) { return format(own, language, key, args, null); }

  /**
   * As above, the school's own wording first ({@code overrides}: key to pattern, for this school and
   * language; a school may call a class a form).
   */
  public String format(MessageBundle own, String language, String key, Map<String, ?> args, Map<String, String> overrides) {
    String lang = language == null ? "en" : language;
    String pattern = overrides == null ? null : overrides.get(key);
    String patternLang = lang;
    if (pattern == null && own != null) pattern = own.pattern(lang, key);
    if (pattern == null) pattern = core.pattern(lang, key);
    if (pattern == null && !lang.equals("en")) {
      patternLang = "en";
      if (own != null) pattern = own.pattern("en", key);
      if (pattern == null) pattern = core.pattern("en", key);
    }
    if (pattern == null) {
      if (reported.add(key)) LOG.warning("No message '" + key + "' in " + (own == null ? "core" : own.name()) + " or the core's bundle");
      return "[" + key + "]";
    }
    // Words with no {arguments} are shown as written, but '' still means one apostrophe (as in a pattern
    // with arguments), so a translator who writes it the same way everywhere is never wrong.
    if (pattern.indexOf('{') < 0) return plain(pattern);
    String cacheKey = patternLang + '\u0000' + pattern;
    String finalLang = patternLang;
    String finalPattern = pattern;
    MessageFormat f = compiled.computeIfAbsent(cacheKey, k -> new MessageFormat(finalPattern, Locale.forLanguageTag(finalLang)));
    synchronized (f) {
      return f.format(args == null ? Map.of() : args);
    }
  }

  /** Words with no arguments as a reader sees them: '' is one apostrophe, as in a pattern with arguments. */
  public static String plain(String pattern) {
    return pattern == null || pattern.indexOf("''") < 0 ? pattern : pattern.replace("''", "'");
  }

  /** The same, with arguments given as name, value, name, value... */
  public String format(MessageBundle own, String language, String key, Object... namesAndValues) {
    return format(own, language, key, args(namesAndValues), null);
  }

  /** Arguments given as name, value, name, value... as a map. */
  public static Map<String, Object> args(Object... namesAndValues) {
    if (namesAndValues.length == 0) return Map.of();
    Map<String, Object> args = new java.util.HashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) args.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
    return args;
  }

  /** How a date and time are written in a language (English as in the UK), in a zone. */
  public DateTimeFormatter dateTime(String language, ZoneId zone) {
    String lang = language == null ? "en" : language;
    return dateFormats.computeIfAbsent(lang + '|' + zone.getId(), k -> ("en".equals(lang)
        ? DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(lang))).withZone(zone));
  }
}
