package org.courtyard.core.relationships;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.event.MemberAdded;
import org.courtyard.api.event.MemberRemoved;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.db.Db;
import org.courtyard.core.events.EventHub;

/**
 * The core's answer to "who is whose?", read from memory. Each school's relationships are worked out
 * from the database in one pass (a few thousand rows for a large secondary) the first time they are
 * asked for — questions that arrive during that pass wait for it — and that school's snapshot is
 * forgotten on every node when a teaching group's membership, a carer link, a safeguarding lead, a
 * group or an account changes ({@link RelationshipsChanged}, and the member events the cluster already
 * carries; a club's members change nothing). The database stays the truth; a snapshot is only kept if
 * nothing changed while it was read.
 */
@Singleton
public final class RelationshipIndex implements Relationships {
  /** Groups whose teachers teach their learners. Clubs, community, staff and personal spaces never do. */
  static final Set<SpaceKind> TEACHING_GROUPS = Set.of(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.HOUSE);
  /** Groups whose leaders' memberships carry down to the groups inside (head of year, head of house). */
  static final Set<SpaceKind> PASTORAL_GROUPS = Set.of(SpaceKind.YEAR_GROUP, SpaceKind.HOUSE);

  private final Db db;
  private final Map<Long, Snapshot> bySchool = new ConcurrentHashMap<>();
  /** Per school, how many times it was forgotten: a snapshot read while it changed is not kept. */
  private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
  /** Per school, the build under way: questions that arrive meanwhile wait for it rather than each reading the school. */
  private final Map<Long, CompletableFuture<Snapshot>> building = new ConcurrentHashMap<>();
  private final Map<Long, Long> schoolOf = new ConcurrentHashMap<>();
  /** A space's school and kind, which never change: whether a membership there can change who teaches whom. */
  private record SpaceFacts(long schoolId, SpaceKind kind) {}
  private final Map<Long, SpaceFacts> spaceFacts = new ConcurrentHashMap<>();

  @Inject
  public RelationshipIndex(Db db, EventHub events) {
    this.db = db;
    events.registerOnEveryNode("core", RelationshipsChanged.class, e -> forget(e.schoolId()));
    events.registerOnEveryNode("core", MemberAdded.class, e -> membershipChanged(e.spaceId()));
    events.registerOnEveryNode("core", MemberRemoved.class, e -> membershipChanged(e.spaceId()));
  }

  /** Only memberships of teaching groups decide relationships; a club's or a personal space's change nothing. */
  private void membershipChanged(long spaceId) {
    SpaceFacts facts = spaceFacts.computeIfAbsent(spaceId, id -> db.queryOne("SELECT school_id, kind FROM spaces WHERE id = ?",
        rs -> new SpaceFacts(rs.getLong(1), SpaceKind.valueOf(rs.getString(2))), id).orElse(null));
    if (facts == null) forget();
    else if (TEACHING_GROUPS.contains(facts.kind())) forget(facts.schoolId());
  }

  /** Drops one school's snapshot; its next question reads the database again. */
  public void forget(long schoolId) {
    generations.computeIfAbsent(schoolId, k -> new AtomicLong()).incrementAndGet();
    bySchool.remove(schoolId);
    building.remove(schoolId); // a build that began before this change must not be handed to later questions
  }

  /** Drops every school's snapshot. */
  public void forget() {
    Set<Long> schools = new HashSet<>(generations.keySet());
    schools.addAll(bySchool.keySet());
    schools.addAll(building.keySet());
    schools.forEach(this::forget);
  }

  // --- Relationships ---

  @Override
  public boolean is(Relation relation, long personId, long learnerId) {
    Snapshot s = ofUser(learnerId).orElse(null);
    if (s == null) return false;
    return switch (relation) {
      case TEACHER_OF -> s.teachers.getOrDefault(learnerId, Set.of()).contains(personId);
      case CARER_OF -> s.carers.getOrDefault(learnerId, List.of()).stream().anyMatch(c -> c.adultId == personId);
    };
  }

