package org.courtyard.api;

import java.util.Objects;

/**
 * A named permission, e.g. {@code forum.post}. The declaration grants it to {@link #defaultRole()} and
 * every stronger role; a space owner may lower or raise that in their space. A capability that changes
 * data ({@code readOnly == false}) is refused in archived spaces. A {@code open} capability is held
 * by everyone, even visitors who are not signed in (a public feed), unless the space owner withholds it.
 * A {@code schoolWide} capability is held by every signed-in person of the space's school, role or
 * not (a learner's portfolio, which each collection opens to whom the learner chooses): the tool then
 * decides what each person may see.
 */
public record Capability(String id, String description, Role defaultRole, boolean readOnly, boolean open, boolean schoolWide) {
  public Capability(String id, String description, Role defaultRole, boolean readOnly) {
    this(id, description, defaultRole, readOnly, false, false);
  }

  public Capability(String id, String description, Role defaultRole, boolean readOnly, boolean open) {
    this(id, description, defaultRole, readOnly, open, false);
  }

  public Capability {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultRole, "defaultRole");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("capability id must look like 'tool.action': " + id);
    }
  }
}
