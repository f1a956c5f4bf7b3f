package org.courtyard.api.roster;

import java.time.LocalDate;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;

/**
 * A school's roll as an importer read it. Everything is keyed by the MIS's own ids (UPN, sourcedId,
 * CSV id), never by name. {@code declared} is what the file itself says it holds — a full export
 * ({@link Scope#WHOLE_SCHOOL}), a change list ({@link Scope#CHANGES}, where {@link Person#leaving()}
 * marks leavers) — or null when the file cannot say (a class-list spreadsheet). It is only a
 * suggestion: the ICT leader says what the file is when importing it, and the core follows that.
 */
public record Roster(Scope declared, List<Person> people, List<Group> groups, List<Enrolment> enrolments,
                     List<ParentLink> parentLinks, List<Rejection> rejected) {

  /**
   * What a file holds, and so what being missing from it means.
   * @since 1.2.0
   */
  public enum Scope {
    /** Everyone: a person missing from it has left, a class missing from it is archived. */
    WHOLE_SCHOOL("whole-school", "The whole school"),
    /** Some classes: someone missing from one of its classes is taken out of that class; nobody else is touched. */
    CLASSES("classes", "These classes only"),
    /** Additions and changes: being missing from it means nothing; only what it marks as leaving leaves. */
    CHANGES("changes", "Additions and changes only");

    private final String key;
    private final String label;

    Scope(String key, String label) {
      this.key = key;
      this.label = label;
    }

    /** The word used on the command line and in forms: {@code whole-school}, {@code classes}, {@code changes}. */
    public String key() { return key; }

    public String label() { return label; }

    /** The scope named by {@link #key()}, or null. */
    public static Scope of(String key) {
      if (key == null) return null;
      for (Scope s : values()) {
        if (s.key.equalsIgnoreCase(key.trim()) || s.name().equalsIgnoreCase(key.trim())) return s;
      }
      return null;
    }
  }

  public Roster {
    people = List.copyOf(people);
    groups = List.copyOf(groups);
    enrolments = List.copyOf(enrolments);
    parentLinks = List.copyOf(parentLinks);
    rejected = List.copyOf(rejected);
  }

  /** The 1.0 form: {@code complete} declares a full export, else a change list. */
  @Deprecated
  public Roster(boolean complete, List<Person> people, List<Group> groups, List<Enrolment> enrolments,
                List<ParentLink> parentLinks, List<Rejection> rejected) {
    this(complete ? Scope.WHOLE_SCHOOL : Scope.CHANGES, people, groups, enrolments, parentLinks, rejected);
  }

  /** True when the file says it lists everyone. */
  @Deprecated
  public boolean complete() { return declared == Scope.WHOLE_SCHOOL; }

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

  /**
   * A record the importer could not use; {@code where} names the line or element. {@code externalId}
   * (may be null) is the id of the person the record was about, when it had one: the core then leaves
   * that person exactly as they are — no class, parent link or leaving comes from a rejected record.
   */
  public record Rejection(String where, String reason, String externalId) {
    public Rejection(String where, String reason) { this(where, reason, null); }
  }
}
