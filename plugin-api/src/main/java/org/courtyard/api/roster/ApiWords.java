package org.courtyard.api.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.courtyard.api.i18n.Texts;

/**
 * The English of {@code messages/plugin-api.properties}, for the readers' methods called without
 * {@link Texts} (API 2.0 code and tests). With the reader's Texts the core formats the same keys in
 * their language; here the few patterns it needs ({@code {name}} and {@code ''}) are filled in plainly.
 */
final class ApiWords {
  static final Texts ENGLISH = ApiWords::english;
  private static final Properties WORDS = load();

  private ApiWords() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = ApiWords.class.getResourceAsStream("/messages/plugin-api.properties")) {
      if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static String english(org.courtyard.api.i18n.Message message, Object... namesAndValues) {
    String pattern = WORDS.getProperty(message.key());
    if (pattern == null) return "[" + message.key() + "]";
    String out = pattern.replace("''", "'");
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      String shown = v instanceof Integer || v instanceof Long ? String.format(Locale.ROOT, "%,d", ((Number) v).longValue()) : String.valueOf(v);
      out = out.replace("{" + namesAndValues[i] + "}", shown);
    }
    return out;
  }
}
