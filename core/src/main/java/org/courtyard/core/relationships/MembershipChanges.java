package org.courtyard.core.relationships;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.api.Role;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A person putting someone in a space, changing their role or taking them out: checked against
 * {@link Authority}, saved, and audited with who did it, in one transaction.
 */
@Singleton
public final class MembershipChanges {
  private final Db db;
  private final SpaceStore spaces;
  private final Authority authority;
  private final AuditLog audit;

  @Inject
  public MembershipChanges(Db db, SpaceStore spaces, Authority authority, AuditLog audit) {
    this.db = db;
    this.spaces = spaces;
    this.authority = authority;
    this.audit = audit;
  }

  /** Adds the person or changes their role; throws IllegalArgumentException with the reason when the actor may not. */
  public void put(User actor, Space space, User person, Role role, boolean cascades) {
    org.courtyard.core.i18n.Words refusal = authority.refusal(actor, space, person, role);
    if (refusal != null) throw new org.courtyard.core.i18n.Refusal(refusal);
    db.transaction(() -> {
      Membership before = spaces.membership(space.id(), person.id()).orElse(null);
      spaces.addMember(space.id(), person.id(), role, cascades);
      if (before == null) {
        audit.record(space.schoolId(), AuditLog.Action.MEMBER_ADDED, actor, person, space.id(),
            "added to " + space.name() + " as " + role.label().toLowerCase() + (cascades ? " (carries down)" : ""), null);
      } else if (before.role() != role || before.cascades() != cascades) {
        audit.record(space.schoolId(), AuditLog.Action.ROLE_CHANGED, actor, person, space.id(),
            space.name() + ": " + before.role().label().toLowerCase() + " → " + role.label().toLowerCase() + (cascades ? " (carries down)" : ""), null);
      }
      return null;
    });
  }

  public void remove(User actor, Space space, User person) {
    org.courtyard.core.i18n.Words refusal = authority.refusalToRemove(actor, space, person);
    if (refusal != null) throw new org.courtyard.core.i18n.Refusal(refusal);
    db.transaction(() -> {
      Membership before = spaces.membership(space.id(), person.id()).orElse(null);
      spaces.removeMember(space.id(), person.id());
      if (before != null) {
        audit.record(space.schoolId(), AuditLog.Action.MEMBER_REMOVED, actor, person, space.id(),
            "removed from " + space.name() + " (was " + before.role().label().toLowerCase() + ")", null);
      }
      return null;
    });
  }
}
