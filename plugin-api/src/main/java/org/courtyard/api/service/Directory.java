package org.courtyard.api.service;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;

/** Read-only view of the school's people and spaces. */
public interface Directory {
  Optional<UserRef> user(long userId);

  Optional<SpaceRef> space(long spaceId);

  /** Direct members and their roles. */
  List<Member> members(long spaceId);

  /** A parent's linked children. */
  List<UserRef> childrenOf(long parentId);

  List<UserRef> parentsOf(long childId);

  /** The personal space's owner, if this is a personal space. */
  Optional<UserRef> personalSpaceOwner(long spaceId);

  /**
   * The time zone a school's days and times are in (due dates, "today", jobs at a time of day); the
   * installation's {@code time-zone} unless the school set its own.
   *
   * @since 2.0.0
   */
  java.time.ZoneId timeZone(long schoolId);

  /** The spaces a person belongs to and their role in each (not their personal space). */
  List<Membership> spacesOf(long userId);

  record Membership(SpaceRef space, Role role) {}

  record Member(UserRef user, Role role) {}
}
