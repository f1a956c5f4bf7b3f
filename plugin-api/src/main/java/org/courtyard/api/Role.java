package org.courtyard.api;

/** A member's role in a space, weakest first. A capability granted to a role is granted to every stronger one. */
public enum Role {
  VIEWER("Viewer"),
  MEMBER("Member"),
  TEACHER("Teacher"),
  OWNER("Owner");

  private final String label;

  Role(String label) { this.label = label; }

  public String label() { return label; }

  public boolean atLeast(Role other) { return compareTo(other) >= 0; }

  public static Role parse(String name) { return Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)); }
}
