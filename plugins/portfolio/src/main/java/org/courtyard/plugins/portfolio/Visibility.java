package org.courtyard.plugins.portfolio;

/** Who sees a collection: widening circles, each including the ones before. */
enum Visibility {
  ME("Only me"),
  TEACHERS("My teachers"),
  PARENTS("My teachers and my parents"),
  CLASS("My class, my teachers and my parents"),
  SCHOOL("Everyone in my school");

  private final String label;

  Visibility(String label) { this.label = label; }

  String label() { return label; }

  static Visibility parse(String s) {
    for (Visibility v : values()) if (v.name().equalsIgnoreCase(s)) return v;
    return ME;
  }
}
