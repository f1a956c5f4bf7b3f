package org.courtyard.core.permissions;

import org.courtyard.api.Role;
import org.courtyard.core.i18n.Words;

/**
 * A permission answer with the rule that gave it, for the admin's "why?" page and for 403 pages: the
 * rule as {@link Words}, put into the reader's language by the page ({@code req.t(d.why())}).
 */
public record Decision(boolean allowed, Role role, Words why) {
  static Decision allow(Role role, String key, Object... namesAndValues) { return new Decision(true, role, Words.of(key, namesAndValues)); }

  static Decision deny(Role role, String key, Object... namesAndValues) { return new Decision(false, role, Words.of(key, namesAndValues)); }

  /** The rule in English (logs, tests). */
  public String reason() { return why.english(); }
}
