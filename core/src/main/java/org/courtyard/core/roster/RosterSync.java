package org.courtyard.core.roster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;
import org.courtyard.core.i18n.Words;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.roster.Plan.Action;
import org.courtyard.core.roster.Plan.Subject;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * Matches a roster against what earlier imports created — by external id, never by name — and
 * says what would change; then applies exactly that in one transaction. Accounts and spaces made
 * by hand ({@code source = 'manual'}) are never matched, changed or removed.
 */
@Singleton
public final class RosterSync {
  public static final String SOURCE = "import";
  private static final char[] CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Db db;
  private final UserStore users;
  private final Accounts accounts;
  private final SpaceStore spaces;
  private final ImportJournal journal;

  @Inject
  public RosterSync(Db db, UserStore users, Accounts accounts, SpaceStore spaces, ImportJournal journal) {
    this.db = db;
    this.users = users;
    this.accounts = accounts;
    this.spaces = spaces;
    this.journal = journal;
  }

  private record ExistingUser(long id, String externalId, String displayName, UserKind kind, String email, boolean disabled) {}

  private record ExistingGroup(long id, String externalId, String name, Long parentId, SpaceKind kind, boolean archived) {}

  private record MemberKey(long spaceId, long userId) {}

  /** Steps behind the rows, so apply does exactly what the preview showed. */
  private record Step(Plan.Row row, Object payload, long existingId) {}

  /** The state of the school's imported records, loaded once per plan. */
  private final class State {
    final Map<String, ExistingUser> usersByExt = new HashMap<>();
    final Map<String, ExistingGroup> groupsByExt = new HashMap<>();
    final Map<Long, ExistingGroup> groupsById = new HashMap<>();
    final Map<MemberKey, Role> memberships = new HashMap<>();
    final Set<List<Long>> links = new HashSet<>();

