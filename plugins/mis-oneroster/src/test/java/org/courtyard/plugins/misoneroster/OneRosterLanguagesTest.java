package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.testkit.BundleCheck;
import org.courtyard.testkit.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer's problems come from its messages, in English and in Welsh, for the ICT leader reading
 * them; OneRoster's own file, column and value names stay as the standard spells them.
 */
class OneRosterLanguagesTest {
  @TempDir Path tmp;

  private static String rejection(Roster r, String where) {
    return r.rejected().stream().filter(x -> x.where().equals(where)).map(Roster.Rejection::reason).findFirst()
        .orElseThrow(() -> new AssertionError("nothing rejected at " + where + ": " + r.rejected()));
  }

  private RosterException refusal(Map<String, byte[]> files, String language) throws Exception {
    Path zip = tmp.resolve("export.zip");
    Files.write(zip, OneRosterZips.zip(files));
    return assertThrows(RosterException.class, () -> new OneRosterImporter().parse(zip, "export.zip", TestTexts.of("mis-oneroster", language)));
  }

  @Test
  void everyWordIsInEnglishAndWelsh() {
    BundleCheck.assertComplete("mis-oneroster", "cy");
  }

  @Test
  void aBadExportsRowsAreRejectedInEnglishAsBefore() throws Exception {
    Roster r = new OneRosterImporter().parse(OneRosterZips.sample("v1.1-bulk"), "v1.1-bulk", TestTexts.english("mis-oneroster"));
    assertEquals("User usr-9001 has the role 'caretaker', which Courtyard does not know (student, teacher, aide, administrator, guardian, parent, relative…).",
        rejection(r, "users.csv line 10"));
    assertEquals("The user stu-9999 is not in users.csv; they were not enrolled in cls-5m.", rejection(r, "enrollments.csv line 12"));
    assertEquals("The class cls-gone is not in classes.csv; stu-1004 was not enrolled.", rejection(r, "enrollments.csv line 13"));
    assertEquals("OneRoster CSV (1.1 or 1.2, zip)", new OneRosterImporter().title(TestTexts.english("mis-oneroster")));
  }

  @Test
  void aBadExportsRowsAreRejectedInWelsh() throws Exception {
    Roster r = new OneRosterImporter().parse(OneRosterZips.sample("v1.1-bulk"), "v1.1-bulk", TestTexts.of("mis-oneroster", "cy"));
    assertEquals("Mae gan y defnyddiwr usr-9001 y rôl 'caretaker', nad yw Courtyard yn ei hadnabod (student, teacher, aide, administrator, guardian, parent, relative…).",
        rejection(r, "users.csv llinell 10"));
    assertEquals("Nid yw'r defnyddiwr stu-9999 yn users.csv; ni chafodd ei gofrestru yn cls-5m.", rejection(r, "enrollments.csv llinell 12"));
    assertEquals("Nid yw'r dosbarth cls-gone yn classes.csv; ni chafodd stu-1004 ei gofrestru.", rejection(r, "enrollments.csv llinell 13"));
    assertEquals("OneRoster CSV (1.1 neu 1.2, zip)", new OneRosterImporter().title(TestTexts.of("mis-oneroster", "cy")));
  }

  @Test
  void anExportThatCannotBeReadIsRefusedInTheLeadersLanguage() throws Exception {
    Map<String, byte[]> bulk = OneRosterZips.files("v1.1-bulk");
    String manifest = new String(bulk.get("manifest.csv"), StandardCharsets.UTF_8);
    Map<String, byte[]> mixed = OneRosterZips.with(bulk, "manifest.csv", manifest.replace("file.enrollments,bulk", "file.enrollments,delta").getBytes(StandardCharsets.UTF_8));
    assertEquals("manifest.csv mixes bulk and delta files (users.csv bulk, classes.csv bulk, enrollments.csv delta). "
        + "Courtyard imports either a full (bulk) export or a delta; export them the same way.", refusal(mixed, "en").getMessage());
    assertEquals("Mae manifest.csv yn cymysgu ffeiliau bulk a delta (users.csv bulk, classes.csv bulk, enrollments.csv delta). "
        + "Mae Courtyard yn mewnforio naill ai allforiad llawn (bulk) neu delta; allforiwch nhw i gyd yr un ffordd.", refusal(mixed, "cy").getMessage());

    Map<String, byte[]> noUsers = OneRosterZips.with(bulk, "users.csv", null);
    assertEquals("manifest.csv lists users.csv as bulk, but the export has no users.csv.", refusal(noUsers, "en").getMessage());
    assertEquals("Mae manifest.csv yn rhestru users.csv fel bulk, ond nid oes users.csv yn yr allforiad.", refusal(noUsers, "cy").getMessage());

    String users = new String(bulk.get("users.csv"), StandardCharsets.UTF_8);
    Map<String, byte[]> noColumn = OneRosterZips.with(bulk, "users.csv", users.replaceFirst("familyName", "surname").getBytes(StandardCharsets.UTF_8));
    assertEquals("users.csv has no column familyName. Its first line must name the OneRoster 1.1 columns, e.g. sourcedId, givenName, familyName.",
        refusal(noColumn, "en").getMessage());
    assertEquals("Nid oes colofn familyName yn users.csv. Rhaid i'w llinell gyntaf enwi colofnau OneRoster 1.1, e.e. sourcedId, givenName, familyName.",
        refusal(noColumn, "cy").getMessage());

    Map<String, byte[]> latin1 = OneRosterZips.with(bulk, "users.csv", users.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Nid yw users.csv yn destun UTF-8. Cadwch ef o'r daenlen fel \"CSV UTF-8\" a rhowch gynnig arall arni.", refusal(latin1, "cy").getMessage());

    Map<String, byte[]> outside = OneRosterZips.with(bulk, "../users.csv", new byte[] {1});
    assertEquals("The zip contains a path outside its folder (../users.csv), so it was refused.", refusal(outside, "en").getMessage());
    assertEquals("Mae'r ffeil zip yn cynnwys llwybr y tu allan i'w ffolder (../users.csv), felly cafodd ei gwrthod.", refusal(outside, "cy").getMessage());

    Map<String, byte[]> noManifest = OneRosterZips.with(bulk, "manifest.csv", null);
    assertEquals("Nid oes manifest.csv yn export.zip, felly nid yw'n allforiad OneRoster CSV. Allforiwch y ffeil eto o'r MIS fel OneRoster 1.1 neu 1.2 CSV "
        + "(zip â manifest.csv, users.csv, classes.csv, enrollments.csv…).", refusal(noManifest, "cy").getMessage());

    Path notZip = tmp.resolve("users.csv");
    Files.write(notZip, bulk.get("users.csv"));
    assertEquals("Nid yw users.csv yn ffeil zip. Llwythwch allforiad OneRoster i fyny fel un ffeil zip sy'n cynnwys manifest.csv, users.csv, classes.csv, "
        + "enrollments.csv a'r gweddill.",
        assertThrows(RosterException.class, () -> new OneRosterImporter().parse(notZip, "users.csv", TestTexts.of("mis-oneroster", "cy"))).getMessage());
  }
}
