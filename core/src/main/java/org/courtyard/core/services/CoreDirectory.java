package org.courtyard.core.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/** The read-only people-and-spaces view handed to plugins. */
@Singleton
public final class CoreDirectory implements Directory {
  private final UserStore users;
  private final SpaceStore spaces;
  private final Relationships relationships;

  private final SchoolStore schools;
  private final java.time.ZoneId installationZone;

  @Inject
  public CoreDirectory(UserStore users, SpaceStore spaces, Relationships relationships, SchoolStore schools, org.courtyard.core.config.Config config) {
    this.schools = schools;
    this.installationZone = java.time.ZoneId.of(config.get(org.courtyard.core.config.Config.TIME_ZONE, "Europe/London"));
    this.users = users;
    this.spaces = spaces;
    this.relationships = relationships;
  }

  @Override public java.time.ZoneId timeZone(long schoolId) { return schools.timeZone(schoolId).orElse(installationZone); }

  @Override public Optional<UserRef> user(long userId) { return users.byId(userId).map(User::ref); }

  @Override public Optional<SpaceRef> space(long spaceId) { return spaces.byId(spaceId).map(Space::ref); }

  @Override
  public List<Member> members(long spaceId) {
    return spaces.members(spaceId).stream()
        .flatMap(m -> users.byId(m.userId()).stream().map(u -> new Member(u.ref(), m.role())))
        .toList();
  }

  @Override public List<UserRef> childrenOf(long parentId) { return relationships.childrenOf(parentId); }

  @Override public List<UserRef> parentsOf(long childId) { return relationships.carersOf(childId).stream().map(Relationships.Carer::adult).toList(); }

  @Override
  public Optional<UserRef> personalSpaceOwner(long spaceId) {
    return spaces.byId(spaceId).filter(Space::personal).flatMap(s -> users.byId(s.ownerUserId())).map(User::ref);
  }

  @Override
  public List<Membership> spacesOf(long userId) {
    return spaces.membershipsOf(userId).stream()
        .flatMap(m -> spaces.byId(m.spaceId()).stream().filter(sp -> !sp.personal()).map(sp -> new Membership(sp.ref(), m.role())))
        .toList();
  }
}
