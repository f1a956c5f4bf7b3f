package org.courtyard.core.relationships;

import org.courtyard.core.i18n.Refusal;
import org.courtyard.core.i18n.Words;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.spaces.Space;

/**
 * Who may change whom. Membership rules (who may put whom in a space, with which role) and credential
 * rules (who may reset a password, set pictures, unlock) in one place, so the space pages, the admin
 * pages and the pupil pages refuse the same things for the same reasons.
 * <ul>
 *   <li>Personal spaces take no members. Learners never add members.</li>
 *   <li>Only people of the space's own school can be added; nobody but a school admin gives a role
 *       stronger than their own, or more than "member" to a learner.</li>
 *   <li>Who is in a class, subject set, year group or house — and who teaches it — decides who is whose
 *       teacher, so only the school admin (or the MIS import) sets it.</li>
 *   <li>Parents and guests may add only adults.</li>
 *   <li>A learner's password, pictures and lock are looked after by their teachers and the school admin;
 *       anyone else's by the school admin; a site admin's only by another site admin.</li>
 * </ul>
 */
@Singleton
public final class Authority {
  /** The one answer for "no such person", "not in this school" and "not someone you may add", so a lookup tells nothing. */
  public static Words nobodyToAdd(String username) {
    return Words.of("authority.nobodyToAdd", "username", username);
  }

  private final PermissionService permissions;
  private final Relationships relationships;
  private final UserStore users;

  @Inject
  public Authority(PermissionService permissions, Relationships relationships, UserStore users) {
    this.permissions = permissions;
    this.relationships = relationships;
    this.users = users;
  }

  /**
   * The person with this username if the actor may add them to the space. A reason that does not
   * depend on who is looked up (a personal space, a learner adding) is thrown as it is; any other
   * gives the one answer of {@link #nobodyToAdd}, so the lookup tells nothing about the username.
   */
  public User addable(User actor, Space space, String username) {
    Words general = refusalWhoeverItIs(actor, space);
    if (general != null) throw new Refusal(general);
    Words nobody = RelationshipIndex.TEACHING_GROUPS.contains(space.kind()) && !permissions.isAdminFor(actor, space)
        ? Words.of("authority.nobodyToAddTeachingGroup", "username", username, "space", space.name()) : nobodyToAdd(username);
    return users.byUsername(username).filter(u -> !u.disabled()).filter(u -> refusalToAdd(actor, space, u) == null)
        .orElseThrow(() -> new Refusal(nobody));
  }

  private Words refusalWhoeverItIs(User actor, Space space) {
    if (space.personal()) return Words.of("authority.personalSpace");
    if (actor.kind() == UserKind.LEARNER && !permissions.isAdminFor(actor, space)) return Words.of("authority.learnersCannotAdd");
    return null;
  }

  /**
   * Why the actor may not give {@code person} this role in the space, or null if they may. Reasons that
   * depend on who the person is are never shown for someone looked up by username (see {@link #addable}).
   */
  public Words refusal(User actor, Space space, User person, Role role) {
    Words who = refusalToAdd(actor, space, person);
    if (who != null) return who;
    if (permissions.isAdminFor(actor, space)) return null;
    Role mine = permissions.role(actor, space).orElse(Role.VIEWER);
    if (role.compareTo(mine) > 0) return Words.of("authority.roleTooStrong", "role", Words.of("role." + mine.name()));
    if (person.kind() == UserKind.LEARNER && role.compareTo(Role.MEMBER) > 0) return Words.of("authority.learnerRoles");
    if (person.kind() == UserKind.STAFF && role.atLeast(Role.TEACHER) && RelationshipIndex.TEACHING_GROUPS.contains(space.kind())) {
      return Words.of("authority.whoTeaches", "space", space.name());
    }
    return null;
  }

  /** Whether the actor may take this person out of the space. */
  public Words refusalToRemove(User actor, Space space, User person) {
    if (permissions.isAdminFor(actor, space)) return null;
    if (actor.kind() == UserKind.LEARNER) return Words.of("authority.learnersCannotRemove");
    if (actor.id() == person.id()) return Words.of("authority.notYourself");
    if (RelationshipIndex.TEACHING_GROUPS.contains(space.kind()) && (person.kind() == UserKind.LEARNER
        || permissions.role(person, space).map(r -> r.atLeast(Role.TEACHER)).orElse(false))) {
      return Words.of("authority.whoIsIn", "space", space.name());
    }
    return null;
  }

  private Words refusalToAdd(User actor, Space space, User person) {
    Words general = refusalWhoeverItIs(actor, space);
    if (general != null) return general;
    boolean admin = permissions.isAdminFor(actor, space);
    if (space.schoolId() == null ? !actor.siteAdmin() : !space.schoolId().equals(person.schoolId())) return nobodyToAdd(person.username());
    if (person.siteAdmin() && !actor.siteAdmin()) return nobodyToAdd(person.username());
    if (admin) return null;
    if (actor.kind() != UserKind.STAFF && person.kind() == UserKind.LEARNER) return nobodyToAdd(person.username());
    if (person.kind() == UserKind.LEARNER && RelationshipIndex.TEACHING_GROUPS.contains(space.kind())) {
      return Words.of("authority.whoIsInTeaching", "space", space.name());
    }
    return null;
  }

  /**
   * Whether the actor may reset this person's password or pictures, or unlock them: the school admin
   * of their school, or — for a learner — one of their teachers. Nobody else; a site admin's account
   * only by another site admin.
   */
  public boolean looksAfter(User actor, User person) {
    if (actor == null || actor.disabled() || actor.id() == person.id()) return false;
    if (person.siteAdmin()) return actor.siteAdmin();
    if (actor.siteAdmin()) return true;
    if (person.schoolId() != null && permissions.isSchoolOwner(actor, person.schoolId())) return true;
    return person.kind() == UserKind.LEARNER && relationships.is(Relationships.Relation.TEACHER_OF, actor.id(), person.id());
  }
}
