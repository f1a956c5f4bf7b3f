package org.courtyard.plugins.misoneroster;

import static org.courtyard.plugins.misoneroster.OneRosterImporter.lower;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.CsvReader;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterLimits;

/**
 * Reads one unpacked OneRoster CSV export (1.1 or 1.2) into a {@link Roster}.
 *
 * <p>Ids: people and classes keep their OneRoster {@code sourcedId}; a year group made from a
 * single grade is {@code grade:NN} (CEDS code, e.g. {@code grade:05}, {@code grade:KG}).
 * The manifest decides bulk (the file lists everyone: {@code complete=true}) or delta (only
 * changes: {@code complete=false}); {@code status=tobedeleted} marks leavers and removals.
 *
 * <p>Words: the problems it reports (refusals, rejected rows and the file and line they name) come from
 * the plugin's messages in the ICT leader's language. OneRoster's own words — file names, column names
 * and values such as {@code bulk}, {@code delta}, {@code tobedeleted} and role names — are the standard's
 * and what the files say, so they stay as they are in every language, as arguments or inside the
 * sentence. The names it gives year groups from CEDS grades ("Grade 5", "Kindergarten") are the school's
 * data, the same whoever imports.
 */
final class OneRosterExport {
  enum Mode { BULK, DELTA, ABSENT }

  /** The data files Courtyard reads, as the manifest names them ({@code file.<name>}). */
  static final List<String> READ = List.of("orgs", "academicSessions", "courses", "classes", "users", "enrollments", "roles");
  static final List<String> CORE = List.of("users", "classes", "enrollments");
  static final Set<String> STAFF_ROLES = Set.of("teacher", "aide", "administrator", "principal", "siteadministrator",
      "districtadministrator", "systemadministrator", "proctor");
  static final Set<String> PARENT_ROLES = Set.of("guardian", "parent", "relative");

  private final Path dir;
  private String version;
  private boolean complete;
  private final Map<String, Mode> modes = new HashMap<>();

  private final List<Roster.Person> people = new ArrayList<>();
  private final Map<String, Roster.Group> groups = new LinkedHashMap<>();
  private final List<Roster.Enrolment> enrolments = new ArrayList<>();
  private final Map<List<String>, Roster.ParentLink> links = new LinkedHashMap<>();
  private final List<Roster.Rejection> rejected = new ArrayList<>();

  /** Kind and leaving flag of every user in users.csv, by sourcedId. */
  private final Map<String, UserKind> kinds = new HashMap<>();
  private final Set<String> leavingUsers = new HashSet<>();
  private final Set<String> rejectedUsers = new HashSet<>();
  private final Set<String> classIds = new HashSet<>();
  private final Set<String> leavingClasses = new HashSet<>();
  private final Set<String> rejectedClasses = new HashSet<>();
  /** One data file: read whole into memory, and a large school's export is a few MB. */
  static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

  private final Texts texts;

  OneRosterExport(Path dir, Texts texts) {
    this.dir = dir;
    this.texts = texts;
  }

  private String t(Message message, Object... namesAndValues) { return texts.text(message, namesAndValues); }

