package org.courtyard.api;

import java.util.Objects;

/**
 * A named permission, e.g. {@code forum.post}. The declaration grants it to {@link #defaultRole()} and
 * every stronger role; a space owner may lower or raise that in their space. A capability that changes
 * data ({@code readOnly == false}) is refused in archived spaces.
 */
public record Capability(String id, String description, Role defaultRole, boolean readOnly) {
  public Capability {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultRole, "defaultRole");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("capability id must look like 'tool.action': " + id);
    }
  }
}
