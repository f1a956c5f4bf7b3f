package org.courtyard.plugins.quiz;

import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.i18n.Message;

/** The kinds of question the bank holds; the name is what is stored. */
enum QuestionType {
  SINGLE("Multiple choice: one answer"),
  MULTIPLE("Multiple choice: several answers"),
  TRUE_FALSE("True or false"),
  SHORT_TEXT("Short answer"),
  NUMERIC("Number"),
  MATCHING("Matching"),
  ORDERING("Put in order"),
  GAPS("Fill in the gaps"),
  FREE_TEXT("Written answer (marked by the teacher)");

  private final String label;

  QuestionType(String label) { this.label = label; }

  /** The English label (for the data export, which has no reader). */
  String label() { return label; }

  /** The label in the reader's language: quiz.type.<slug> in messages/quiz*.properties. */
  Message message() { return Message.of("quiz.type." + slug()); }

  /** The name in URLs and forms, e.g. {@code true-false}. */
  String slug() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

  static Optional<QuestionType> fromSlug(String slug) {
    for (QuestionType t : values()) if (t.slug().equals(slug)) return Optional.of(t);
    return Optional.empty();
  }

  /** Whether the computer marks it; written answers wait for the teacher. */
  boolean autoMarked() { return this != FREE_TEXT; }
}