  /** The file in {@code dir} with this name, ignoring case (exports are made on Windows too); null if none. */
  static Path find(Path dir, String fileName) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName)).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  Roster read() throws RosterException {
    readManifest();
    Map<String, CsvReader.Table> tables = new HashMap<>();
    for (String f : READ) {
      if (modes.get(f) == Mode.ABSENT) continue;
      Path p = find(dir, f + ".csv");
      if (p == null) {
        throw new RosterException(t(Words.MISSING_FILE, "file", f + ".csv", "mode", lower(modes.get(f).name())));
      }
      try {
        // Each file is read whole into memory: a large school's export is a few MB.
        if (Files.size(p) > MAX_FILE_BYTES) throw new RosterException(t(Words.FILE_TOO_BIG, "file", f + ".csv", "mb", String.valueOf(MAX_FILE_BYTES / (1024 * 1024))));
      } catch (IOException e) {
        throw new RosterException(t(Words.UNREADABLE, "file", f + ".csv", "problem", String.valueOf(e.getMessage())), e);
      }
      tables.put(f, csv(p, f + ".csv"));
    }
    count(tables, "users", RosterLimits.MAX_PEOPLE, Words.USERS);
    count(tables, "classes", RosterLimits.MAX_GROUPS, Words.CLASSES);
    count(tables, "enrollments", RosterLimits.MAX_ENROLMENTS, Words.ENROLLMENTS);
    count(tables, "roles", RosterLimits.MAX_ENROLMENTS, Words.ROLES);
    requireColumns(tables, "orgs", "sourcedId", "name", "type");
    requireColumns(tables, "academicSessions", "sourcedId", "title", "type");
    requireColumns(tables, "courses", "sourcedId", "title");
    requireColumns(tables, "classes", "sourcedId", "title", "courseSourcedId", "schoolSourcedId");
    requireColumns(tables, "users", "sourcedId", "givenName", "familyName");
    requireColumns(tables, "enrollments", "classSourcedId", "userSourcedId", "role");
    requireColumns(tables, "roles", "userSourcedId", "role");
    CsvReader.Table users = tables.get("users");
    boolean rolesInUsers = users != null && users.has("role");
    if (users != null && !rolesInUsers && !tables.containsKey("roles")) {
      throw new RosterException(t("1.1".equals(version) ? Words.NO_ROLE_COLUMN_11 : Words.NO_ROLE_COLUMN_12));
    }

    Map<String, List<String>> courseGrades = new HashMap<>();
    if (tables.containsKey("courses")) {
      for (CsvReader.Row r : tables.get("courses").rows()) courseGrades.put(r.get("sourcedId"), list(r.get("grades")));
    }
    Map<String, String> roles = tables.containsKey("roles") ? primaryRoles(tables.get("roles")) : Map.of();
    if (users != null) readUsers(users, rolesInUsers, roles);
    if (tables.containsKey("classes")) readClasses(tables.get("classes"), courseGrades);
    if (tables.containsKey("enrollments")) readEnrollments(tables.get("enrollments"));
    List<Roster.Group> allGroups = new ArrayList<>(groups.values());
    return new Roster(complete ? Roster.Scope.WHOLE_SCHOOL : Roster.Scope.CHANGES, people, allGroups, enrolments, new ArrayList<>(links.values()), rejected);
  }

  /** {@code what}: users, classes, enrollments or roles, in the reader's language. */
  private void count(Map<String, CsvReader.Table> tables, String file, int max, Message what) throws RosterException {
    if (tables.containsKey(file)) RosterLimits.checkCount(file + ".csv", tables.get(file).rows().size(), max, t(what), texts);
  }

  /** A CSV file of the export, its refusals in the reader's language. */
  private CsvReader.Table csv(Path p, String file) throws RosterException {
    return CsvReader.read(p, file, texts);
  }

  private void readManifest() throws RosterException {
    Path path = find(dir, "manifest.csv");
    CsvReader.Table t = csv(path, "manifest.csv");
    if (!t.has("propertyName") || !t.has("value")) {
      throw new RosterException(t(Words.MANIFEST_COLUMNS, "columns", String.join(", ", t.headers())));
    }
    Map<String, String> m = new HashMap<>();
    for (CsvReader.Row r : t.rows()) m.put(lower(r.get("propertyName")), r.get("value"));
    String manifestVersion = m.get("manifest.version");
    if (manifestVersion != null && !manifestVersion.isEmpty() && !manifestVersion.equals("1.0")) {
      throw new RosterException(t(Words.MANIFEST_VERSION, "version", manifestVersion));
    }
    String v = m.getOrDefault("oneroster.version", "");
    if (v.isEmpty()) throw new RosterException(t(Words.MANIFEST_NO_VERSION));
    version = switch (v) {
      case "1.1", "1.1.0" -> "1.1";
      case "1.2", "1.2.0" -> "1.2";
      default -> throw new RosterException(t(Words.MANIFEST_OTHER_VERSION, "version", v));
    };
    for (String f : READ) {
      String value = lower(m.getOrDefault(lower("file." + f), "absent"));
      Mode mode = switch (value) {
        case "bulk" -> Mode.BULK;
        case "delta" -> Mode.DELTA;
        case "absent", "" -> Mode.ABSENT;
        default -> throw new RosterException(t(Words.MANIFEST_BAD_MODE, "name", f, "value", value));
      };
      if (f.equals("roles") && version.equals("1.1")) mode = Mode.ABSENT; // roles.csv is new in 1.2
      modes.put(f, mode);
    }
    Set<Mode> core = new HashSet<>();
    CORE.forEach(f -> core.add(modes.get(f)));
    core.remove(Mode.ABSENT);
    if (core.isEmpty()) {
      throw new RosterException(t(Words.MANIFEST_NOTHING));
    }
    if (core.size() > 1) {
      throw new RosterException(t(Words.MANIFEST_MIXED, "files", describe(CORE)));
    }
    complete = core.contains(Mode.BULK);
    if (complete) {
      List<String> absent = CORE.stream().filter(f -> modes.get(f) == Mode.ABSENT).toList();
      if (!absent.isEmpty()) {
        throw new RosterException(t(Words.MANIFEST_BULK_INCOMPLETE, "files", String.join(", ", absent.stream().map(f -> f + ".csv").toList())));
      }
    }
  }

  private String describe(List<String> files) {
    List<String> parts = new ArrayList<>();
    for (String f : files) parts.add(f + ".csv " + lower(modes.get(f).name()));
    return String.join(", ", parts);
  }

  private void requireColumns(Map<String, CsvReader.Table> tables, String file, String... columns) throws RosterException {
    CsvReader.Table t = tables.get(file);
    if (t == null) return;
    List<String> missing = new ArrayList<>();
    for (String c : columns) if (!t.has(c)) missing.add(c);
    // A delta says what happened to each record in status (active or tobedeleted).
    if (modes.get(file) == Mode.DELTA && !t.has("status")) missing.add("status");
    if (!missing.isEmpty()) {
      throw new RosterException(t(Words.MISSING_COLUMNS, "file", file + ".csv", "columns", String.join(", ", missing), "version", version,
          "example", String.join(", ", columns)));
    }
  }

  /** Where a row is, for the preview: "users.csv line 10". */
  private String where(String file, CsvReader.Row r) { return t(Words.WHERE_LINE, "file", file, "line", String.valueOf(r.line())); }

  /** Whether a row says the record is gone; null (with a rejection) when status is not a OneRoster value. */
  private Boolean deleted(CsvReader.Row r, String where) {
    String s = lower(r.get("status"));
    switch (s) {
      case "", "active":
        return false;
      case "tobedeleted", "inactive": // inactive: OneRoster 1.0's word, still written by some exporters
        return true;
      default:
        rejected.add(new Roster.Rejection(where, t(Words.UNKNOWN_STATUS, "status", r.get("status"))));
        return null;
    }
  }

  /** 1.2: a user's role is their primary role in roles.csv (else their first). */
  private Map<String, String> primaryRoles(CsvReader.Table t) {
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, String> primary = new HashMap<>();
    for (CsvReader.Row r : t.rows()) {
      String where = where("roles.csv", r);
      Boolean gone = deleted(r, where);
      if (gone == null || gone) continue;
      String user = r.get("userSourcedId");
      String role = lower(r.get("role"));
      if (user.isEmpty() || role.isEmpty()) {
        rejected.add(new Roster.Rejection(where, t(Words.ROLES_NO_USER_OR_ROLE)));
        continue;
      }
      first.putIfAbsent(user, role);
      if (lower(r.get("roleType")).equals("primary")) primary.putIfAbsent(user, role);
    }
    first.putAll(primary);
    return first;
  }

  private static UserKind kindOf(String role) {
    if (role.equals("student")) return UserKind.LEARNER;
    if (STAFF_ROLES.contains(role)) return UserKind.STAFF;
    if (PARENT_ROLES.contains(role)) return UserKind.PARENT;
    return null;
  }

  private void readUsers(CsvReader.Table t, boolean rolesInUsers, Map<String, String> roles) {
    Map<String, List<String>> agentsOf = new LinkedHashMap<>();
    Map<String, String> whereOf = new HashMap<>();
    for (CsvReader.Row r : t.rows()) {
      String where = where("users.csv", r);
      String id = r.get("sourcedId");
      if (id.isEmpty()) {
        rejected.add(new Roster.Rejection(where, t(Words.USER_NO_ID)));
        continue;
      }
      Boolean gone = deleted(r, where);
      if (gone == null) continue;
      boolean leaving = gone || lower(r.get("enabledUser")).equals("false");
      String role = roles.getOrDefault(id, "");
      if (rolesInUsers && (role.isEmpty() || version.equals("1.1"))) role = lower(r.get("role"));
      UserKind kind = kindOf(role);
      if (kind == null && leaving) kind = UserKind.LEARNER; // a leaver is matched by id alone; their kind is not changed
      if (kind == null) {
        rejected.add(new Roster.Rejection(where, role.isEmpty()
            ? t(version.equals("1.2") ? Words.USER_NO_ROLE_IN_ROLES : Words.USER_NO_ROLE, "id", id)
            : t(Words.USER_UNKNOWN_ROLE, "id", id, "role", role), id));
        rejectedUsers.add(id);
        continue;
      }
      String given = r.get("givenName");
      String family = r.get("familyName");
      if (!leaving && (given.isEmpty() || family.isEmpty())) {
        rejected.add(new Roster.Rejection(where, t(Words.USER_NO_NAME, "id", id), id));
        rejectedUsers.add(id);
        continue;
      }
      String preferred = r.get("preferredGivenName");
      String preferredFamily = r.get("preferredFamilyName");
      String email = lower(r.get("email"));
      Roster.Person person = new Roster.Person(id, kind, given, preferredFamily.isEmpty() ? family : preferredFamily,
          preferred.isEmpty() ? null : preferred, email.isEmpty() ? null : email, null, leaving, where);
      // A record the school's database could not keep is rejected here, rather than failing the whole import.
      String tooBig = RosterLimits.problem(person, texts);
      if (tooBig != null) {
        rejected.add(new Roster.Rejection(where, t(Words.USER_TOO_LONG, "problem", tooBig)));
        if (id.length() <= RosterLimits.MAX_ID) rejectedUsers.add(id);
        continue;
      }
      people.add(person);
      if (kinds.containsKey(id)) continue; // the sync rejects the second use of an id
      kinds.put(id, kind);
      whereOf.put(id, where);
      if (leaving) {
        leavingUsers.add(id);
        continue;
      }
      agentsOf.put(id, list(r.get("agentSourcedIds")));
      if (kind == UserKind.LEARNER) {
        String year = yearGroup(list(r.get("grades")), where);
        if (year != null) enrolments.add(new Roster.Enrolment(year, id, Role.MEMBER, false, where));
      }
    }
    // agentSourcedIds: on a student, their guardians; on a guardian, their children. Either side may list the link.
    for (Map.Entry<String, List<String>> e : agentsOf.entrySet()) {
      String id = e.getKey();
      UserKind kind = kinds.get(id);
      String where = whereOf.get(id);
      for (String agent : e.getValue()) {
        if (leavingUsers.contains(agent)) continue;
        UserKind other = kinds.get(agent);
        if (other == null && complete) {
          rejected.add(new Roster.Rejection(where, t(Words.AGENT_MISSING, "agent", agent)));
          continue;
        }
        // In a delta the other side may have come in an earlier import; the sync checks that it exists.
        if (kind == UserKind.PARENT && (other == null || other == UserKind.LEARNER)) link(id, agent, where);
        else if (kind == UserKind.LEARNER && (other == null || other == UserKind.PARENT)) link(agent, id, where);
        else if (kind != UserKind.STAFF && other != UserKind.STAFF) {
          rejected.add(new Roster.Rejection(where, t(Words.AGENT_WRONG_KINDS, "id", id, "kind", kind.name(), "agent", agent, "otherKind", other.name())));
        }
        // A member of staff's agents (their own contacts) are not parent links: nothing to do.
      }
    }
  }

  private void link(String parent, String child, String where) {
    links.putIfAbsent(List.of(parent, child), new Roster.ParentLink(parent, child, where));
  }

  private void readClasses(CsvReader.Table t, Map<String, List<String>> courseGrades) {
    for (CsvReader.Row r : t.rows()) {
      String where = where("classes.csv", r);
      String id = r.get("sourcedId");
      if (id.isEmpty()) {
        rejected.add(new Roster.Rejection(where, t(Words.CLASS_NO_ID)));
        continue;
      }
      Boolean gone = deleted(r, where);
      if (gone == null) continue;
      String title = r.get("title").isEmpty() ? r.get("classCode") : r.get("title");
      String tooBig = RosterLimits.problem(new Roster.Group(id, SpaceKind.CLASS, title, null, gone, where), texts);
      if (tooBig != null) {
        rejected.add(new Roster.Rejection(where, t(Words.CLASS_TOO_LONG, "problem", tooBig)));
        if (id.length() <= RosterLimits.MAX_ID) rejectedClasses.add(id);
        continue;
      }
      if (gone) {
        groups.putIfAbsent(id, new Roster.Group(id, SpaceKind.CLASS, title.isEmpty() ? id : title, null, true, where));
        classIds.add(id);
        leavingClasses.add(id);
        continue;
      }
      if (title.isEmpty()) {
        rejected.add(new Roster.Rejection(where, t(Words.CLASS_NO_TITLE, "id", id)));
        continue;
      }
      List<String> grades = list(r.get("grades"));
      if (grades.isEmpty()) grades = courseGrades.getOrDefault(r.get("courseSourcedId"), List.of());
      String year = yearGroup(grades, where);
      if (groups.containsKey(id)) {
        rejected.add(new Roster.Rejection(where, t(Words.CLASS_TWICE, "id", id)));
        continue;
      }
      groups.put(id, new Roster.Group(id, SpaceKind.CLASS, title, year, false, where));
      classIds.add(id);
    }
  }

  private void readEnrollments(CsvReader.Table t) {
    for (CsvReader.Row r : t.rows()) {
      String where = where("enrollments.csv", r);
      String cls = r.get("classSourcedId");
      String user = r.get("userSourcedId");
      if (cls.isEmpty() || user.isEmpty()) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_NO_IDS)));
        continue;
      }
      Boolean gone = deleted(r, where);
      if (gone == null) continue;
      String roleName = lower(r.get("role"));
      Role role = switch (roleName) {
        case "student" -> Role.MEMBER;
        case "teacher" -> Role.TEACHER;
        default -> null;
      };
      if (gone) {
        enrolments.add(new Roster.Enrolment(cls, user, role == null ? Role.MEMBER : role, true, where));
        continue;
      }
      if (role == null) {
        rejected.add(new Roster.Rejection(where, roleName.isEmpty() ? t(Words.ENROLLMENT_NO_ROLE, "user", user, "cls", cls)
            : kindOf(roleName) != null || roleName.equals("proctor")
                ? t(Words.ENROLLMENT_ROLE_NOT_IMPORTED, "user", user, "cls", cls, "role", roleName)
                : t(Words.ENROLLMENT_UNKNOWN_ROLE, "user", user, "cls", cls, "role", roleName)));
        continue;
      }
      if (leavingClasses.contains(cls) || leavingUsers.contains(user)) continue; // leaving anyway
      if (cls.length() > RosterLimits.MAX_ID || user.length() > RosterLimits.MAX_ID) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_ID_TOO_LONG, "max", RosterLimits.MAX_ID)));
        continue;
      }
      if (rejectedClasses.contains(cls)) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_CLASS_REJECTED, "cls", cls, "user", user)));
        continue;
      }
      if (complete && !classIds.contains(cls)) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_CLASS_MISSING, "cls", cls, "user", user)));
        continue;
      }
      if (rejectedUsers.contains(user) && !kinds.containsKey(user)) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_USER_REJECTED, "user", user, "cls", cls)));
        continue;
      }
      if (complete && !kinds.containsKey(user)) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_USER_MISSING, "user", user, "cls", cls)));
        continue;
      }
      if (kinds.get(user) == UserKind.PARENT) {
        rejected.add(new Roster.Rejection(where, t(Words.ENROLLMENT_PARENT, "user", user)));
        continue;
      }
      enrolments.add(new Roster.Enrolment(cls, user, role, false, where));
    }
  }

  /** The year group for a list of grades: one when there is exactly one known grade, else null (the class sits in the school). */
  private String yearGroup(List<String> grades, String where) {
    if (grades.size() != 1) return null;
    String code = grades.get(0).trim().toUpperCase(Locale.ROOT);
    if (code.matches("\\d{1,2}")) code = String.format(Locale.ROOT, "%02d", Integer.parseInt(code));
    String name = gradeName(code);
    if (name == null) return null;
    String id = "grade:" + code;
    Roster.Group year = new Roster.Group(id, SpaceKind.YEAR_GROUP, name, null, false, where);
    String tooBig = RosterLimits.problem(year, texts);
    if (tooBig != null) {
      rejected.add(new Roster.Rejection(where, t(Words.GRADES_TOO_LONG, "problem", tooBig)));
      return null;
    }
    groups.putIfAbsent(id, year);
    return id;
  }

  /** CEDS grade levels as OneRoster uses them; null for ungraded or "Other". */
  static String gradeName(String code) {
    return switch (code) {
      case "IT" -> "Infant/toddler";
      case "PR" -> "Preschool";
      case "PK" -> "Pre-kindergarten";
      case "TK" -> "Transitional kindergarten";
      case "KG" -> "Kindergarten";
      case "PS" -> "Postsecondary";
      case "UG", "OTHER", "" -> null;
      default -> code.matches("\\d\\d") ? "Grade " + Integer.parseInt(code) : "Grade " + code;
    };
  }

  /** A OneRoster list field: comma-separated values (inside one quoted CSV field). */
  static List<String> list(String field) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : field.split(",")) if (!s.isBlank()) out.add(s.trim());
    return new ArrayList<>(out);
  }
}
