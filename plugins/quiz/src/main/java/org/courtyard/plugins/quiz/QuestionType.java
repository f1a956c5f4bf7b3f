package org.courtyard.plugins.quiz;

import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.i18n.Message;

/** The kinds of question the bank holds; the enum name is what is stored, the words people read are messages. */
enum QuestionType {
  SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, NUMERIC, MATCHING, ORDERING, GAPS, FREE_TEXT;

  /**
   * The name people read, in their language: quiz.type.&lt;slug&gt; in messages/quiz*.properties
   * ("Multiple choice: one answer", "True or false", "Written answer (marked by the teacher)"…).
   */
  Message message() {
    // Each key spelled out, so the bundle check sees every one.
    return switch (this) {
      case SINGLE -> Message.of("quiz.type.single");
      case MULTIPLE -> Message.of("quiz.type.multiple");
      case TRUE_FALSE -> Message.of("quiz.type.true-false");
      case SHORT_TEXT -> Message.of("quiz.type.short-text");
      case NUMERIC -> Message.of("quiz.type.numeric");
      case MATCHING -> Message.of("quiz.type.matching");
      case ORDERING -> Message.of("quiz.type.ordering");
      case GAPS -> Message.of("quiz.type.gaps");
      case FREE_TEXT -> Message.of("quiz.type.free-text");
    };
  }

  /** The name in URLs and forms, e.g. {@code true-false}. */
  String slug() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

  static Optional<QuestionType> fromSlug(String slug) {
    for (QuestionType t : values()) if (t.slug().equals(slug)) return Optional.of(t);
    return Optional.empty();
  }

  /** Whether the computer marks it; written answers wait for the teacher. */
  boolean autoMarked() { return this != FREE_TEXT; }
}