    State(long schoolId) {
      for (ExistingUser u : db.query("SELECT id, external_id, display_name, kind, email, disabled FROM users"
          + " WHERE school_id = ? AND external_id IS NOT NULL AND source = ?",
          rs -> new ExistingUser(rs.getLong(1), rs.getString(2), rs.getString(3), UserKind.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)),
          schoolId, SOURCE)) {
        usersByExt.put(u.externalId(), u);
      }
      for (ExistingGroup g : db.query("SELECT id, external_id, name, parent_id, kind, archived FROM spaces"
          + " WHERE school_id = ? AND external_id IS NOT NULL AND source = ?",
          rs -> {
            long p = rs.getLong(4);
            return new ExistingGroup(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : p, SpaceKind.valueOf(rs.getString(5)), rs.getBoolean(6));
          }, schoolId, SOURCE)) {
        groupsByExt.put(g.externalId(), g);
        groupsById.put(g.id(), g);
      }
      db.query("SELECT m.space_id, m.user_id, m.role FROM memberships m JOIN spaces s ON s.id = m.space_id WHERE s.school_id = ? AND m.source = ?",
          rs -> memberships.put(new MemberKey(rs.getLong(1), rs.getLong(2)), Role.valueOf(rs.getString(3))), schoolId, SOURCE);
      db.query("SELECT p.parent_id, p.child_id FROM parent_links p JOIN users u ON u.id = p.child_id WHERE u.school_id = ? AND p.source = ?",
          rs -> links.add(List.of(rs.getLong(1), rs.getLong(2))), schoolId, SOURCE);
    }
  }

  /**
   * What importing this roster into the school would change, taking the file as {@code mode} says
   * (the whole school, these classes only, or additions and changes only). Reads only.
   */
  public Plan plan(long schoolId, Roster roster, Roster.Scope mode) { return plan(schoolId, roster, mode, ENGLISH); }

  /** As above, what the preview says about each row in the words of {@code t} (the ICT leader's language). */
  public Plan plan(long schoolId, Roster roster, Roster.Scope mode, Texts t) { return build(schoolId, roster, mode, t).plan; }

  /** The core's words in English, for a plan no one reads (one being applied) and the command line. */
  public static final Texts ENGLISH = (message, namesAndValues) -> Words.of(message.key(), namesAndValues).english();

  private record Built(Plan plan, List<Step> steps) {}

  /** A person the file names but whose record was rejected: nothing about them changes. */
  private record PersonRejection(String externalId, String name, String reason, String where) {}

  private Built build(long schoolId, Roster roster, Roster.Scope mode, Texts t) {
    Objects.requireNonNull(mode, "Say what the file holds");
    boolean whole = mode == Roster.Scope.WHOLE_SCHOOL;
    Plan plan = new Plan(roster, mode);
    List<Step> steps = new ArrayList<>();
    BiConsumer<Step, Plan.Row> add = (s, r) -> {
      plan.rows.add(r);
      steps.add(s);
    };
    State state = new State(schoolId);
    for (Roster.Rejection r : roster.rejected()) {
      Plan.Row row = new Plan.Row(Action.REJECTED, Subject.RECORD, r.externalId(), null, List.of(r.reason()), r.where());
      add.accept(new Step(row, null, 0), row);
    }

    // People first: a rejected person's record brings nothing else — no class, no parent, no leaving.
    Map<String, Roster.Person> people = new LinkedHashMap<>();
    List<PersonRejection> personRejections = new ArrayList<>();
    Set<String> badWheres = new HashSet<>();
    for (Roster.Person p : roster.people()) {
      if (p.externalId() == null || p.externalId().isBlank()) {
        personRejections.add(new PersonRejection(null, p.displayName(), t.text(Message.of("import.reject.noId")), p.where()));
        if (p.where() != null) badWheres.add(p.where());
      } else if (people.containsKey(p.externalId())) {
        personRejections.add(new PersonRejection(p.externalId(), p.displayName(), t.text(Message.of("import.reject.idTwice"), "id", p.externalId(), "where", Objects.requireNonNullElse(people.get(p.externalId()).where(), t.text(Message.of("import.reject.earlier"))), "name", people.get(p.externalId()).displayName()), p.where()));
        if (p.where() != null) badWheres.add(p.where());
      } else {
        people.put(p.externalId(), p);
      }
    }
    // Ids whose only record was rejected: they stay exactly as they are.
    Set<String> untouchable = new HashSet<>();
    for (Roster.Rejection r : roster.rejected()) {
      if (r.externalId() != null && !people.containsKey(r.externalId())) untouchable.add(r.externalId());
    }
    Map<String, List<String>> dropped = new LinkedHashMap<>();
    Map<String, Roster.Group> fileGroups = new HashMap<>();
    roster.groups().forEach(g -> fileGroups.putIfAbsent(g.externalId(), g));
    List<Roster.Enrolment> enrolments = new ArrayList<>();
    for (Roster.Enrolment e : roster.enrolments()) {
      String bad = badWhere(badWheres, e.where());
      if (bad != null || untouchable.contains(e.personExternalId())) {
        Roster.Group g = fileGroups.get(e.groupExternalId());
        dropped.computeIfAbsent(bad != null ? bad : e.personExternalId(), k -> new ArrayList<>()).add(g == null ? e.groupExternalId() : g.name());
      } else {
        enrolments.add(e);
      }
    }
    List<Roster.ParentLink> links = new ArrayList<>();
    for (Roster.ParentLink l : roster.parentLinks()) {
      String bad = badWhere(badWheres, l.where());
      if (bad != null || untouchable.contains(l.childExternalId()) || untouchable.contains(l.parentExternalId())) {
        Roster.Person parent = people.get(l.parentExternalId());
        dropped.computeIfAbsent(bad != null ? bad : untouchable.contains(l.childExternalId()) ? l.childExternalId() : l.parentExternalId(),
            k -> new ArrayList<>()).add(t.text(Message.of("import.reject.parentItem"), "parent", parent == null ? l.parentExternalId() : parent.displayName()));
      } else {
        links.add(l);
      }
    }
    // A parent or group that only a rejected record brought is not imported either.
    Set<String> usedPeople = new HashSet<>();
    enrolments.forEach(e -> usedPeople.add(e.personExternalId()));
    links.forEach(l -> {
      usedPeople.add(l.parentExternalId());
      usedPeople.add(l.childExternalId());
    });
    people.values().removeIf(p -> badWhere(badWheres, p.where()) != null && !usedPeople.contains(p.externalId()));
    Set<String> usedGroups = new HashSet<>();
    for (Roster.Enrolment e : enrolments) {
      for (String g = e.groupExternalId(); g != null && usedGroups.add(g); g = fileGroups.containsKey(g) ? fileGroups.get(g).parentExternalId() : null) {
        // the group and the groups it sits in
      }
    }
    for (PersonRejection r : personRejections) {
      List<String> also = r.where() == null ? List.of() : dropped.getOrDefault(r.where(), List.of());
      String reason = also.isEmpty() ? t.text(Message.of("import.reject.nothingImported"), "reason", r.reason())
          : t.text(Message.of("import.reject.nothingImportedBut"), "reason", r.reason(), "items", notEach(t, also));
      reject(add, Subject.PERSON, r.externalId(), r.name(), reason, r.where());
    }
    for (String id : untouchable) {
      List<String> also = dropped.getOrDefault(id, List.of());
      if (!also.isEmpty()) {
        reject(add, Subject.PERSON, id, nameOf(people, state, id), t.text(Message.of("import.reject.leftAsTheyAre"), "items", notEach(t, also)), null);
      }
    }

    // Groups: year groups before the classes inside them.
    Map<String, Roster.Group> groups = new LinkedHashMap<>();
    for (Roster.Group g : roster.groups()) {
      if (groups.containsKey(g.externalId())) {
        reject(add, Subject.GROUP, g.externalId(), g.name(), t.text(Message.of("import.reject.groupIdTwice"), "id", g.externalId()), g.where());
      } else if (badWhere(badWheres, g.where()) != null && !usedGroups.contains(g.externalId())) {
        continue; // only a rejected record named it; said in that record's rejection
      } else {
        groups.put(g.externalId(), g);
      }
    }
    List<Roster.Group> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing((Roster.Group g) -> g.parentExternalId() == null ? 0 : 1));
    Set<String> knownGroups = new HashSet<>();
    for (Roster.Group g : ordered) {
      ExistingGroup old = state.groupsByExt.get(g.externalId());
      if (g.kind() == SpaceKind.SCHOOL || g.kind() == SpaceKind.PERSONAL) {
        reject(add, Subject.GROUP, g.externalId(), g.name(), t.text(Message.of("import.reject.groupKind"), "kind", t.text(Message.of("kind.space." + g.kind().name()))), g.where());
        continue;
      }
      if (g.parentExternalId() != null && !groups.containsKey(g.parentExternalId()) && !state.groupsByExt.containsKey(g.parentExternalId())) {
        reject(add, Subject.GROUP, g.externalId(), g.name(), t.text(Message.of("import.reject.parentGroupMissing"), "parent", g.parentExternalId()), g.where());
        continue;
      }
      if (g.leaving()) {
        if (old != null && !old.archived()) step(add, Action.REMOVE, Subject.GROUP, g.externalId(), old.name(), List.of(t.text(Message.of("import.change.groupLeaving"))), g.where(), g, old.id());
        continue;
      }
      knownGroups.add(g.externalId());
      if (old == null) {
        step(add, Action.ADD, Subject.GROUP, g.externalId(), g.name(), List.of(t.text(Message.of("kind.space." + g.kind().name()))), g.where(), g, 0);
        continue;
      }
      List<String> changes = new ArrayList<>();
      if (!old.name().equals(g.name())) changes.add(t.text(Message.of("import.change.name"), "old", old.name(), "new", g.name()));
      String oldParent = old.parentId() == null ? null : state.groupsById.containsKey(old.parentId()) ? state.groupsById.get(old.parentId()).externalId() : null;
      if (!Objects.equals(oldParent, g.parentExternalId())) changes.add(t.text(Message.of("import.change.inside"), "old", oldParent == null ? t.text(Message.of("import.change.theSchool")) : oldParent, "new", g.parentExternalId() == null ? t.text(Message.of("import.change.theSchool")) : g.parentExternalId()));
      if (old.archived()) step(add, Action.RESTORE, Subject.GROUP, g.externalId(), g.name(), changes, g.where(), g, old.id());
      else if (!changes.isEmpty()) step(add, Action.UPDATE, Subject.GROUP, g.externalId(), g.name(), changes, g.where(), g, old.id());
      else step(add, Action.UNCHANGED, Subject.GROUP, g.externalId(), g.name(), List.of(), g.where(), g, old.id());
    }
    if (whole) {
      for (ExistingGroup old : state.groupsByExt.values()) {
        if (!groups.containsKey(old.externalId()) && !old.archived()) {
          step(add, Action.REMOVE, Subject.GROUP, old.externalId(), old.name(), List.of(t.text(Message.of("import.change.groupNotInWholeSchool"))), null, null, old.id());
        }
      }
    }

    // People.
    Set<String> leavers = new HashSet<>();
    for (Roster.Person p : people.values()) {
      ExistingUser old = state.usersByExt.get(p.externalId());
      if (p.leaving()) {
        if (old != null && !old.disabled()) {
          step(add, Action.LEAVER, Subject.PERSON, p.externalId(), old.displayName(), List.of(t.text(Message.of("import.change.personLeaving"))), p.where(), p, old.id());
          leavers.add(p.externalId());
        }
        continue;
      }
      if (old == null) {
        step(add, Action.ADD, Subject.PERSON, p.externalId(), p.displayName(), List.of(t.text(Message.of("kind.user." + p.kind().name()))), p.where(), p, 0);
        continue;
      }
      List<String> changes = new ArrayList<>();
      if (!old.displayName().equals(p.displayName())) changes.add(t.text(Message.of("import.change.name"), "old", old.displayName(), "new", p.displayName()));
      if (old.kind() != p.kind()) changes.add(t.text(Message.of("import.change.kind"), "old", t.text(Message.of("kind.user." + old.kind().name())), "new", t.text(Message.of("kind.user." + p.kind().name()))));
      if (!Objects.equals(blankToNull(old.email()), blankToNull(p.email()))) changes.add(t.text(Message.of("import.change.email"), "old", orNone(t, old.email()), "new", orNone(t, p.email())));
      if (old.disabled()) {
        List<String> c = new ArrayList<>(changes);
        c.add(0, t.text(Message.of("import.change.personBack")));
        step(add, Action.RESTORE, Subject.PERSON, p.externalId(), p.displayName(), c, p.where(), p, old.id());
      } else if (!changes.isEmpty()) {
        step(add, Action.UPDATE, Subject.PERSON, p.externalId(), p.displayName(), changes, p.where(), p, old.id());
      } else {
        step(add, Action.UNCHANGED, Subject.PERSON, p.externalId(), p.displayName(), List.of(), p.where(), p, old.id());
      }
    }
    if (whole) {
      for (ExistingUser old : state.usersByExt.values()) {
        if (!people.containsKey(old.externalId()) && !untouchable.contains(old.externalId()) && !old.disabled() && old.kind() != UserKind.PARENT) {
          step(add, Action.LEAVER, Subject.PERSON, old.externalId(), old.displayName(), List.of(t.text(Message.of("import.change.personNotInWholeSchool"))), null, null, old.id());
          leavers.add(old.externalId());
        }
      }
    }

    // Memberships.
    Map<List<String>, Roster.Enrolment> wanted = new LinkedHashMap<>();
    for (Roster.Enrolment e : enrolments) {
      boolean groupKnown = knownGroups.contains(e.groupExternalId()) || (state.groupsByExt.containsKey(e.groupExternalId()) && !groups.containsKey(e.groupExternalId()) && !whole);
      boolean personKnown = (people.containsKey(e.personExternalId()) && !people.get(e.personExternalId()).leaving())
          || (state.usersByExt.containsKey(e.personExternalId()) && !people.containsKey(e.personExternalId()) && !whole);
      if (e.leaving()) {
        ExistingGroup g = state.groupsByExt.get(e.groupExternalId());
        ExistingUser u = state.usersByExt.get(e.personExternalId());
        if (g != null && u != null && state.memberships.containsKey(new MemberKey(g.id(), u.id()))) {
          step(add, Action.REMOVE, Subject.MEMBERSHIP, e.personExternalId() + " in " + e.groupExternalId(), t.text(Message.of("import.name.membership"), "person", u.displayName(), "group", g.name()),
              List.of(t.text(Message.of("import.change.membershipLeaving"))), e.where(), new long[] {g.id(), u.id()}, 0);
        }
        continue;
      }
      if (!groupKnown || !personKnown) {
        reject(add, Subject.MEMBERSHIP, e.personExternalId() + " in " + e.groupExternalId(), null,
            !groupKnown ? t.text(Message.of("import.reject.groupMissing"), "id", e.groupExternalId()) : t.text(Message.of("import.reject.personMissing"), "id", e.personExternalId()), e.where());
        continue;
      }
      wanted.put(List.of(e.groupExternalId(), e.personExternalId()), e);
    }
    Set<MemberKey> kept = new HashSet<>();
    for (Roster.Enrolment e : wanted.values()) {
      ExistingGroup g = state.groupsByExt.get(e.groupExternalId());
      ExistingUser u = state.usersByExt.get(e.personExternalId());
      String label = t.text(Message.of("import.name.membership"), "person", nameOf(people, state, e.personExternalId()), "group", nameOfGroup(groups, state, e.groupExternalId()));
      Role old = g != null && u != null ? state.memberships.get(new MemberKey(g.id(), u.id())) : null;
      if (g != null && u != null) kept.add(new MemberKey(g.id(), u.id()));
      if (old == null) step(add, Action.ADD, Subject.MEMBERSHIP, e.personExternalId() + " in " + e.groupExternalId(), label, List.of(t.text(Message.of("role." + e.role().name()))), e.where(), e, 0);
      else if (old != e.role()) step(add, Action.UPDATE, Subject.MEMBERSHIP, e.personExternalId() + " in " + e.groupExternalId(), label, List.of(t.text(Message.of("import.change.role"), "old", t.text(Message.of("role." + old.name())), "new", t.text(Message.of("role." + e.role().name())))), e.where(), e, 0);
      else step(add, Action.UNCHANGED, Subject.MEMBERSHIP, e.personExternalId() + " in " + e.groupExternalId(), label, List.of(), e.where(), e, 0);
    }
    Map<Long, ExistingUser> usersById = new HashMap<>();
    state.usersByExt.values().forEach(u -> usersById.put(u.id(), u));
    for (Map.Entry<MemberKey, Role> m : state.memberships.entrySet()) {
      MemberKey k = m.getKey();
      if (kept.contains(k)) continue;
      ExistingUser u = usersById.get(k.userId());
      ExistingGroup g = state.groupsById.get(k.spaceId());
      if (u == null || g == null || untouchable.contains(u.externalId())) continue;
      boolean leaver = leavers.contains(u.externalId());
      boolean groupGone = groups.containsKey(g.externalId()) && groups.get(g.externalId()).leaving();
      // "These classes only": the classes in the file are compared, and nothing else (year groups only gain people).
      boolean comparedClass = mode == Roster.Scope.CLASSES && g.kind() == SpaceKind.CLASS && knownGroups.contains(g.externalId());
      if (leaver || groupGone || whole || comparedClass) {
        String why = leaver ? t.text(Message.of("import.change.leftSchool")) : groupGone ? t.text(Message.of("import.change.groupGone")) : comparedClass ? t.text(Message.of("import.change.notInClassList")) : t.text(Message.of("import.change.notInGroupWholeSchool"));
        step(add, Action.REMOVE, Subject.MEMBERSHIP, u.externalId() + " in " + g.externalId(), t.text(Message.of("import.name.membership"), "person", u.displayName(), "group", g.name()),
            List.of(why), null, new long[] {k.spaceId(), k.userId()}, 0);
      }
    }

    // Parent links.
    Set<List<Long>> keptLinks = new HashSet<>();
    Set<List<String>> seenLinks = new HashSet<>();
    for (Roster.ParentLink l : links) {
      if (!seenLinks.add(List.of(l.parentExternalId(), l.childExternalId()))) continue;
      boolean parentKnown = people.containsKey(l.parentExternalId()) || (!whole && state.usersByExt.containsKey(l.parentExternalId()));
      boolean childKnown = people.containsKey(l.childExternalId()) || (!whole && state.usersByExt.containsKey(l.childExternalId()));
      if (!parentKnown || !childKnown) {
        reject(add, Subject.PARENT_LINK, l.parentExternalId() + " → " + l.childExternalId(), null,
            !parentKnown ? t.text(Message.of("import.reject.parentMissing"), "id", l.parentExternalId()) : t.text(Message.of("import.reject.childMissing"), "id", l.childExternalId()), l.where());
        continue;
      }
      ExistingUser p = state.usersByExt.get(l.parentExternalId());
      ExistingUser c = state.usersByExt.get(l.childExternalId());
      String label = nameOf(people, state, l.parentExternalId()) + " → " + nameOf(people, state, l.childExternalId());
      if (p != null && c != null && state.links.contains(List.of(p.id(), c.id()))) {
        keptLinks.add(List.of(p.id(), c.id()));
        step(add, Action.UNCHANGED, Subject.PARENT_LINK, l.parentExternalId() + " → " + l.childExternalId(), label, List.of(), l.where(), l, 0);
      } else {
        step(add, Action.ADD, Subject.PARENT_LINK, l.parentExternalId() + " → " + l.childExternalId(), label, List.of(), l.where(), l, 0);
      }
    }
    if (whole) {
      for (List<Long> link : state.links) {
        if (keptLinks.contains(link)) continue;
        ExistingUser p = usersById.get(link.get(0));
        ExistingUser c = usersById.get(link.get(1));
        if (p == null || c == null || untouchable.contains(p.externalId()) || untouchable.contains(c.externalId())) continue;
        step(add, Action.REMOVE, Subject.PARENT_LINK, p.externalId() + " → " + c.externalId(), p.displayName() + " → " + c.displayName(),
            List.of(t.text(Message.of("import.change.linkNotInWholeSchool"))), null, new long[] {link.get(0), link.get(1)}, 0);
      }
    }
    return new Built(plan, steps);
  }

  /** The rejected record {@code where} is, or is inside ("line 5"; "<Pupil> number 3 <Contact> number 1"), or null. */
  private static String badWhere(Set<String> badWheres, String where) {
    if (where == null || badWheres.isEmpty()) return null;
    if (badWheres.contains(where)) return where;
    for (String bad : badWheres) {
      if (where.startsWith(bad + " ")) return bad;
    }
    return null;
  }

  private static void step(BiConsumer<Step, Plan.Row> add, Action a, Subject s, String ext, String name, List<String> changes, String where, Object payload, long existingId) {
    Plan.Row row = new Plan.Row(a, s, ext, name, List.copyOf(changes), where);
    add.accept(new Step(row, payload, existingId), row);
  }

  private static void reject(BiConsumer<Step, Plan.Row> add, Subject s, String ext, String name, String reason, String where) {
    step(add, Action.REJECTED, s, ext, name, List.of(reason), where, null, 0);
  }

  private static String nameOf(Map<String, Roster.Person> people, State state, String ext) {
    if (people.containsKey(ext)) return people.get(ext).displayName();
    ExistingUser u = state.usersByExt.get(ext);
    return u == null ? ext : u.displayName();
  }

  private static String nameOfGroup(Map<String, Roster.Group> groups, State state, String ext) {
    if (groups.containsKey(ext)) return groups.get(ext).name();
    ExistingGroup g = state.groupsByExt.get(ext);
    return g == null ? ext : g.name();
  }

  /** Progress as rows are applied. */
  @FunctionalInterface
  public interface Progress {
    void at(int done, int total);
  }

  /** A new account and its first-login code, for the class letter sheet. */
  public record NewAccount(long userId, String username, String displayName, UserKind kind, String code, List<String> groups) {}

  public record Applied(Plan plan, List<NewAccount> accounts) {}

  /**
   * Plans again against the current state and applies every step in one transaction: all or nothing.
   * {@code check} sees the new plan first and may refuse it by throwing (nothing is then changed).
   * The before-state of every row touched is kept under {@code importId}, so the run can be undone.
   */
  public Applied apply(long schoolId, Roster roster, Roster.Scope mode, long importId, Progress progress, Consumer<Plan> check) {
    return db.transaction(() -> {
      Built built = build(schoolId, roster, mode, ENGLISH);
      if (check != null) check.accept(built.plan());
      ImportJournal.Recorder journal = this.journal.recorder(importId);
      Space school = spaces.byId(schoolId).orElseThrow();
      Map<String, Long> groupIds = new HashMap<>();
      Map<String, Long> userIds = new HashMap<>();
      State state = new State(schoolId);
      state.groupsByExt.forEach((k, v) -> groupIds.put(k, v.id()));
      state.usersByExt.forEach((k, v) -> userIds.put(k, v.id()));
      List<NewAccount> created = new ArrayList<>();
      Map<Long, List<String>> groupsOfNew = new HashMap<>();
      int total = built.steps().size();
      int done = 0;
      for (Step s : built.steps()) {
        Plan.Row r = s.row();
        switch (r.subject()) {
          case GROUP -> applyGroup(s, school, groupIds, journal);
          case PERSON -> {
            NewAccount a = applyPerson(s, schoolId, importId, userIds, journal);
            if (a != null) created.add(a);
          }
          case MEMBERSHIP -> applyMembership(s, groupIds, userIds, groupsOfNew, journal);
          case PARENT_LINK -> applyLink(s, userIds, journal);
          default -> { }
        }
        if (progress != null && (++done % 50 == 0 || done == total)) progress.at(done, total);
      }
      List<NewAccount> withGroups = created.stream()
          .map(a -> new NewAccount(a.userId(), a.username(), a.displayName(), a.kind(), a.code(), groupsOfNew.getOrDefault(a.userId(), List.of())))
          .toList();
      return new Applied(built.plan(), withGroups);
    });
  }

  private void applyGroup(Step s, Space school, Map<String, Long> groupIds, ImportJournal.Recorder journal) {
    Plan.Row r = s.row();
    Roster.Group g = (Roster.Group) s.payload();
    switch (r.action()) {
      case ADD -> {
        Long parent = g.parentExternalId() == null ? school.id() : groupIds.get(g.parentExternalId());
        Space created = spaces.create(new SpaceStore.NewSpace(parent, g.kind(), uniqueSlug(school.slug() + "-" + slugify(g.name())), g.name(), ""));
        db.update("UPDATE spaces SET external_id = ?, source = ? WHERE id = ?", g.externalId(), SOURCE, created.id());
        journal.created(ImportJournal.Subject.SPACE, created.id());
        groupIds.put(g.externalId(), created.id());
      }
      case UPDATE, RESTORE -> {
        journal.before(ImportJournal.Subject.SPACE, s.existingId(), null);
        Space old = spaces.byId(s.existingId()).orElseThrow();
        spaces.update(old.id(), g.name(), old.description(), old.parentsAllowed());
        spaces.setParent(old.id(), g.parentExternalId() == null ? school.id() : groupIds.get(g.parentExternalId()));
        if (r.action() == Action.RESTORE) spaces.setArchived(old.id(), false);
      }
      case REMOVE -> {
        journal.before(ImportJournal.Subject.SPACE, s.existingId(), null);
        spaces.setArchived(s.existingId(), true);
      }
      default -> { }
    }
  }

  private NewAccount applyPerson(Step s, long schoolId, long importId, Map<String, Long> userIds, ImportJournal.Recorder journal) {
    Plan.Row r = s.row();
    Roster.Person p = (Roster.Person) s.payload();
    switch (r.action()) {
      case ADD -> {
        String username = uniqueUsername(p);
        User u = accounts.create(new UserStore.NewUser(schoolId, username, p.displayName(), p.kind(), p.email(), null, null, false));
        db.update("UPDATE users SET external_id = ?, source = ? WHERE id = ?", p.externalId(), SOURCE, u.id());
        journal.created(ImportJournal.Subject.USER, u.id());
        String code = newCode();
        db.update("INSERT INTO first_login_codes (user_id, import_id, code) VALUES (?, ?, ?)", u.id(), importId, code);
        userIds.put(p.externalId(), u.id());
        return new NewAccount(u.id(), username, p.displayName(), p.kind(), code, List.of());
      }
      case UPDATE, RESTORE -> {
        journal.before(ImportJournal.Subject.USER, s.existingId(), null);
        users.update(s.existingId(), p.displayName(), p.kind(), p.email());
        if (r.action() == Action.RESTORE) users.setDisabled(s.existingId(), false);
      }
      case LEAVER -> {
        journal.before(ImportJournal.Subject.USER, s.existingId(), null);
        users.markLeft(s.existingId(), java.time.Instant.now());
      }
      default -> { }
    }
    return null;
  }

  private void applyMembership(Step s, Map<String, Long> groupIds, Map<String, Long> userIds, Map<Long, List<String>> groupsOfNew,
                               ImportJournal.Recorder journal) {
    Plan.Row r = s.row();
    if (r.action() == Action.REMOVE) {
      long[] ids = (long[]) s.payload();
      journal.before(ImportJournal.Subject.MEMBERSHIP, ids[0], ids[1]);
      spaces.removeMember(ids[0], ids[1]);
      return;
    }
    if (r.action() != Action.ADD && r.action() != Action.UPDATE) return;
    Roster.Enrolment e = (Roster.Enrolment) s.payload();
    Long space = groupIds.get(e.groupExternalId());
    Long user = userIds.get(e.personExternalId());
    if (space == null || user == null) throw new IllegalStateException("Import lost track of " + r.externalId());
    journal.before(ImportJournal.Subject.MEMBERSHIP, space, user);
    spaces.addMember(space, user, e.role(), false, SOURCE);
    groupsOfNew.computeIfAbsent(user, k -> new ArrayList<>()).add(spaces.byId(space).map(Space::name).orElse(""));
  }

  private void applyLink(Step s, Map<String, Long> userIds, ImportJournal.Recorder journal) {
    Plan.Row r = s.row();
    if (r.action() == Action.REMOVE) {
      long[] ids = (long[]) s.payload();
      journal.before(ImportJournal.Subject.PARENT_LINK, ids[0], ids[1]);
      users.unlinkParent(ids[0], ids[1]);
    } else if (r.action() == Action.ADD) {
      Roster.ParentLink l = (Roster.ParentLink) s.payload();
      long parent = userIds.get(l.parentExternalId());
      long child = userIds.get(l.childExternalId());
      journal.before(ImportJournal.Subject.PARENT_LINK, parent, child);
      db.update("INSERT INTO parent_links (parent_id, child_id, source) VALUES (?, ?, ?)", parent, child, SOURCE);
    }
  }

  private String uniqueUsername(Roster.Person p) {
    String first = p.preferredName() != null && !p.preferredName().isBlank() ? p.preferredName() : p.givenName();
    String base = slugify(first).replace("-", "") + "." + slugify(p.familyName()).replace("-", "");
    base = base.replaceAll("^\\.+|\\.+$", "");
    if (base.length() < 2) base = "user";
    if (base.length() > 70) base = base.substring(0, 70);
    String candidate = base;
    for (int n = 2; users.byUsername(candidate).isPresent(); n++) candidate = base + n;
    return candidate;
  }

  private String uniqueSlug(String base) {
    String b = base.length() > 70 ? base.substring(0, 70) : base;
    String candidate = b;
    for (int n = 2; spaces.bySlug(candidate).isPresent(); n++) candidate = b + "-" + n;
    return candidate;
  }

  static String slugify(String s) {
    String plain = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "group" : slug;
  }

  static String newCode() {
    char[] c = new char[10];
    for (int i = 0; i < c.length; i++) c[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
    return new String(c, 0, 5) + "-" + new String(c, 5, 5);
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

  /** "not Class 5Z, not parent Sam": each thing a rejected record does not bring. */
  private static String notEach(Texts t, List<String> items) {
    return String.join(", ", items.stream().map(i -> t.text(Message.of("import.reject.notItem"), "item", i)).toList());
  }

  private static String orNone(Texts t, String s) { return s == null || s.isBlank() ? t.text(Message.of("import.change.none")) : s; }
}
