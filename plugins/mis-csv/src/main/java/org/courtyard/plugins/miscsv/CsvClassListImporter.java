package org.courtyard.plugins.miscsv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.CsvReader;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterImporter;
import org.courtyard.api.roster.RosterLimits;
import org.pf4j.Extension;

/**
 * Class lists from a spreadsheet: one row a learner. Headers are recognised case-insensitively and
 * by their usual names ("Surname" or "Last name"…). A spreadsheet cannot say whether it is the whole
 * school or a few classes, so it declares nothing and the ICT leader says which when importing it.
 * Its problems are written in the ICT leader's language (messages/mis-csv*.properties); the names it
 * gives year groups and classes ("Year 3", "Class 3B") are the school's data, the same whoever imports.
 */
@Extension
public final class CsvClassListImporter implements RosterImporter {
  static final Map<String, List<String>> HEADERS = Map.of(
      "id", List.of("id", "learner id", "pupil id", "student id", "upn", "admission number", "adno"),
      "given", List.of("given name", "first name", "forename", "legal forename", "firstname"),
      "family", List.of("family name", "surname", "last name", "legal surname", "lastname"),
      "preferred", List.of("preferred name", "known as", "preferred forename"),
      "year", List.of("year", "year group", "nc year", "yeargroup"),
      "class", List.of("class", "form", "reg group", "registration group", "teaching group"),
      "parentEmail", List.of("parent email", "parent e-mail", "contact email", "guardian email"),
      "parentName", List.of("parent name", "contact name", "guardian name"));
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Override public String format() { return "csv"; }

  @Override public String title() { return "Class lists (CSV)"; }

  @Override public String title(Texts texts) { return texts.text(Words.TITLE); }

  @Override public String accepts() { return ".csv"; }

  @Override
  public Roster parse(Path file, String name, Texts texts) throws RosterException {
    CsvReader.Table table = CsvReader.read(file, name, texts);
    Map<String, String> col = new LinkedHashMap<>();
    HEADERS.forEach((key, names) -> names.stream().filter(table::has).findFirst().ifPresent(h -> col.put(key, h)));
    List<String> missing = new ArrayList<>();
    for (String required : List.of("id", "given", "family", "year", "class")) {
      if (!col.containsKey(required)) missing.add(HEADERS.get(required).get(0));
    }
    if (!missing.isEmpty()) {
      // The column names stay as they are in every language: they are what the file's first line must say.
      throw new RosterException(texts.text(Words.NO_COLUMNS, "file", name, "columns", String.join(", ", missing)));
    }
    List<Roster.Person> people = new ArrayList<>();
    Map<String, Roster.Group> groups = new LinkedHashMap<>();
    List<Roster.Enrolment> enrolments = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();
    Map<String, Roster.Person> parents = new LinkedHashMap<>();
    List<Roster.Rejection> rejected = new ArrayList<>();
    RosterLimits.checkCount(name, table.rows().size(), RosterLimits.MAX_PEOPLE, texts.text(Words.LEARNERS), texts);
    for (CsvReader.Row row : table.rows()) {
      String where = texts.text(Words.WHERE_LINE, "line", String.valueOf(row.line()));
      String id = row.get(col.get("id"));
      String given = row.get(col.get("given"));
      String family = row.get(col.get("family"));
      String year = normaliseYear(row.get(col.get("year")));
      String cls = row.get(col.get("class"));
      if (id.isEmpty()) { rejected.add(new Roster.Rejection(where, texts.text(Words.NO_ID))); continue; }
      if (given.isEmpty() || family.isEmpty()) { rejected.add(new Roster.Rejection(where, texts.text(Words.NO_NAME, "id", id), id)); continue; }
      if (year.isEmpty()) { rejected.add(new Roster.Rejection(where, texts.text(Words.NO_YEAR, "id", id), id)); continue; }
      String preferred = col.containsKey("preferred") ? row.get(col.get("preferred")) : "";
      Roster.Person learner = new Roster.Person(id, UserKind.LEARNER, given, family, preferred.isEmpty() ? null : preferred, null, null, false, where);
      String yearId = RosterLimits.derivedId("year:", year.toLowerCase(Locale.ROOT));
      Roster.Group yearGroup = new Roster.Group(yearId, SpaceKind.YEAR_GROUP, "Year " + year, null, false, where);
      String classId = RosterLimits.derivedId("class:", cls.toLowerCase(Locale.ROOT));
      Roster.Group classGroup = cls.isEmpty() ? null : new Roster.Group(classId, SpaceKind.CLASS, "Class " + cls, yearId, false, where);
      // A record the school's database could not keep is rejected here, with its line, rather than failing the whole import.
      String tooBig = RosterLimits.problem(learner, texts);
      if (tooBig == null) tooBig = RosterLimits.problem(yearGroup, texts);
      if (tooBig == null && classGroup != null) tooBig = RosterLimits.problem(classGroup, texts);
      if (tooBig != null) {
        rejected.add(new Roster.Rejection(where, texts.text(Words.TOO_LONG, "problem", tooBig)));
        continue;
      }
      people.add(learner);
      groups.putIfAbsent(yearId, yearGroup);
      enrolments.add(new Roster.Enrolment(yearId, id, Role.MEMBER, false, where));
      if (classGroup != null) {
        groups.putIfAbsent(classId, classGroup);
        enrolments.add(new Roster.Enrolment(classId, id, Role.MEMBER, false, where));
      }
      String email = col.containsKey("parentEmail") ? row.get(col.get("parentEmail")).toLowerCase(Locale.ROOT) : "";
      if (!email.isEmpty()) {
        if (!EMAIL.matcher(email).matches()) {
          rejected.add(new Roster.Rejection(where, texts.text(Words.BAD_PARENT_EMAIL, "email", email)));
        } else {
          String parentId = RosterLimits.derivedId("parent:", email);
          String parentName = col.containsKey("parentName") ? row.get(col.get("parentName")) : "";
          String[] names = splitName(parentName.isEmpty() ? "Parent of " + given : parentName, family);
          Roster.Person parent = new Roster.Person(parentId, UserKind.PARENT, names[0], names[1], null, email, null, false, where);
          String parentTooBig = RosterLimits.problem(parent, texts);
          if (parentTooBig != null) {
            rejected.add(new Roster.Rejection(where, texts.text(Words.PARENT_TOO_LONG, "problem", parentTooBig)));
            continue;
          }
          parents.putIfAbsent(parentId, parent);
          links.add(new Roster.ParentLink(parentId, id, where));
        }
      }
    }
    people.addAll(parents.values());
    return new Roster((Roster.Scope) null, people, new ArrayList<>(groups.values()), enrolments, links, rejected);
  }

  static String normaliseYear(String raw) {
    String y = raw.trim();
    if (y.toLowerCase(Locale.ROOT).startsWith("year")) y = y.substring(4).trim();
    if (y.toLowerCase(Locale.ROOT).startsWith("y") && y.length() > 1 && Character.isDigit(y.charAt(1))) y = y.substring(1);
    return y;
  }

  private static String[] splitName(String full, String fallbackFamily) {
    String t = full.trim();
    int space = t.lastIndexOf(' ');
    return space > 0 ? new String[] {t.substring(0, space), t.substring(space + 1)} : new String[] {t, fallbackFamily};
  }
}
