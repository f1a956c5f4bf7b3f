package org.courtyard.core.permissions;

import org.courtyard.api.Role;

/** A permission answer with the rule that gave it, for the admin's "why?" page and for 403 pages. */
public record Decision(boolean allowed, Role role, String reason) {
  static Decision allow(Role role, String reason) { return new Decision(true, role, reason); }

  static Decision deny(Role role, String reason) { return new Decision(false, role, reason); }
}
