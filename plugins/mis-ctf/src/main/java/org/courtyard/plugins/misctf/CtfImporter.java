package org.courtyard.plugins.misctf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterImporter;
import org.courtyard.api.roster.RosterLimits;
import org.courtyard.api.roster.SafeXml;
import org.pf4j.Extension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The DfE Common Transfer File. Reads only what a learning platform needs — UPN, names, date of
 * birth, NC year, registration group, and contacts with parental responsibility — and never looks
 * at the rest (SEN, ethnicity, free school meals, looked-after status, attendance, assessments).
 * A CTF usually carries some pupils (a transfer), so it is imported as a change list: pupils missing
 * from it are left alone. Only a file whose header says {@code <DocumentQualifier>full</DocumentQualifier>}
 * is taken as the whole school, where a missing pupil has left.
 */
@Extension
public final class CtfImporter implements RosterImporter {
  @Override public String format() { return "ctf"; }

  @Override public String title() { return "Common Transfer File (CTF)"; }

  @Override public String accepts() { return ".xml"; }

  @Override
  public Roster parse(Path file, String name) throws RosterException {
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = SafeXml.parse(in);
    } catch (IOException e) {
      throw new RosterException(name + " could not be read: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!"CTfile".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
      throw new RosterException(name + " is XML but not a Common Transfer File (its root element is <" + root.getNodeName() + ">, not <CTfile>).");
    }
    Element header = child(root, "Header");
    boolean complete = header != null && "full".equalsIgnoreCase(text(header, "DocumentQualifier"));
    Element data = child(root, "CTFpupilData");
    if (data == null) throw new RosterException(name + " has no <CTFpupilData> section, so there are no pupils to import.");

    List<Roster.Person> people = new ArrayList<>();
    Map<String, Roster.Group> groups = new LinkedHashMap<>();
    List<Roster.Enrolment> enrolments = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();
    Map<String, Roster.Person> parents = new LinkedHashMap<>();
    List<Roster.Rejection> rejected = new ArrayList<>();
    int n = 0;
    List<Element> pupils = children(data, "Pupil");
    RosterLimits.checkCount(name, pupils.size(), RosterLimits.MAX_PEOPLE, "pupils");
    for (Element pupil : pupils) {
      n++;
      String where = "<Pupil> number " + n;
      String upn = text(pupil, "UPN");
      String surname = text(pupil, "Surname");
      String forename = text(pupil, "Forename");
      String label = (forename + " " + surname).trim();
      String problem = Upn.problem(upn);
      if (problem != null) {
        rejected.add(new Roster.Rejection(where + (label.isEmpty() ? "" : " (" + label + ")"), "The pupil " + problem + "."));
        continue;
      }
      if (surname.isEmpty() || forename.isEmpty()) {
        rejected.add(new Roster.Rejection(where, "Pupil " + upn + " has no surname or forename.", upn));
        continue;
      }
      Element basic = child(pupil, "BasicDetails");
      String preferred = firstNonEmpty(text(pupil, "PreferredForename"), basic == null ? "" : text(basic, "PreferredForename"));
      String preferredSurname = firstNonEmpty(text(pupil, "PreferredSurname"), basic == null ? "" : text(basic, "PreferredSurname"));
      LocalDate dob = null;
      String dobText = text(pupil, "DOB");
      if (!dobText.isEmpty()) {
        try {
          dob = LocalDate.parse(dobText);
        } catch (DateTimeParseException e) {
          rejected.add(new Roster.Rejection(where, "Pupil " + upn + " has a date of birth '" + dobText + "' that is not a date; imported without it."));
        }
      }
      Roster.Person learner = new Roster.Person(upn, UserKind.LEARNER, forename, preferredSurname.isEmpty() ? surname : preferredSurname,
          preferred.isEmpty() ? null : preferred, null, dob, false, where);
      String year = deep(pupil, "NCyearActual");
      String yearId = RosterLimits.derivedId("year:", year.toLowerCase(Locale.ROOT));
      Roster.Group yearGroup = year.isEmpty() ? null : new Roster.Group(yearId, SpaceKind.YEAR_GROUP, yearName(year), null, false, where);
      String reg = firstNonEmpty(deep(pupil, "RegGroup"), deep(pupil, "RegistrationGroup"));
      String classId = RosterLimits.derivedId("class:", reg.toLowerCase(Locale.ROOT));
      Roster.Group classGroup = year.isEmpty() || reg.isEmpty() ? null : new Roster.Group(classId, SpaceKind.CLASS, "Class " + reg, yearId, false, where);
      // A record the school's database could not keep is rejected here, rather than failing the whole import.
      String tooBig = RosterLimits.problem(learner);
      if (tooBig == null && yearGroup != null) tooBig = RosterLimits.problem(yearGroup);
      if (tooBig == null && classGroup != null) tooBig = RosterLimits.problem(classGroup);
      if (tooBig != null) {
        rejected.add(new Roster.Rejection(where, "Pupil " + upn + ": " + tooBig + " The pupil was not imported."));
        continue;
      }
      people.add(learner);
      if (yearGroup != null) {
        groups.putIfAbsent(yearId, yearGroup);
        enrolments.add(new Roster.Enrolment(yearId, upn, Role.MEMBER, false, where));
        if (classGroup != null) {
          groups.putIfAbsent(classId, classGroup);
          enrolments.add(new Roster.Enrolment(classId, upn, Role.MEMBER, false, where));
        }
      }
      Element contacts = child(pupil, "Contacts");
      if (contacts == null) continue;
      int c = 0;
      for (Element contact : children(contacts, "Contact")) {
        c++;
        String cw = where + " <Contact> number " + c;
        if (!"true".equalsIgnoreCase(text(contact, "Responsibility")) && !"1".equals(text(contact, "Responsibility"))) continue;
        // A social worker, doctor or childminder may hold responsibility; an account for them would reveal a child's care status.
        if (Set.of("SWR", "DOC", "CHM").contains(text(contact, "Relationship").toUpperCase(Locale.ROOT))) continue;
        String cSurname = text(contact, "Surname");
        String cForename = text(contact, "Forename");
        String email = firstNonEmpty(deep(contact, "EmailAddress"), text(contact, "Email")).toLowerCase(Locale.ROOT);
        if (cSurname.isEmpty() && email.isEmpty()) {
          rejected.add(new Roster.Rejection(cw, "A contact of " + upn + " with parental responsibility has neither a name nor an e-mail."));
          continue;
        }
        String postcode = deep(contact, "PostCode").replace(" ", "").toLowerCase(Locale.ROOT);
        // One account per parent: by e-mail; else by name and postcode; else by name and this child.
        String parentId = !email.isEmpty() ? RosterLimits.derivedId("parent:", email)
            : RosterLimits.derivedId("parent:", (cForename + " " + cSurname).toLowerCase(Locale.ROOT).trim() + ":" + (postcode.isEmpty() ? upn : postcode));
        Roster.Person parent = new Roster.Person(parentId, UserKind.PARENT, cForename.isEmpty() ? "Parent" : cForename,
            cSurname.isEmpty() ? surname : cSurname, null, email.isEmpty() ? null : email, null, false, cw);
        String parentTooBig = RosterLimits.problem(parent);
        if (parentTooBig != null) {
          rejected.add(new Roster.Rejection(cw, "A contact of " + upn + ": " + parentTooBig + " The contact was not imported."));
          continue;
        }
        parents.putIfAbsent(parentId, parent);
        links.add(new Roster.ParentLink(parentId, upn, cw));
      }
    }
    if (n == 0) throw new RosterException(name + " has no pupils in its <CTFpupilData> section.");
    people.addAll(parents.values());
    return new Roster(complete ? Roster.Scope.WHOLE_SCHOOL : Roster.Scope.CHANGES, people, new ArrayList<>(groups.values()), enrolments, links, rejected);
  }

  static String yearName(String ncYear) {
    return switch (ncYear.toUpperCase(Locale.ROOT)) {
      case "R" -> "Reception";
      case "N1", "N2" -> "Nursery";
      case "X" -> "No year group";
      default -> "Year " + ncYear;
    };
  }

  private static String firstNonEmpty(String a, String b) { return a.isEmpty() ? b : a; }

  private static String local(Node n) { return n.getLocalName() == null ? n.getNodeName() : n.getLocalName(); }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local(e).equals(name)) return e;
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local(e).equals(name)) out.add(e);
    }
    return out;
  }

  /** Text of a direct child element. */
  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }

  /** Text of the first element of that name anywhere below (CTF versions nest some fields differently). */
  private static String deep(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS("*", name);
    if (list.getLength() == 0) list = parent.getElementsByTagName(name);
    return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
  }
}
