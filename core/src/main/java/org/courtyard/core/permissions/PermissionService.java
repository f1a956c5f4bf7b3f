package org.courtyard.core.permissions;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.Permissions;
import org.courtyard.core.cache.RequestMemo;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * The one rule, {@code can(user, capability, space)}:
 * <ol>
 *   <li>Disabled accounts hold nothing. Archived spaces refuse every capability that changes data.</li>
 *   <li>School admins (owners of the school space, and site admins) hold every capability in their school.</li>
 *   <li>The user's role in the space is the strongest of: their own membership; a cascading membership
 *       in an ancestor; owner of their own personal space; viewer, for a parent, where a linked child is a
 *       member and the space lets parents in, or in a linked child's personal space.</li>
 *   <li>The capability needs its declared minimum role, unless the space owner set another for this space.</li>
 * </ol>
 */
@Singleton
public final class PermissionService implements Permissions {
  /** Stored as an override to withhold a capability from every role in a space. */
  public static final String NOBODY = "NONE";

  private final Db db;
  private final CapabilityRegistry capabilities;
  private final SpaceStore spaces;
  private final UserStore users;

  @Inject
  public PermissionService(Db db, CapabilityRegistry capabilities, SpaceStore spaces, UserStore users) {
    this.db = db;
    this.capabilities = capabilities;
    this.spaces = spaces;
    this.users = users;
  }

  @Override
  public boolean can(long userId, String capability, long spaceId) {
    Optional<User> user = users.byId(userId);
    Optional<Space> space = spaces.byId(spaceId);
    return user.isPresent() && space.isPresent() && decide(user.get(), capability, space.get()).allowed();
  }

  public boolean can(User user, String capability, Space space) { return decide(user, capability, space).allowed(); }

  public Decision decide(User user, String capabilityId, Space space) {
    if (user == null) return decideForVisitor(capabilityId, space);
    if (user.disabled()) return Decision.deny(null, "The account is disabled.");
    Capability capability = capabilities.find(capabilityId).orElse(null);
    if (capability == null) return Decision.deny(null, "No enabled tool declares the capability " + capabilityId + ".");
    if (space.archived() && !capability.readOnly()) {
      return Decision.deny(null, "The space is archived, so it is read-only.");
    }
    if (isAdminFor(user, space)) {
      return Decision.allow(Role.OWNER, user.siteAdmin() ? "Site admins hold every capability." : "School admins hold every capability in their school.");
    }
    RoleSource role = roleIn(user, space);
    if (role == null && capability.schoolWide() && user.schoolId() != null && user.schoolId().equals(space.schoolId())) {
      return Decision.allow(null, capabilityId + " is held by everyone in the school; the tool decides what each person sees.");
    }
    if (role == null) return Decision.deny(null, "Has no role in " + space.name() + ".");
    String override = overrides(space.id()).get(capabilityId);
    if (NOBODY.equals(override)) {
      return Decision.deny(role.role(), "The owner of " + space.name() + " withheld " + capabilityId + " from every role.");
    }
    Role min = override != null ? Role.valueOf(override) : capability.defaultRole();
    String rule = override != null ? "the space owner's setting for " + space.name() : "its declaration";
    if (role.role().atLeast(min)) {
      return Decision.allow(role.role(), "Role " + role.role().label() + " (" + role.why() + ") meets " + min.label() + ", required by " + rule + ".");
    }
    return Decision.deny(role.role(), "Role " + role.role().label() + " (" + role.why() + ") is below " + min.label() + ", required by " + rule + ".");
  }

  /** Visitors who are not signed in hold only open capabilities, and only where the owner has not withheld them. */
  public Decision decideForVisitor(String capabilityId, Space space) {
    Capability capability = capabilities.find(capabilityId).orElse(null);
    if (capability == null || !capability.open()) return Decision.deny(null, "Nobody is signed in.");
    if (space.personal()) return Decision.deny(null, "Personal spaces are never open to visitors.");
    if (override(space.id(), capabilityId).isPresent()) {
      return Decision.deny(null, "The owner of " + space.name() + " has limited " + capabilityId + " to signed-in people.");
    }
    return Decision.allow(null, capabilityId + " is open to everyone.");
  }

