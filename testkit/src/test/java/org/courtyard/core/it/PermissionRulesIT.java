package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.Decision;
import org.courtyard.core.permissions.PermissionService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one permission rule, case by case, on real storage. */
class PermissionRulesIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  private PermissionService permissions() { return courtyard.get(PermissionService.class); }

  private User user(String name) { return courtyard.get(UserStore.class).byUsername(name).orElseThrow(); }

  private Space space(String slug) { return courtyard.get(SpaceStore.class).bySlug(slug).orElseThrow(); }

  private User newStaff(String username) {
    long school = space("oakfield").id();
    return courtyard.get(Accounts.class).create(new UserStore.NewUser(school, username, "Staff " + username, UserKind.STAFF, null, null, null, false));
  }

  @Test
  void aCascadingMembershipCarriesDownAndAPlainOneDoesNot() {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    User headOfYear = newStaff("head.of.year2");
    User helper = newStaff("helper.year2");
    spaces.addMember(space("year-2").id(), headOfYear.id(), Role.TEACHER, true);
    spaces.addMember(space("year-2").id(), helper.id(), Role.MEMBER, false);
    assertTrue(permissions().can(headOfYear, "space.members", space("2-willow")));
    Decision d = permissions().decide(headOfYear, "space.view", space("2-willow"));
    assertTrue(d.reason().contains("carries down"), d.reason());
    assertFalse(permissions().can(helper, "space.view", space("2-willow")), "a plain membership stays in its own space");
  }

  @Test
  void anOwnerCanLowerOrWithholdACapabilityInTheirSpaceOnly() {
    User chloe = user("chloe");
    assertFalse(permissions().can(chloe, "space.manage", space("coding-club")));
    permissions().setOverride(space("coding-club").id(), "space.members", PermissionService.NOBODY);
    try {
      assertFalse(permissions().can(chloe, "space.members", space("coding-club")), "withheld in the club");
      assertTrue(permissions().can(chloe, "space.members", space("5-oak")), "still granted elsewhere");
    } finally {
      permissions().setOverride(space("coding-club").id(), "space.members", "");
    }
    assertTrue(permissions().can(chloe, "space.members", space("coding-club")));
  }

  @Test
  void archivedSpacesAreReadOnlyEvenForAdmins() {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    Space old = spaces.create(new SpaceStore.NewSpace(space("oakfield").id(), SpaceKind.CLUB, "old-club", "Old club", ""));
    spaces.setArchived(old.id(), true);
    Space archived = space("old-club");
    assertTrue(permissions().can(user("ict.leader"), "space.view", archived));
    Decision d = permissions().decide(user("ict.leader"), "space.manage", archived);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("archived"), d.reason());
  }

  @Test
  void aDisabledAccountHoldsNothing() {
    User teacher = newStaff("leaving.teacher");
    courtyard.get(SpaceStore.class).addMember(space("5-oak").id(), teacher.id(), Role.TEACHER, false);
    assertTrue(permissions().can(teacher, "space.view", space("5-oak")));
    courtyard.get(UserStore.class).setDisabled(teacher.id(), true);
    assertFalse(permissions().can(user("leaving.teacher"), "space.view", space("5-oak")));
  }

  @Test
  void parentsGetNoRoleWhereTheSpaceKeepsParentsOut() {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    Space willow = space("2-willow");
    spaces.update(willow.id(), willow.name(), willow.description(), false);
    try {
      assertFalse(permissions().can(user("mr.khan"), "space.view", space("2-willow")));
    } finally {
      spaces.update(willow.id(), willow.name(), willow.description(), true);
    }
    assertTrue(permissions().can(user("mr.khan"), "space.view", space("2-willow")));
  }
}
