package org.courtyard.plugins.misoneroster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.roster.CsvReader;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterImporter;
import org.courtyard.api.roster.SafeZip;
import org.pf4j.Extension;

/**
 * OneRoster CSV, versions 1.1 and 1.2, from a zip (uploaded) or a folder (command line) holding
 * {@code manifest.csv}. A bulk file set lists everyone; a delta lists changes, with
 * {@code status=tobedeleted} for what has gone. Classes sit inside a year group taken from their
 * {@code grades}; students join their grade's year group too.
 */
@Extension
public final class OneRosterImporter implements RosterImporter {
  static final Set<String> VERSIONS = Set.of("1.1", "1.2");
  private static final long MAX_UNPACKED = 200L * 1024 * 1024;

  @Override public String format() { return "oneroster"; }

  @Override public String title() { return "OneRoster CSV (1.1 or 1.2)"; }

  @Override public String accepts() { return ".zip"; }

  @Override
  public Roster parse(Path file, String name) throws RosterException {
    if (Files.isDirectory(file)) return read(file, name);
    if (!SafeZip.looksLikeZip(file)) throw new RosterException(name + " is not a zip. OneRoster comes as a zip (or, on the command line, a folder) with manifest.csv.");
    Path dir;
    try {
      dir = Files.createTempDirectory("oneroster");
    } catch (IOException e) {
      throw new RosterException("No room to unpack " + name + ": " + e.getMessage());
    }
    try {
      SafeZip.extract(file, dir, MAX_UNPACKED, 200);
      return read(dir, name);
    } finally {
      deleteQuietly(dir);
    }
  }

  private Roster read(Path dir, String name) throws RosterException {
    Path root = findManifestFolder(dir, name);
    Map<String, String> manifest = new HashMap<>();
    for (CsvReader.Row r : CsvReader.read(root.resolve("manifest.csv"), "manifest.csv").rows()) {
      manifest.put(r.get("propertyName").toLowerCase(Locale.ROOT), r.get("value").toLowerCase(Locale.ROOT));
    }
    String version = manifest.getOrDefault("oneroster.version", "");
    if (!VERSIONS.contains(version)) {
      throw new RosterException("manifest.csv says oneroster.version '" + version + "'; Courtyard reads OneRoster 1.1 and 1.2.");
    }
    boolean delta = manifest.entrySet().stream().anyMatch(e -> e.getKey().startsWith("file.") && "delta".equals(e.getValue()));
    boolean bulk = manifest.entrySet().stream().anyMatch(e -> e.getKey().startsWith("file.") && "bulk".equals(e.getValue()));
    if (delta && bulk) throw new RosterException("manifest.csv mixes bulk and delta files; export either a full (bulk) set or a delta.");
    List<Roster.Rejection> rejected = new ArrayList<>();

    CsvReader.Table users = table(root, manifest, "users", List.of("sourcedid", "role", "givenname", "familyname"));
    CsvReader.Table classes = table(root, manifest, "classes", List.of("sourcedid", "title"));
    CsvReader.Table enrollments = table(root, manifest, "enrollments", List.of("sourcedid", "classsourcedid", "usersourcedid", "role"));

    Map<String, Roster.Group> groups = new LinkedHashMap<>();
    List<Roster.Person> people = new ArrayList<>();
    List<Roster.Enrolment> enrolments = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();

    if (classes != null) {
      for (CsvReader.Row r : classes.rows()) {
        String where = "classes.csv line " + r.line();
        String id = r.get("sourcedId");
        if (id.isEmpty()) { rejected.add(new Roster.Rejection(where, "A class without a sourcedId.")); continue; }
        boolean leaving = deleted(r);
        String year = firstGrade(r.get("grades"));
        String yearId = null;
        if (!year.isEmpty()) {
          yearId = "year:" + year;
          groups.putIfAbsent(yearId, new Roster.Group(yearId, SpaceKind.YEAR_GROUP, yearName(year), null, false, where));
        }
        String title = r.get("title").isEmpty() ? r.get("classCode") : r.get("title");
        groups.put("class:" + id, new Roster.Group("class:" + id, SpaceKind.CLASS, title.isEmpty() ? id : title, yearId, leaving, where));
      }
    }
    if (users != null) {
      for (CsvReader.Row r : users.rows()) {
        String where = "users.csv line " + r.line();
        String id = r.get("sourcedId");
        String role = r.get("role").toLowerCase(Locale.ROOT);
        UserKind kind = switch (role) {
          case "student" -> UserKind.LEARNER;
          case "teacher", "aide", "administrator", "proctor" -> UserKind.STAFF;
          case "guardian", "parent", "relative" -> UserKind.PARENT;
          default -> null;
        };
        if (id.isEmpty()) { rejected.add(new Roster.Rejection(where, "A user without a sourcedId.")); continue; }
        if (kind == null) { rejected.add(new Roster.Rejection(where, "User " + id + " has the role '" + role + "', which Courtyard does not know.")); continue; }
        boolean leaving = deleted(r) || "false".equalsIgnoreCase(r.get("enabledUser"));
        String preferred = r.get("preferredGivenName");
        people.add(new Roster.Person(id, kind, r.get("givenName"), r.get("familyName"), preferred.isEmpty() ? null : preferred,
            r.get("email").isEmpty() ? null : r.get("email"), null, leaving, where));
        if (leaving) continue;
        for (String agent : split(r.get("agentSourcedIds"))) {
          if (kind == UserKind.PARENT) links.add(new Roster.ParentLink(id, agent, where));
          else if (kind == UserKind.LEARNER && isParent(users, agent)) links.add(new Roster.ParentLink(agent, id, where));
        }
        if (kind == UserKind.LEARNER) {
          String year = firstGrade(r.get("grades"));
          if (!year.isEmpty()) {
            String yearId = "year:" + year;
            groups.putIfAbsent(yearId, new Roster.Group(yearId, SpaceKind.YEAR_GROUP, yearName(year), null, false, where));
            enrolments.add(new Roster.Enrolment(yearId, id, Role.MEMBER, false, where));
          }
        }
      }
    }
    if (enrollments != null) {
      for (CsvReader.Row r : enrollments.rows()) {
        String where = "enrollments.csv line " + r.line();
        String role = r.get("role").toLowerCase(Locale.ROOT);
        Role courtyardRole = switch (role) {
          case "student" -> Role.MEMBER;
          case "teacher", "aide", "administrator", "proctor" -> Role.TEACHER;
          default -> null;
        };
        if (courtyardRole == null) { rejected.add(new Roster.Rejection(where, "An enrolment with the role '" + role + "', which Courtyard does not know.")); continue; }
        enrolments.add(new Roster.Enrolment("class:" + r.get("classSourcedId"), r.get("userSourcedId"), courtyardRole, deleted(r), where));
      }
    }
    return new Roster(!delta, people, new ArrayList<>(groups.values()), enrolments, dedupe(links), rejected);
  }

