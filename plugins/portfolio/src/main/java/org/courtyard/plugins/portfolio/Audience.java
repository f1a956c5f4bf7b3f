package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Relationships;

/**
 * How a viewer stands to the portfolio's owner: the owner, one of their teachers, one of their parents
 * or carers (both from the core's {@link Relationships}, as the school set them — owning a club the
 * learner joined makes nobody their teacher), a classmate (shares a class), or someone else in the school.
 */
final class Audience {
  /** {@code VIEWING_CARER}: a carer the school made view-only — sees what parents see, says nothing. */
  enum Relation { OWNER, TEACHER, PARENT, VIEWING_CARER, CLASSMATE, SCHOOL }

  private final Directory directory;
  private final Relationships relationships;

  @Inject
  Audience(Directory directory, Relationships relationships) {
    this.directory = directory;
    this.relationships = relationships;
  }

  Relation relation(UserRef viewer, UserRef owner) {
    if (viewer.id() == owner.id()) return Relation.OWNER;
    var carer = relationships.carerLevel(viewer.id(), owner.id());
    if (carer.isPresent()) return carer.get() == Relationships.CarerLevel.VIEW_ONLY ? Relation.VIEWING_CARER : Relation.PARENT;
    if (relationships.is(Relationships.Relation.TEACHER_OF, viewer.id(), owner.id())) return Relation.TEACHER;
    Set<Long> learnerIn = directory.spacesOf(owner.id()).stream().filter(m -> m.role() == Role.MEMBER).map(m -> m.space().id()).collect(Collectors.toSet());
    List<Directory.Membership> mine = directory.spacesOf(viewer.id());
    if (mine.stream().anyMatch(m -> m.role() == Role.MEMBER && m.space().kind() == SpaceKind.CLASS && learnerIn.contains(m.space().id()))) return Relation.CLASSMATE;
    return Relation.SCHOOL;
  }

  /** Whether the viewer sees a collection with this visibility (staff-only collections aside). */
  static boolean sees(Relation r, Visibility v) {
    return switch (r) {
      case OWNER -> true;
      case TEACHER -> v.compareTo(Visibility.TEACHERS) >= 0;
      case PARENT, VIEWING_CARER -> v.compareTo(Visibility.PARENTS) >= 0;
      case CLASSMATE -> v.compareTo(Visibility.CLASS) >= 0;
      case SCHOOL -> v == Visibility.SCHOOL;
    };
  }

  /** A staff-only collection (an education plan): the learner's teachers and parents, not the learner or classmates. */
  static boolean seesStaffOnly(Relation r) { return r == Relation.TEACHER || r == Relation.PARENT || r == Relation.VIEWING_CARER; }

  /** The owner, or — for young learners — their teachers, manage the portfolio. */
  static boolean manages(Relation r) { return r == Relation.OWNER || r == Relation.TEACHER; }
}
