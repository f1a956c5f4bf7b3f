package org.courtyard.core.notify;

/** How a kind of notification reaches a person. */
public enum Delivery {
  /** A notice on the site only. */
  SITE,
  /** A notice on the site and an e-mail at once (a learner's waits for the end of quiet hours). */
  EMAIL,
  /** A notice on the site, and one e-mail a day gathering them. */
  DIGEST,
  /** Nothing at all. */
  NONE;

  public static Delivery of(String s, Delivery otherwise) {
    try {
      return s == null ? otherwise : Delivery.valueOf(s);
    } catch (IllegalArgumentException e) {
      return otherwise;
    }
  }
}
