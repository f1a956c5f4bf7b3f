package org.courtyard.plugins.miscsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's problems come from its messages, in English and in Welsh, for the ICT leader reading them. */
class CsvLanguagesTest {
  @TempDir Path tmp;

  static final String BAD = String.join("\n",
      "id,given name,family name,year,class,parent email",
      ",Nameless,Child,4,4J,",
      "L2,Mia,,4,4J,",
      "L3,Noah,Jones,,4J,",
      "L4,Isla,Brown,3,3B,not-an-email",
      "L5," + "A".repeat(300) + ",Long,5,5S,",
      "");

  private Path file(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static String rejection(Roster r, String where) {
    return r.rejected().stream().filter(x -> x.where().equals(where)).map(Roster.Rejection::reason).findFirst()
        .orElseThrow(() -> new AssertionError("nothing rejected at " + where + ": " + r.rejected()));
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-csv", "cy");
  }

  @Test
  void aBadFilesRowsAreRejectedInEnglishAsBefore() throws Exception {
    Roster r = new CsvClassListImporter().parse(file("roll.csv", BAD), "roll.csv", TestTexts.english("mis-csv"));
    assertEquals("No id, so this learner cannot be matched next time.", rejection(r, "line 2"));
    assertEquals("Learner L2 has no given or family name.", rejection(r, "line 3"));
    assertEquals("Learner L3 has no year.", rejection(r, "line 4"));
    assertEquals("The parent e-mail 'not-an-email' is not an e-mail address; the learner is imported without a parent.", rejection(r, "line 5"));
    assertEquals("The name is longer than 200 characters. The learner was not imported.", rejection(r, "line 6"));
    assertEquals("Class lists (CSV)", new CsvClassListImporter().title(TestTexts.english("mis-csv")));
  }

  @Test
  void aBadFilesRowsAreRejectedInWelsh() throws Exception {
    Roster r = new CsvClassListImporter().parse(file("roll.csv", BAD), "roll.csv", TestTexts.of("mis-csv", "cy"));
    assertEquals("Dim id, felly ni fydd modd paru'r dysgwr hwn y tro nesaf.", rejection(r, "llinell 2"));
    assertEquals("Nid oes enw cyntaf na chyfenw gan y dysgwr L2.", rejection(r, "llinell 3"));
    assertEquals("Nid oes blwyddyn gan y dysgwr L3.", rejection(r, "llinell 4"));
    assertEquals("Nid yw e-bost y rhiant 'not-an-email' yn gyfeiriad e-bost; mae'r dysgwr yn cael ei fewnforio heb riant.", rejection(r, "llinell 5"));
    assertEquals("Mae'r enw yn hirach na 200 nod. Ni chafodd y dysgwr ei fewnforio.", rejection(r, "llinell 6"));
    assertEquals("Rhestrau dosbarth (CSV)", new CsvClassListImporter().title(TestTexts.of("mis-csv", "cy")));
  }

  @Test
  void aFileThatCannotBeReadIsRefusedInTheLeadersLanguage() throws Exception {
    CsvClassListImporter csv = new CsvClassListImporter();
    Path noHeader = file("roll.csv", "L9,Ann,Lee,3,3B\n");
    assertEquals("roll.csv has no column for id, given name, family name, year, class. The first line must name the columns, e.g. "
        + "id, given name, family name, year, class, parent email.",
        assertThrows(RosterException.class, () -> csv.parse(noHeader, "roll.csv", TestTexts.english("mis-csv"))).getMessage());
    assertTrue(assertThrows(RosterException.class, () -> csv.parse(noHeader, "roll.csv", TestTexts.of("mis-csv", "cy"))).getMessage()
        .startsWith("Nid oes colofn ar gyfer id, given name"));

    Path unclosed = file("open.csv", "id,given name,family name,year,class\nL9,\"Ann,Lee,3,3B\n");
    assertEquals("open.csv: a quoted field starting on line 2 is never closed.",
        assertThrows(RosterException.class, () -> csv.parse(unclosed, "open.csv", TestTexts.english("mis-csv"))).getMessage());
    assertEquals("open.csv: nid yw maes mewn dyfynodau sy'n dechrau ar linell 2 byth yn cael ei gau.",
        assertThrows(RosterException.class, () -> csv.parse(unclosed, "open.csv", TestTexts.of("mis-csv", "cy"))).getMessage());

    Path latin1 = tmp.resolve("latin1.csv");
    Files.write(latin1, "id,given name,family name,year,class\nL9,Zo\u00eb,Lee,3,3B\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Nid yw latin1.csv yn destun UTF-8. Cadwch ef o'r daenlen fel \"CSV UTF-8\" a rhowch gynnig arall arni.",
        assertThrows(RosterException.class, () -> csv.parse(latin1, "latin1.csv", TestTexts.of("mis-csv", "cy"))).getMessage());

    Path wide = file("wide.csv", "id,given name,family name,year,class\nL9,Ann,Lee,3,3B,extra\n");
    assertEquals("wide.csv, llinell 2: 6 maes, ond mae gan y pennawd 5.",
        assertThrows(RosterException.class, () -> csv.parse(wide, "wide.csv", TestTexts.of("mis-csv", "cy"))).getMessage());
    for (String empty : List.of("", "\n\n")) {
      Path blank = file("blank.csv", empty);
      assertEquals("Mae blank.csv yn wag.", assertThrows(RosterException.class, () -> csv.parse(blank, "blank.csv", TestTexts.of("mis-csv", "cy"))).getMessage());
    }
  }
}
