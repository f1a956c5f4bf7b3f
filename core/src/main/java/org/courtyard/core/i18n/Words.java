package org.courtyard.core.i18n;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Words for a person, held as a message key and its arguments until it is known who reads them. Code
 * with no request at hand (signing in, the rules of passwords and accounts, the permission rule) answers
 * with these, and the page puts them into the reader's language ({@code WebRequest.t(Words)}). An
 * argument that is itself {@code Words} is put into the same language first (a role's name inside a
 * reason). {@link #english()} is for logs, the audit log and code with no reader (a job, the command line).
 */
public record Words(String key, Map<String, Object> args) {
  public Words {
    // A copy that allows nulls (an argument may be absent); Map.copyOf would refuse them.
    args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(args));
  }

  /** The words of {@code key}, arguments as name, value, name, value... */
  public static Words of(String key, Object... namesAndValues) { return new Words(key, Messages.args(namesAndValues)); }

  /** In {@code language}, with a school's own wording first ({@code overrides} may be null). */
  public String in(Messages messages, String language, Map<String, String> overrides) {
    Map<String, Object> filled = args;
    if (args.values().stream().anyMatch(v -> v instanceof Words)) {
      filled = new HashMap<>(args);
      filled.replaceAll((name, v) -> v instanceof Words w ? w.in(messages, language, overrides) : v);
    }
    return messages.format(null, language, key, filled, overrides);
  }

  /** In English, from the core's bundle as shipped. */
  public String english() { return in(English.MESSAGES, "en", null); }

  @Override
  public String toString() { return english(); }

  /** The core's bundle, read once, for words that have no reader. */
  private static final class English {
    static final Messages MESSAGES = new Messages();
  }
}
