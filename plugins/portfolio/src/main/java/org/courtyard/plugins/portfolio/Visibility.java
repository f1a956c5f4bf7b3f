package org.courtyard.plugins.portfolio;

import org.courtyard.api.i18n.Message;

/** Who sees a collection: widening circles, each including the ones before. */
enum Visibility {
  ME(Message.of("portfolio.visibility.me")),
  TEACHERS(Message.of("portfolio.visibility.teachers")),
  PARENTS(Message.of("portfolio.visibility.parents")),
  CLASS(Message.of("portfolio.visibility.class")),
  SCHOOL(Message.of("portfolio.visibility.school"));

  /** A staff-only section's audience, in the same words as the choices. */
  static final Message STAFF_ONLY = Message.of("portfolio.visibility.staffOnly");

  private final Message message;

  Visibility(Message message) { this.message = message; }

  /** The choice in the reader's language (a page's, or the person's own in their subject access download). */
  Message message() { return message; }

  static Visibility parse(String s) {
    for (Visibility v : values()) if (v.name().equalsIgnoreCase(s)) return v;
    return ME;
  }
}
