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
import org.courtyard.core.i18n.Words;
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
    if (user.disabled()) return Decision.deny(null, "error.why.disabled");
    Capability capability = capabilities.find(capabilityId).orElse(null);
    if (capability == null) return Decision.deny(null, "error.why.noCapability", "capability", capabilityId);
    if (space.archived() && !capability.readOnly()) {
      return Decision.deny(null, "error.why.archived");
    }
    if (isAdminFor(user, space)) {
      return Decision.allow(Role.OWNER, user.siteAdmin() ? "error.why.siteAdmin" : "error.why.schoolAdmin");
    }
    RoleSource role = roleIn(user, space);
    if (role == null && capability.schoolWide() && user.schoolId() != null && user.schoolId().equals(space.schoolId())) {
      return Decision.allow(null, "error.why.schoolWide", "capability", capabilityId);
    }
    if (role == null) return Decision.deny(null, "error.why.noRole", "space", space.name());
    String override = overrides(space.id()).get(capabilityId);
    if (NOBODY.equals(override)) {
      return Decision.deny(role.role(), "error.why.withheld", "space", space.name(), "capability", capabilityId);
    }
    Role min = override != null ? Role.valueOf(override) : capability.defaultRole();
    // Required by the space owner's setting for this space, or by the capability's declaration.
    String rule = override != null ? "space" : "declaration";
    Words roleName = Words.of("role." + role.role().name());
    Words minName = Words.of("role." + min.name());
    if (role.role().atLeast(min)) {
      return Decision.allow(role.role(), "error.why.meets", "role", roleName, "why", role.why(), "min", minName, "rule", rule, "space", space.name());
    }
    return Decision.deny(role.role(), "error.why.below", "role", roleName, "why", role.why(), "min", minName, "rule", rule, "space", space.name());
  }

  /** Visitors who are not signed in hold only open capabilities, and only where the owner has not withheld them. */
  public Decision decideForVisitor(String capabilityId, Space space) {
    Capability capability = capabilities.find(capabilityId).orElse(null);
    if (capability == null || !capability.open()) return Decision.deny(null, "error.why.notSignedIn");
    if (space.personal()) return Decision.deny(null, "error.why.personalClosed");
    if (override(space.id(), capabilityId).isPresent()) {
      return Decision.deny(null, "error.why.limited", "space", space.name(), "capability", capabilityId);
    }
    return Decision.allow(null, "error.why.open", "capability", capabilityId);
  }

  /** The user's role in the space and where it came from (in words for the reader); null when they have none. */
  public record RoleSource(Role role, Words why) {}

  public RoleSource roleIn(User user, Space space) {
    if (user.disabled()) return null;
    return RequestMemo.get(() -> computeRole(user, space), "role", user.id(), space.id());
  }

  private RoleSource computeRole(User user, Space space) {
    RoleSource best = null;
    if (space.personal() && space.ownerUserId() != null && space.ownerUserId() == user.id()) {
      return new RoleSource(Role.OWNER, Words.of("error.why.ownSpace"));
    }
    // Personal spaces have no members: a membership row there (from before this rule) grants nothing.
    Optional<Membership> direct = space.personal() ? Optional.empty() : spaces.membership(space.id(), user.id());
    if (direct.isPresent()) best = new RoleSource(direct.get().role(), Words.of("error.why.member", "space", space.name()));
    for (Space ancestor : spaces.ancestors(space)) {
      Optional<Membership> m = spaces.membership(ancestor.id(), user.id());
      if (m.isPresent() && m.get().cascades() && (best == null || m.get().role().compareTo(best.role()) > 0)) {
        best = new RoleSource(m.get().role(), Words.of("error.why.carriesDown", "space", ancestor.name()));
      }
    }
    if (best == null && user.kind() == UserKind.PARENT && space.parentsAllowed()) {
      if (space.personal()) {
        if (space.ownerUserId() != null && users.isParentOf(user.id(), space.ownerUserId())) {
          best = new RoleSource(Role.VIEWER, Words.of("error.why.parentOfOwner"));
        }
      } else if (db.count("SELECT COUNT(*) FROM memberships m JOIN parent_links p ON p.child_id = m.user_id"
          + " WHERE m.space_id = ? AND p.parent_id = ?", space.id(), user.id()) > 0) {
        best = new RoleSource(Role.VIEWER, Words.of("error.why.parentOfMember"));
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