  private static List<Roster.ParentLink> dedupe(List<Roster.ParentLink> links) {
    Map<String, Roster.ParentLink> m = new LinkedHashMap<>();
    for (Roster.ParentLink l : links) m.putIfAbsent(l.parentExternalId() + "→" + l.childExternalId(), l);
    return new ArrayList<>(m.values());
  }

  private static boolean isParent(CsvReader.Table users, String id) {
    return users.rows().stream().anyMatch(r -> r.get("sourcedId").equals(id) && Set.of("guardian", "parent", "relative").contains(r.get("role").toLowerCase(Locale.ROOT)));
  }

  private static boolean deleted(CsvReader.Row r) { return "tobedeleted".equalsIgnoreCase(r.get("status")); }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) if (!p.isBlank()) out.add(p.trim());
    return out;
  }

  static String firstGrade(String grades) {
    List<String> g = split(grades);
    if (g.isEmpty()) return "";
    String first = g.get(0).toUpperCase(Locale.ROOT);
    return first.matches("0+[1-9][0-9]*") ? first.replaceFirst("^0+", "") : first;
  }

  static String yearName(String grade) {
    return switch (grade) {
      case "KG", "PK", "R" -> "Reception";
      default -> grade.matches("[0-9]+") ? "Year " + grade : "Grade " + grade;
    };
  }

  /** Reads a file the manifest lists; checks its required columns. Null when the manifest says it is absent. */
  private static CsvReader.Table table(Path root, Map<String, String> manifest, String base, List<String> required) throws RosterException {
    String mode = manifest.getOrDefault("file." + base, "absent");
    if ("absent".equals(mode)) return null;
    Path f = root.resolve(base + ".csv");
    if (!Files.isRegularFile(f)) throw new RosterException("manifest.csv lists " + base + ".csv as " + mode + ", but the file is missing.");
    CsvReader.Table t = CsvReader.read(f, base + ".csv");
    for (String col : required) {
      if (!t.has(col)) throw new RosterException(base + ".csv has no '" + col + "' column.");
    }
    return t;
  }

  private static Path findManifestFolder(Path dir, String name) throws RosterException {
    if (Files.isRegularFile(dir.resolve("manifest.csv"))) return dir;
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> subdirs = s.filter(Files::isDirectory).toList();
      if (subdirs.size() == 1 && Files.isRegularFile(subdirs.get(0).resolve("manifest.csv"))) return subdirs.get(0);
    } catch (IOException e) {
      throw new RosterException(name + " could not be read: " + e.getMessage());
    }
    throw new RosterException(name + " has no manifest.csv, so it is not a OneRoster export.");
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
