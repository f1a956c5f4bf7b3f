package org.courtyard.api;

/** The kind of person an account belongs to. Staff roles come from space memberships, not from here. */
public enum UserKind {
  LEARNER("Learner"),
  STAFF("Staff"),
  PARENT("Parent"),
  GUEST("Guest");

  private final String label;

  UserKind(String label) { this.label = label; }

  public String label() { return label; }

  public static UserKind parse(String name) { return UserKind.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)); }
}