  @Override
  public List<UserRef> learnersOf(long staffId) {
    return ofUser(staffId).map(s -> s.refs(s.learners.getOrDefault(staffId, Set.of()))).orElse(List.of());
  }

  @Override
  public List<UserRef> teachersOf(long learnerId) {
    return ofUser(learnerId).map(s -> s.refs(s.teachers.getOrDefault(learnerId, Set.of()))).orElse(List.of());
  }

  @Override
  public List<UserRef> childrenOf(long adultId) {
    return ofUser(adultId).map(s -> s.refs(s.children.getOrDefault(adultId, Set.of()))).orElse(List.of());
  }

  @Override
  public List<Carer> carersOf(long learnerId) {
    return ofUser(learnerId).map(s -> s.carers.getOrDefault(learnerId, List.of()).stream()
        .filter(c -> s.people.containsKey(c.adultId))
        .map(c -> new Carer(s.people.get(c.adultId).ref, c.relation, c.level))
        .sorted(Comparator.comparing((Carer c) -> c.adult().displayName()))
        .toList()).orElse(List.of());
  }

  @Override
  public boolean isSafeguardingLead(long staffId, long schoolId) { return snapshot(schoolId).leads.contains(staffId); }

  @Override
  public List<UserRef> safeguardingLeads(long schoolId) {
    Snapshot s = snapshot(schoolId);
    return s.refs(s.leads);
  }

  @Override
  public Optional<CarerLevel> carerLevel(long adultId, long learnerId) {
    return ofUser(learnerId).flatMap(s -> s.carers.getOrDefault(learnerId, List.of()).stream()
        .filter(c -> c.adultId == adultId).map(c -> c.level).findFirst());
  }

  // --- snapshots ---

  private Optional<Snapshot> ofUser(long userId) {
    // An account never moves school, so its school is remembered for good (0: none, a site admin).
    Long school = schoolOf.computeIfAbsent(userId, id -> db.queryOne("SELECT school_id FROM users WHERE id = ?", rs -> {
      long v = rs.getLong(1);
      return rs.wasNull() ? 0L : v;
    }, id).orElse(null));
    return school == null || school == 0 ? Optional.empty() : Optional.of(snapshot(school));
  }

  Snapshot snapshot(long schoolId) {
    Snapshot s = bySchool.get(schoolId);
    if (s != null) return s;
    // Inside a transaction the database may show changes that are not committed (and may roll back):
    // answer from them, but neither keep nor share what was read.
    if (db.inTransaction()) return load(schoolId);
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    CompletableFuture<Snapshot> running = building.putIfAbsent(schoolId, mine);
    if (running != null) return running.join();
    try {
      AtomicLong generation = generations.computeIfAbsent(schoolId, k -> new AtomicLong());
      long seen = generation.get();
      s = load(schoolId);
      // Keep it only if nothing changed while it was read; otherwise it may already be out of date.
      if (generation.get() == seen) bySchool.put(schoolId, s);
      mine.complete(s);
      return s;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      building.remove(schoolId, mine);
    }
  }

  private record Person(UserRef ref, boolean active) {}

  private record Link(long adultId, String relation, CarerLevel level) {}

  private record SpaceRow(long id, Long parentId, SpaceKind kind, boolean archived) {}

  private record Member(long spaceId, long userId, Role role, boolean cascades) {}

  /** One school's relationships, built in one pass. */
  static final class Snapshot {
    final Map<Long, Person> people = new HashMap<>();
    final Map<Long, Set<Long>> teachers = new HashMap<>();
    final Map<Long, Set<Long>> learners = new HashMap<>();
    final Map<Long, List<Link>> carers = new HashMap<>();
    final Map<Long, Set<Long>> children = new HashMap<>();
    final Set<Long> leads = new HashSet<>();

    List<UserRef> refs(Set<Long> ids) {
      return ids.stream().map(people::get).filter(p -> p != null && p.active).map(Person::ref)
          .sorted(Comparator.comparing(UserRef::displayName)).toList();
    }
  }