  /** The user's role in the space and where it came from; null when they have none. */
  public record RoleSource(Role role, String why) {}

  public RoleSource roleIn(User user, Space space) {
    if (user.disabled()) return null;
    return RequestMemo.get(() -> computeRole(user, space), "role", user.id(), space.id());
  }

  private RoleSource computeRole(User user, Space space) {
    RoleSource best = null;
    if (space.personal() && space.ownerUserId() != null && space.ownerUserId() == user.id()) {
      return new RoleSource(Role.OWNER, "their own personal space");
    }
    // Personal spaces have no members: a membership row there (from before this rule) grants nothing.
    Optional<Membership> direct = space.personal() ? Optional.empty() : spaces.membership(space.id(), user.id());
    if (direct.isPresent()) best = new RoleSource(direct.get().role(), "member of " + space.name());
    for (Space ancestor : spaces.ancestors(space)) {
      Optional<Membership> m = spaces.membership(ancestor.id(), user.id());
      if (m.isPresent() && m.get().cascades() && (best == null || m.get().role().compareTo(best.role()) > 0)) {
        best = new RoleSource(m.get().role(), "member of " + ancestor.name() + ", which carries down");
      }
    }
    if (best == null && user.kind() == UserKind.PARENT && space.parentsAllowed()) {
      if (space.personal()) {
        if (space.ownerUserId() != null && users.isParentOf(user.id(), space.ownerUserId())) {
          best = new RoleSource(Role.VIEWER, "parent of the space's owner");
        }
      } else if (db.count("SELECT COUNT(*) FROM memberships m JOIN parent_links p ON p.child_id = m.user_id"
          + " WHERE m.space_id = ? AND p.parent_id = ?", space.id(), user.id()) > 0) {
        best = new RoleSource(Role.VIEWER, "parent of a member");
      }
    }
    return best;
  }

  public Optional<Role> role(User user, Space space) {
    if (isAdminFor(user, space)) return Optional.of(Role.OWNER);
    return Optional.ofNullable(roleIn(user, space)).map(RoleSource::role);
  }

  /** Site admins everywhere; owners of a school's root space within that school. */
  public boolean isAdminFor(User user, Space space) {
    if (user.disabled()) return false;
    if (user.siteAdmin()) return true;
    Long school = space.schoolId();
    if (school == null) return false;
    return isSchoolOwner(user, school);
  }

  public boolean isSchoolOwner(User user, long schoolId) {
    return RequestMemo.get(() -> spaces.membership(schoolId, user.id()).map(m -> m.role() == Role.OWNER).orElse(false), "owner", user.id(), schoolId);
  }

  /** Every override in a space, read once per request. */
  private java.util.Map<String, String> overrides(long spaceId) {
    return RequestMemo.get(() -> {
      java.util.Map<String, String> m = new java.util.HashMap<>();
      db.query("SELECT capability, min_role FROM capability_overrides WHERE space_id = ?", rs -> m.put(rs.getString(1), rs.getString(2)), spaceId);
      return m;
    }, "overrides", spaceId);
  }

  /** The schools this user administers. */
  public List<Space> adminSchools(User user) {
    if (user.disabled()) return List.of();
    if (user.siteAdmin()) return spaces.schools();
    return spaces.schools().stream().filter(s -> isSchoolOwner(user, s.id())).toList();
  }

  // --- per-space overrides ---

  public Optional<String> override(long spaceId, String capability) {
    return Optional.ofNullable(overrides(spaceId).get(capability));
  }

  /** {@code minRole} is a role name, {@link #NOBODY}, or blank to go back to the declared default. */
  public void setOverride(long spaceId, String capability, String minRole) {
    if (capabilities.find(capability).isEmpty()) throw new IllegalArgumentException("Unknown capability " + capability);
    RequestMemo.clear();
    db.transaction(() -> {
      db.update("DELETE FROM capability_overrides WHERE space_id = ? AND capability = ?", spaceId, capability);
      if (minRole != null && !minRole.isBlank()) {
        String value = NOBODY.equals(minRole) ? NOBODY : Role.parse(minRole).name();
        db.update("INSERT INTO capability_overrides (space_id, capability, min_role) VALUES (?, ?, ?)", spaceId, capability, value);
      }
      return null;
    });
  }
}
