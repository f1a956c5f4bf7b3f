package org.courtyard.api;

import java.util.Objects;

/**
 * A tool's capability as a typed handle, declared once as a constant and used everywhere the tool
 * names it: in {@link ToolInfo#capability(CapabilityKey)}, on routes, widgets and menu entries, and in
 * {@code req.can(...)}. A misspelt name is then a compile error, not a refused route at start.
 * <pre>
 * static final CapabilityKey POST = CapabilityKey.write("post", "Start discussions and reply", Role.LEARNER);
 * </pre>
 *
 * @since 2.0.0
 */
public final class CapabilityKey {
  private final String name;
  private final String description;
  private final Role defaultRole;
  private final boolean readOnly;
  private final boolean open;
  private final boolean schoolWide;

  private CapabilityKey(String name, String description, Role defaultRole, boolean readOnly, boolean open, boolean schoolWide) {
    if (!Objects.requireNonNull(name, "name").matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("capability names are lower-case letters, digits or '-': " + name);
    }
    this.name = name;
    this.description = Objects.requireNonNull(description, "description");
    this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
    this.readOnly = readOnly;
    this.open = open;
    this.schoolWide = schoolWide;
  }

  /** Changes data; refused in archived spaces. Held by {@code defaultRole} and stronger roles. */
  public static CapabilityKey write(String name, String description, Role defaultRole) {
    return new CapabilityKey(name, description, defaultRole, false, false, false);
  }

  /** Only reads; still held in archived spaces. */
  public static CapabilityKey read(String name, String description, Role defaultRole) {
    return new CapabilityKey(name, description, defaultRole, true, false, false);
  }

  /** Read-only and held by everyone, visitors included (see {@link ToolInfo#openCapability}). */
  public static CapabilityKey open(String name, String description) {
    return new CapabilityKey(name, description, Role.VIEWER, true, true, false);
  }

  /** Held by every signed-in person of the school (see {@link ToolInfo#schoolCapability}). */
  public static CapabilityKey school(String name, String description, boolean readOnly) {
    return new CapabilityKey(name, description, Role.VIEWER, readOnly, false, true);
  }

  /** The local name, e.g. {@code "post"}. */
  public String name() { return name; }

  public String description() { return description; }

  public Role defaultRole() { return defaultRole; }

  public boolean readOnly() { return readOnly; }

  public boolean open() { return open; }

  public boolean schoolWide() { return schoolWide; }

  /** The full capability for a tool, e.g. {@code forum.post}. */
  public Capability of(String toolId) { return new Capability(toolId + "." + name, description, defaultRole, readOnly, open, schoolWide); }

  @Override public String toString() { return name; }
}
