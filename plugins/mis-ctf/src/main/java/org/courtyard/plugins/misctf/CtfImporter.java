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
import org.courtyard.api.i18n.Texts;
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
 * Its problems are written in the ICT leader's language (messages/mis-ctf*.properties); the names it
 * gives year groups and classes ("Reception", "Year 2", "Class 2G") and a parent without a forename
 * ("Parent") are the school's data, the same whoever imports. The CTF's element names
 * ({@code <Pupil>}, {@code <CTFpupilData>}) are the DfE format's and stay as they are in every language.
 */
@Extension
public final class CtfImporter implements RosterImporter {
  @Override public String format() { return "ctf"; }

  @Override public String title() { return "Common Transfer File (CTF)"; }

  @Override public String title(Texts texts) { return texts.text(Words.TITLE); }

  @Override public String accepts() { return ".xml"; }

  @Override
  public Roster parse(Path file, String name, Texts texts) throws RosterException {
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = SafeXml.parse(in, texts);
    } catch (IOException e) {
      throw new RosterException(texts.text(Words.UNREADABLE, "file", name, "problem", String.valueOf(e.getMessage())), e);
    }
    Element root = doc.getDocumentElement();
    if (!"CTfile".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
      throw new RosterException(texts.text(Words.NOT_CTF, "file", name, "root", root.getNodeName()));
    }
    Element header = child(root, "Header");
    boolean complete = header != null && "full".equalsIgnoreCase(text(header, "DocumentQualifier"));
    Element data = child(root, "CTFpupilData");
    if (data == null) throw new RosterException(texts.text(Words.NO_PUPIL_DATA, "file", name));

    List<Roster.Person> people = new ArrayList<>();
    Map<String, Roster.Group> groups = new LinkedHashMap<>();
    List<Roster.Enrolment> enrolments = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();
    Map<String, Roster.Person> parents = new LinkedHashMap<>();
    List<Roster.Rejection> rejected = new ArrayList<>();
    int n = 0;
    List<Element> pupils = children(data, "Pupil");
    RosterLimits.checkCount(name, pupils.size(), RosterLimits.MAX_PEOPLE, texts.text(Words.PUPILS), texts);
    for (Element pupil : pupils) {
      n++;
      String where = texts.text(Words.WHERE_PUPIL, "pupil", String.valueOf(n));
      String upn = text(pupil, "UPN");
      String surname = text(pupil, "Surname");
      String forename = text(pupil, "Forename");
      String label = (forename + " " + surname).trim();
      String problem = Upn.problem(upn, texts);
      if (problem != null) {
        rejected.add(new Roster.Rejection(label.isEmpty() ? where : texts.text(Words.WHERE_PUPIL_NAMED, "pupil", String.valueOf(n), "name", label), problem));
        continue;
      }
      if (surname.isEmpty() || forename.isEmpty()) {
        rejected.add(new Roster.Rejection(where, texts.text(Words.NO_NAME, "upn", upn), upn));
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
          rejected.add(new Roster.Rejection(where, texts.text(Words.BAD_DOB, "upn", upn, "dob", dobText)));
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
      String tooBig = RosterLimits.problem(learner, texts);
      if (tooBig == null && yearGroup != null) tooBig = RosterLimits.problem(yearGroup, texts);
      if (tooBig == null && classGroup != null) tooBig = RosterLimits.problem(classGroup, texts);
      if (tooBig != null) {
        rejected.add(new Roster.Rejection(where, texts.text(Words.PUPIL_TOO_LONG, "upn", upn, "problem", tooBig)));
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
        String cw = texts.text(Words.WHERE_CONTACT, "pupil", String.valueOf(n), "contact", String.valueOf(c));
        if (!"true".equalsIgnoreCase(text(contact, "Responsibility")) && !"1".equals(text(contact, "Responsibility"))) continue;
        // A social worker, doctor or childminder may hold responsibility; an account for them would reveal a child's care status.
        if (Set.of("SWR", "DOC", "CHM").contains(text(contact, "Relationship").toUpperCase(Locale.ROOT))) continue;
        String cSurname = text(contact, "Surname");
        String cForename = text(contact, "Forename");
        String email = firstNonEmpty(deep(contact, "EmailAddress"), text(contact, "Email")).toLowerCase(Locale.ROOT);
        if (cSurname.isEmpty() && email.isEmpty()) {
          rejected.add(new Roster.Rejection(cw, texts.text(Words.CONTACT_NO_NAME_OR_EMAIL, "upn", upn)));
          continue;
        }
        String postcode = deep(contact, "PostCode").replace(" ", "").toLowerCase(Locale.ROOT);
        // One account per parent: by e-mail; else by name and postcode; else by name and this child.
        String parentId = !email.isEmpty() ? RosterLimits.derivedId("parent:", email)
            : RosterLimits.derivedId("parent:", (cForename + " " + cSurname).toLowerCase(Locale.ROOT).trim() + ":" + (postcode.isEmpty() ? upn : postcode));
        Roster.Person parent = new Roster.Person(parentId, UserKind.PARENT, cForename.isEmpty() ? "Parent" : cForename,
            cSurname.isEmpty() ? surname : cSurname, null, email.isEmpty() ? null : email, null, false, cw);
        String parentTooBig = RosterLimits.problem(parent, texts);
        if (parentTooBig != null) {
          rejected.add(new Roster.Rejection(cw, texts.text(Words.CONTACT_TOO_LONG, "upn", upn, "problem", parentTooBig)));
          continue;
        }
        parents.putIfAbsent(parentId, parent);
        links.add(new Roster.ParentLink(parentId, upn, cw));
      }
    }
    if (n == 0) throw new RosterException(texts.text(Words.NO_PUPILS, "file", name));
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
