package org.courtyard.api.roster;

import java.time.LocalDate;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;

/**
 * A school's roll as an importer read it. Everything is keyed by the MIS's own ids (UPN, sourcedId,
 * CSV id), never by name. {@code complete} says whether the file lists everyone (a full export: a
 * learner missing from it has left) or only changes (a delta: {@link Person#leaving()} marks leavers).
 */
public record Roster(boolean complete, List<Person> people, List<Group> groups, List<Enrolment> enrolments,
                     List<ParentLink> parentLinks, List<Rejection> rejected) {

  public Roster {
    people = List.copyOf(people);
    groups = List.copyOf(groups);
    enrolments = List.copyOf(enrolments);
    parentLinks = List.copyOf(parentLinks);
    rejected = List.copyOf(rejected);
  }

  /**
   * A learner, member of staff or parent. {@code preferredName} may be null. Parents rarely have an
   * id of their own in an MIS; importers give them one derived from their e-mail, or from their name
   * and their child's id, so a parent of two children gets one account.
   */
  public record Person(String externalId, UserKind kind, String givenName, String familyName, String preferredName,
                       String email, LocalDate dateOfBirth, boolean leaving, String where) {
    public String displayName() {
      String first = preferredName != null && !preferredName.isBlank() ? preferredName : givenName;
      return (first + " " + familyName).trim();
    }
  }

  /** A year group or class (teaching group); {@code parentExternalId} nests a class in its year group. */
  public record Group(String externalId, SpaceKind kind, String name, String parentExternalId, boolean leaving, String where) {}

  public record Enrolment(String groupExternalId, String personExternalId, Role role, boolean leaving, String where) {}

  public record ParentLink(String parentExternalId, String childExternalId, String where) {}

  /** A record the importer could not use; {@code where} names the line or element. */
  public record Rejection(String where, String reason) {}
}