  private Snapshot load(long schoolId) {
    Snapshot s = new Snapshot();
    db.query("SELECT id, username, display_name, kind, disabled FROM users WHERE school_id = ?", rs -> {
      UserRef ref = new UserRef(rs.getLong(1), rs.getString(2), rs.getString(3), UserKind.valueOf(rs.getString(4)));
      s.people.put(ref.id(), new Person(ref, !rs.getBoolean(5)));
      return null;
    }, schoolId);
    Map<Long, SpaceRow> spaces = new HashMap<>();
    db.query("SELECT id, parent_id, kind, archived FROM spaces WHERE school_id = ? AND kind <> 'PERSONAL'", rs -> {
      long parent = rs.getLong(2);
      SpaceRow row = new SpaceRow(rs.getLong(1), rs.wasNull() ? null : parent, SpaceKind.valueOf(rs.getString(3)), rs.getBoolean(4));
      spaces.put(row.id(), row);
      return null;
    }, schoolId);
    Map<Long, List<Member>> membersOf = new HashMap<>();
    db.query("SELECT m.space_id, m.user_id, m.role, m.cascades FROM memberships m JOIN spaces s ON s.id = m.space_id"
        + " WHERE s.school_id = ? AND s.kind <> 'PERSONAL'", rs -> {
      Member m = new Member(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4));
      membersOf.computeIfAbsent(m.spaceId(), k -> new ArrayList<>()).add(m);
      return null;
    }, schoolId);
    for (SpaceRow group : spaces.values()) {
      if (!TEACHING_GROUPS.contains(group.kind()) || group.archived()) continue;
      Set<Long> enrolled = new HashSet<>();
      for (Member m : membersOf.getOrDefault(group.id(), List.of())) {
        if (m.role() == Role.MEMBER && isActive(s, m.userId(), UserKind.LEARNER)) enrolled.add(m.userId());
      }
      if (enrolled.isEmpty()) continue;
      Set<Long> teaching = new HashSet<>();
      for (Member m : membersOf.getOrDefault(group.id(), List.of())) {
        if (m.role().atLeast(Role.TEACHER) && isActive(s, m.userId(), UserKind.STAFF)) teaching.add(m.userId());
      }
      // Heads of year and of house: a carrying-down membership of a pastoral group above this one.
      Long up = group.parentId();
      for (int guard = 0; up != null && guard < 32; guard++) {
        SpaceRow ancestor = spaces.get(up);
        if (ancestor == null) break;
        if (PASTORAL_GROUPS.contains(ancestor.kind()) && !ancestor.archived()) {
          for (Member m : membersOf.getOrDefault(ancestor.id(), List.of())) {
            if (m.cascades() && m.role().atLeast(Role.TEACHER) && isActive(s, m.userId(), UserKind.STAFF)) teaching.add(m.userId());
          }
        }
        up = ancestor.parentId();
      }
      for (long learner : enrolled) {
        for (long teacher : teaching) {
          s.teachers.computeIfAbsent(learner, k -> new HashSet<>()).add(teacher);
          s.learners.computeIfAbsent(teacher, k -> new HashSet<>()).add(learner);
        }
      }
    }
    db.query("SELECT p.parent_id, p.child_id, p.relation, p.carer_level FROM parent_links p JOIN users c ON c.id = p.child_id"
        + " WHERE c.school_id = ?", rs -> {
      long adult = rs.getLong(1);
      long child = rs.getLong(2);
      if (isActive(s, adult, null) && isActive(s, child, UserKind.LEARNER)) {
        s.carers.computeIfAbsent(child, k -> new ArrayList<>()).add(new Link(adult, rs.getString(3), CarerLevel.valueOf(rs.getString(4))));
        s.children.computeIfAbsent(adult, k -> new HashSet<>()).add(child);
      }
      return null;
    }, schoolId);
    db.query("SELECT user_id FROM safeguarding_leads WHERE school_id = ?", rs -> {
      long id = rs.getLong(1);
      if (isActive(s, id, UserKind.STAFF)) s.leads.add(id);
      return null;
    }, schoolId);
    return s;
  }

  private static boolean isActive(Snapshot s, long userId, UserKind kind) {
    Person p = s.people.get(userId);
    return p != null && p.active && (kind == null || p.ref.kind() == kind);
  }
}
