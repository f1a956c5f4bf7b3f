package org.courtyard.testkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/** A space (a class, a year group, a club, a school…), by id; every accessor reads it as it is now. */
public final class TestSpace {
  private final CourtyardExtension courtyard;
  private final long id;

  TestSpace(CourtyardExtension courtyard, long id) {
    this.courtyard = courtyard;
    this.id = id;
  }

  private SpaceStore spaces() { return courtyard.get(SpaceStore.class); }

  private Space space() { return spaces().byId(id).orElseThrow(() -> new IllegalStateException("The space " + id + " is gone")); }

  public long id() { return id; }

  public String slug() { return space().slug(); }

  public String name() { return space().name(); }

  public SpaceKind kind() { return space().kind(); }

  public boolean archived() { return space().archived(); }

  /** Its address, e.g. {@code /s/2-willow}; a tool's pages are under {@code url() + "/" + toolId}. */
  public String url() { return space().url(); }

  /** The space it sits in (a class's year group), if any. */
  public Optional<TestSpace> parent() { return Optional.ofNullable(space().parentId()).map(courtyard::space); }

  /** Adds a person with a role (as a space manager would; not cascading to the spaces below). */
  public TestSpace addMember(TestPerson person, Role role) {
    spaces().addMember(id, person.id(), role, false);
    return this;
  }

  /**
   * Adds a person as an importer would have (the membership's source is the school's information
   * system), so the next import may take it away again and undoing that import brings it back.
   */
  public TestSpace addImportedMember(TestPerson person, Role role) {
    spaces().addMember(id, person.id(), role, false, "import");
    return this;
  }

  public TestSpace removeMember(TestPerson person) {
    spaces().removeMember(id, person.id());
    return this;
  }

  /** The person's role here, if they are a member. */
  public Optional<Role> roleOf(TestPerson person) { return spaces().membership(id, person.id()).map(Membership::role); }

  /** The members, each with a role. */
  public java.util.Map<TestPerson, Role> members() {
    java.util.Map<TestPerson, Role> out = new java.util.LinkedHashMap<>();
    for (Membership m : spaces().members(id)) out.put(courtyard.person(m.userId()), m.role());
    return out;
  }

  /** Switches a tool on in this space (by its id, e.g. "forum"). */
  public TestSpace addTool(String toolId) {
    spaces().addTool(id, toolId);
    return this;
  }

  public Set<String> tools() { return spaces().tools(id); }

  /** The spaces directly inside this one. */
  public List<TestSpace> children() { return spaces().children(id).stream().map(s -> courtyard.space(s.id())).toList(); }

  @Override public boolean equals(Object o) { return o instanceof TestSpace s && s.id == id; }

  @Override public int hashCode() { return Objects.hash(id); }

  @Override public String toString() {
    try {
      return space().slug() + " (id " + id + ")";
    } catch (RuntimeException e) {
      return "space " + id;
    }
  }
}
