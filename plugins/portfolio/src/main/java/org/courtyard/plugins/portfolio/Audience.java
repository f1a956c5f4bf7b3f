package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;

/**
 * How a viewer stands to the portfolio's owner: the owner, one of their teachers (teaches a class,
 * subject or year group the learner is in), one of their parents, a classmate, or someone else in the
 * school. Worked out from the core's memberships and parent links, never from what a page says.
 */
final class Audience {
  enum Relation { OWNER, TEACHER, PARENT, CLASSMATE, SCHOOL }

  private static final Set<SpaceKind> TAUGHT = Set.of(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB);
  private final Directory directory;

  @Inject
  Audience(Directory directory) { this.directory = directory; }

  Relation relation(UserRef viewer, UserRef owner) {
    if (viewer.id() == owner.id()) return Relation.OWNER;
    if (viewer.kind() == UserKind.PARENT && directory.childrenOf(viewer.id()).stream().anyMatch(c -> c.id() == owner.id())) return Relation.PARENT;
    List<Directory.Membership> theirs = directory.spacesOf(owner.id());
    Set<Long> learnerIn = theirs.stream().filter(m -> m.role() == Role.MEMBER).map(m -> m.space().id()).collect(Collectors.toSet());
    List<Directory.Membership> mine = directory.spacesOf(viewer.id());
    if (viewer.kind() == UserKind.STAFF && mine.stream().anyMatch(m -> m.role().atLeast(Role.TEACHER) && TAUGHT.contains(m.space().kind()) && learnerIn.contains(m.space().id()))) {
      return Relation.TEACHER;
    }
    if (mine.stream().anyMatch(m -> m.role() == Role.MEMBER && m.space().kind() == SpaceKind.CLASS && learnerIn.contains(m.space().id()))) return Relation.CLASSMATE;
    return Relation.SCHOOL;
  }

  /** Whether the viewer sees a collection with this visibility (staff-only collections aside). */
  static boolean sees(Relation r, Visibility v) {
    return switch (r) {
      case OWNER -> true;
      case TEACHER -> v.compareTo(Visibility.TEACHERS) >= 0;
      case PARENT -> v.compareTo(Visibility.PARENTS) >= 0;
      case CLASSMATE -> v.compareTo(Visibility.CLASS) >= 0;
      case SCHOOL -> v == Visibility.SCHOOL;
    };
  }

  /** A staff-only collection (an education plan): the learner's teachers and parents, not the learner or classmates. */
  static boolean seesStaffOnly(Relation r) { return r == Relation.TEACHER || r == Relation.PARENT; }

  /** The owner, or — for young learners — their teachers, manage the portfolio. */
  static boolean manages(Relation r) { return r == Relation.OWNER || r == Relation.TEACHER; }
}
