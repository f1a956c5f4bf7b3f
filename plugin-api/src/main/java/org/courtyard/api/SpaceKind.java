package org.courtyard.api;

/** What a space is for; tools say which kinds they suit. */
public enum SpaceKind {
  SCHOOL("School"),
  YEAR_GROUP("Year group"),
  HOUSE("House"),
  CLASS("Class"),
  SUBJECT("Subject"),
  CLUB("Club"),
  STAFF("Staff room"),
  GOVERNORS("Governors"),
  COMMUNITY("Community"),
  CLUSTER("Cluster"),
  PERSONAL("Personal");

  private final String label;

  SpaceKind(String label) { this.label = label; }

  public String label() { return label; }

  public static SpaceKind parse(String name) {
    return SpaceKind.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
  }
}
