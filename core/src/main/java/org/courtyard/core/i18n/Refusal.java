package org.courtyard.core.i18n;

/**
 * "No" from code that has no reader at hand (an account's rules, a picture password's): the words as a
 * message key and arguments, put into the reader's language where they are shown
 * ({@code WebRequest.problem(e)}). It stays an {@link IllegalArgumentException}, so every place that
 * already catches one still does, and its {@link #getMessage()} is the English.
 */
public final class Refusal extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient Words words;

  public Refusal(String key, Object... namesAndValues) {
    super(key);
    this.words = Words.of(key, namesAndValues);
  }

  public Refusal(Words words) {
    super(words.key());
    this.words = words;
  }

  public Words words() { return words; }

  @Override
  public String getMessage() { return words == null ? super.getMessage() : words.english(); }
}
