package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's problems come from its messages, in English and in Welsh, for the ICT leader reading them. */
class CtfLanguagesTest {
  @TempDir Path tmp;

  static final String GOOD_UPN = Upn.checkLetter("820200115001") + "820200115001";

  /** Pupil 1: a wrong check letter; 2: no forename; 3: a date of birth that is not one; 4: a contact with neither name nor e-mail. */
  static final String BAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><CTFpupilData>"
      + "<Pupil><UPN>B820200115004</UPN><Surname>Wrong</Surname><Forename>Wil</Forename></Pupil>"
      + "<Pupil><UPN>" + GOOD_UPN + "</UPN><Surname>Nameless</Surname></Pupil>"
      + "<Pupil><UPN>" + GOOD_UPN + "</UPN><Surname>Green</Surname><Forename>Tom</Forename><DOB>yesterday</DOB>"
      + "<Contacts><Contact><Relationship>MUM</Relationship><Responsibility>true</Responsibility></Contact></Contacts></Pupil>"
      + "</CTFpupilData></CTfile>";

  private Path file(String text) throws Exception {
    Path f = tmp.resolve("pupils.xml");
    Files.writeString(f, text);
    return f;
  }

  private static String rejection(Roster r, String where) {
    return r.rejected().stream().filter(x -> x.where().equals(where)).map(Roster.Rejection::reason).findFirst()
        .orElseThrow(() -> new AssertionError("nothing rejected at " + where + ": " + r.rejected()));
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-ctf", "cy");
  }

  @Test
  void aBadFilesRecordsAreRejectedInEnglishAsBefore() throws Exception {
    Roster r = new CtfImporter().parse(file(BAD), "pupils.xml", TestTexts.english("mis-ctf"));
    assertEquals("The pupil has a UPN 'B820200115004' whose check letter should be P.", rejection(r, "<Pupil> number 1 (Wil Wrong)"));
    assertEquals("Pupil " + GOOD_UPN + " has no surname or forename.", rejection(r, "<Pupil> number 2"));
    assertEquals("Pupil " + GOOD_UPN + " has a date of birth 'yesterday' that is not a date; imported without it.", rejection(r, "<Pupil> number 3"));
    assertEquals("A contact of " + GOOD_UPN + " with parental responsibility has neither a name nor an e-mail.",
        rejection(r, "<Pupil> number 3 <Contact> number 1"));
    assertEquals("Common Transfer File (CTF)", new CtfImporter().title(TestTexts.english("mis-ctf")));
  }

  @Test
  void aBadFilesRecordsAreRejectedInWelsh() throws Exception {
    Roster r = new CtfImporter().parse(file(BAD), "pupils.xml", TestTexts.of("mis-ctf", "cy"));
    assertEquals("Mae gan y disgybl UPN 'B820200115004', ond P ddylai ei lythyren wirio fod.", rejection(r, "<Pupil> rhif 1 (Wil Wrong)"));
    assertEquals("Nid oes cyfenw nac enw cyntaf gan y disgybl " + GOOD_UPN + ".", rejection(r, "<Pupil> rhif 2"));
    assertEquals("Nid yw dyddiad geni'r disgybl " + GOOD_UPN + ", 'yesterday', yn ddyddiad; cafodd y disgybl ei fewnforio hebddo.", rejection(r, "<Pupil> rhif 3"));
    assertEquals("Nid oes enw nac e-bost gan un o gysylltiadau " + GOOD_UPN + " sydd â chyfrifoldeb rhiant.", rejection(r, "<Pupil> rhif 3 <Contact> rhif 1"));
    assertEquals("Ffeil Trosglwyddo Gyffredin (CTF)", new CtfImporter().title(TestTexts.of("mis-ctf", "cy")));
  }

  @Test
  void aFileThatCannotBeReadIsRefusedInTheLeadersLanguage() throws Exception {
    CtfImporter ctf = new CtfImporter();
    Path doctype = file("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><CTfile/>");
    assertEquals("The file declares a DOCTYPE, which is not allowed (it can hide external entities or an entity bomb). Make the file again where it came from (export it again from the MIS or the other system).",
        assertThrows(RosterException.class, () -> ctf.parse(doctype, "x.xml", TestTexts.english("mis-ctf"))).getMessage());
    assertEquals("Mae'r ffeil yn datgan DOCTYPE, ac nid yw hynny'n cael ei ganiatáu (gall guddio endidau allanol neu fom endidau). Gwnewch y ffeil eto lle daeth hi (allforiwch hi eto o'r MIS neu'r system arall).",
        assertThrows(RosterException.class, () -> ctf.parse(doctype, "x.xml", TestTexts.of("mis-ctf", "cy"))).getMessage());

    Path broken = file("<?xml version=\"1.0\"?>\n<CTfile><CTFpupilData>\n</CTfile>");
    assertTrue(assertThrows(RosterException.class, () -> ctf.parse(broken, "x.xml", TestTexts.english("mis-ctf"))).getMessage()
        .startsWith("The file is not well-formed XML (line 3): "));
    assertTrue(assertThrows(RosterException.class, () -> ctf.parse(broken, "x.xml", TestTexts.of("mis-ctf", "cy"))).getMessage()
        .startsWith("Nid yw'r ffeil yn XML cywir (llinell 3): "));

    Path note = file("<?xml version=\"1.0\"?><note>hi</note>");
    assertEquals("x.xml is XML but not a Common Transfer File (its root element is <note>, not <CTfile>).",
        assertThrows(RosterException.class, () -> ctf.parse(note, "x.xml", TestTexts.english("mis-ctf"))).getMessage());
    assertEquals("Mae x.xml yn XML, ond nid yw'n Ffeil Trosglwyddo Gyffredin (ei helfen wraidd yw <note>, nid <CTfile>).",
        assertThrows(RosterException.class, () -> ctf.parse(note, "x.xml", TestTexts.of("mis-ctf", "cy"))).getMessage());

    Path deep = file("<?xml version=\"1.0\"?>" + "<a>".repeat(600) + "</a>".repeat(600));
    assertEquals("Mae'r ffeil yn nythu ei helfennau yn ddyfnach na 500, nad yw unrhyw allforio go iawn yn ei wneud, felly cafodd ei gwrthod.",
        assertThrows(RosterException.class, () -> ctf.parse(deep, "x.xml", TestTexts.of("mis-ctf", "cy"))).getMessage());

    Path empty = file("<?xml version=\"1.0\"?><CTfile><CTFpupilData/></CTfile>");
    assertEquals("Nid oes disgyblion yn adran <CTFpupilData> y ffeil x.xml.",
        assertThrows(RosterException.class, () -> ctf.parse(empty, "x.xml", TestTexts.of("mis-ctf", "cy"))).getMessage());
  }
}
