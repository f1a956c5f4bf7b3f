package org.courtyard.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A person in the installation, by id. Every accessor reads the account as it is now (after an import
 * or an erasure), so keep the object and ask again. Made by {@link TestSchool} (addLearner, person…).
 */
public final class TestPerson {
  private final CourtyardExtension courtyard;
  private final long id;
  private final String password;

  TestPerson(CourtyardExtension courtyard, long id, String password) {
    this.courtyard = courtyard;
    this.id = id;
    this.password = password;
  }

  private User user() {
    return courtyard.get(UserStore.class).byId(id).orElseThrow(() -> new IllegalStateException("The account " + id + " is gone"));
  }

  public long id() { return id; }

  public String username() { return user().username(); }

  public String displayName() { return user().displayName(); }

  /** LEARNER, STAFF or PARENT. */
  public org.courtyard.api.UserKind kind() { return user().kind(); }

  /** The e-mail address, or null. */
  public String email() { return user().email(); }

  /** The id the school's information system gives the person (set by an importer), or null. */
  public String externalId() { return user().externalId(); }

  /** Switched off (a leaver, or by an admin). */
  public boolean disabled() { return user().disabled(); }

  /** The password, for accounts the testkit made or the demo school's; otherwise it does not know it. */
  public String password() {
    if (password == null) throw new IllegalStateException(username() + " was not made by the testkit; its password is unknown");
    return password;
  }

  /** A browser signed in as this person. */
  public TestClient signIn() { return courtyard.signIn(username(), password()); }

  /** The children this person is a parent or carer of. */
  public List<TestPerson> children() {
    return courtyard.get(UserStore.class).childrenOf(id).stream().map(u -> courtyard.person(u.id())).toList();
  }

  /** The person's parents and carers. */
  public List<TestPerson> parents() {
    return courtyard.get(UserStore.class).parentsOf(id).stream().map(u -> courtyard.person(u.id())).toList();
  }

  /** The spaces the person belongs to (directly), with the role in each. */
  public Map<TestSpace, Role> memberships() {
    return courtyard.get(SpaceStore.class).membershipsOf(id).stream()
        .collect(Collectors.toMap(m -> courtyard.space(m.spaceId()), m -> m.role(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** The person's own space ({@code ~username}). */
  public java.util.Optional<TestSpace> personalSpace() {
    return courtyard.get(SpaceStore.class).bySlug("~" + username()).map(s -> courtyard.space(s.id()));
  }

  @Override public boolean equals(Object o) { return o instanceof TestPerson p && p.id == id; }

  @Override public int hashCode() { return Objects.hash(id); }

  @Override public String toString() {
    try {
      User u = user();
      return u.username() + " (" + u.displayName() + ", id " + id + ")";
    } catch (RuntimeException e) {
      return "person " + id;
    }
  }
}
