package org.courtyard.api.service;

import java.util.List;
import org.courtyard.api.UserRef;

/**
 * Who acts for whom, as the school set it. Membership says where someone may go; a relationship
 * says whose work, progress and account they may see or act on. Ask this — never infer it from
 * sharing a space: a club, a community space or a personal space grants membership, not a relationship.
 * <ul>
 *   <li>{@link Relation#TEACHER_OF}: a member of staff who teaches a class or teaching group (class,
 *       subject set, year group or house, as the MIS import or the school admin set it) the learner is
 *       enrolled in; a head of year or form tutor whose membership carries down covers the groups below.
 *       Archived groups, clubs and community spaces never count.</li>
 *   <li>{@link Relation#CARER_OF}: a parent, carer, foster carer or key worker linked to the learner,
 *       at {@link CarerLevel#FULL} or {@link CarerLevel#VIEW_ONLY}.</li>
 * </ul>
 * Answers come from memory on each node, kept current as the school changes, so pages may ask freely.
 *
 * @since 1.3.0
 */
public interface Relationships {
  enum Relation { TEACHER_OF, CARER_OF }

  /** What a carer may do: everything the school shares with parents, or only look (no replies, no consent slips). */
  enum CarerLevel { FULL, VIEW_ONLY }

  /** A carer of a learner: who, what the school calls them ("Mother", "Foster carer", …), and their level. */
  record Carer(UserRef adult, String relation, CarerLevel level) {}

  /** Whether {@code personId} stands in {@code relation} to {@code learnerId}. */
  boolean is(Relation relation, long personId, long learnerId);

  /** The learners a member of staff teaches (directly or through a year group or house they lead), by name. */
  List<UserRef> learnersOf(long staffId);

  /** The staff who teach a learner, by name. */
  List<UserRef> teachersOf(long learnerId);

  /** A parent's or carer's children, by name. */
  List<UserRef> childrenOf(long adultId);

  /** A learner's parents and carers, by name. */
  List<Carer> carersOf(long learnerId);

  /** The adult's level as this learner's carer, if they are one. */
  java.util.Optional<CarerLevel> carerLevel(long adultId, long learnerId);

  /** Whether this member of staff is one of the school's designated safeguarding leads. */
  boolean isSafeguardingLead(long staffId, long schoolId);

  /** The school's designated safeguarding leads. */
  List<UserRef> safeguardingLeads(long schoolId);
}
