package org.courtyard.plugins.portfolio;

import org.courtyard.api.i18n.Message;

/** Who sees a collection: widening circles, each including the ones before. */
enum Visibility {
  ME("Only me", Message.of("portfolio.visibility.me")),
  TEACHERS("My teachers", Message.of("portfolio.visibility.teachers")),
  PARENTS("My teachers and my parents", Message.of("portfolio.visibility.parents")),
  CLASS("My class, my teachers and my parents", Message.of("portfolio.visibility.class")),
  SCHOOL("Everyone in my school", Message.of("portfolio.visibility.school"));

  /** A staff-only section's audience, in the same words as the choices. */
  static final Message STAFF_ONLY = Message.of("portfolio.visibility.staffOnly");

  private final String label;
  private final Message message;

  Visibility(String label, Message message) {
    this.label = label;
    this.message = message;
  }

  /** In English, for the subject-access export (made without a reader). */
  String label() { return label; }

  /** The choice in the reader's language. */
  Message message() { return message; }

  static Visibility parse(String s) {
    for (Visibility v : values()) if (v.name().equalsIgnoreCase(s)) return v;
    return ME;
  }
}
