package org.courtyard.api.i18n;

import java.util.Objects;

/**
 * A typed handle on one message of the tool's bundle ({@code messages/<tool>.properties} in its jar,
 * with {@code messages/<tool>_cy.properties} and so on for other languages), so code names each message
 * once and a test can check every handle has words in English.
 * <pre>
 * static final Message SAVED = Message.of("hello.saved");                  // hello.saved=Your note is saved.
 * static final Message NOTES = Message.of("hello.count");                  // {count, plural, one {# note} other {# notes}}
 * return Reply.redirect("").flash(req.text(SAVED));
 * String heading = req.text(NOTES, "count", 3);
 * </pre>
 * Templates use the same keys: {@code {{t "hello.count" count=notes.length}}}.
 *
 * @since 2.1.0
 */
public record Message(String key) {
  public Message {
    Objects.requireNonNull(key, "key");
    if (key.isBlank() || key.contains(" ")) throw new IllegalArgumentException("A message key is words joined by dots, not '" + key + "'");
  }

  public static Message of(String key) { return new Message(key); }
}
