package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.RosterException;
import org.courtyard.testkit.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser on its own: folders, zipped folders, zip bombs, and what a delta says. */
class OneRosterImporterTest {
  static final Texts EN = TestTexts.english("mis-oneroster");

  @TempDir Path tmp;

  private Roster parseZip(OneRosterImporter importer, byte[] zip) throws Exception {
    Path file = tmp.resolve("export.zip");
    Files.write(file, zip);
    return importer.parse(file, "export.zip", EN);
  }

  @Test
  void aFolderAndTheSameFilesZippedReadTheSame() throws Exception {
    OneRosterImporter importer = new OneRosterImporter();
    Roster fromFolder = importer.parse(OneRosterZips.sample("v1.1-bulk"), "v1.1-bulk", EN);
    Roster fromZip = parseZip(importer, OneRosterZips.zip("v1.1-bulk"));
    assertEquals(fromFolder.toString().replace("v1.1-bulk", ""), fromZip.toString().replace("export.zip", ""));
    assertTrue(fromFolder.declared() == Roster.Scope.WHOLE_SCHOOL, "manifest: bulk");
    assertEquals(8, fromFolder.people().size());
    assertEquals(3, fromFolder.rejected().size(), fromFolder.rejected().toString());
  }

  @Test
  void aZippedFolderIsFoundAndTheTemporaryFilesAreDeleted() throws Exception {
    Map<String, byte[]> nested = new LinkedHashMap<>();
    nested.put("__MACOSX/._manifest.csv", new byte[] {0, 1});
    OneRosterZips.files("v1.2-bulk").forEach((k, v) -> nested.put("OneRoster_2025-11-02/" + k, v));
    long before = tempFolders();
    Roster r = parseZip(new OneRosterImporter(), OneRosterZips.zip(nested));
    assertTrue(r.declared() == Roster.Scope.WHOLE_SCHOOL);
    assertEquals(UserKind.STAFF, r.people().stream().filter(p -> p.externalId().equals("tch-3001")).findFirst().orElseThrow().kind());
    assertEquals(before, tempFolders(), "the unpacked copy is deleted");
  }

  private static long tempFolders() throws Exception {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("courtyard-oneroster")).count();
    }
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    // 4 MB of zeros compress to a few KB; the limit here is 1 MB (512 MB in use).
    byte[] zeros = new byte[4 * 1024 * 1024];
    Map<String, byte[]> files = OneRosterZips.with(OneRosterZips.files("v1.1-bulk"), "users.csv", zeros);
    byte[] zip = OneRosterZips.zip(files);
    assertTrue(zip.length < 64 * 1024, "a small zip: " + zip.length);
    RosterException e = assertThrows(RosterException.class, () -> parseZip(new OneRosterImporter(1024 * 1024, 100), zip));
    assertTrue(e.getMessage().contains("unpacks to more than 1 MB"), e.getMessage());

    Map<String, byte[]> many = new LinkedHashMap<>(OneRosterZips.files("v1.1-bulk"));
    for (int i = 0; i < 200; i++) many.put("x" + i + ".csv", new byte[0]);
    RosterException tooMany = assertThrows(RosterException.class, () -> parseZip(new OneRosterImporter(), OneRosterZips.zip(many)));
    assertTrue(tooMany.getMessage().contains("more than 100 files"), tooMany.getMessage());
  }

  @Test
  void aDeltaIsIncompleteAndMarksLeaversAndRemovedEnrollments() throws Exception {
    Roster r = new OneRosterImporter().parse(OneRosterZips.sample("v1.1-delta"), "delta", EN);
    assertTrue(r.declared() == Roster.Scope.CHANGES, "manifest: delta");
    Roster.Person dev = r.people().stream().filter(p -> p.externalId().equals("stu-1004")).findFirst().orElseThrow();
    assertTrue(dev.leaving(), "status=tobedeleted");
    assertTrue(r.enrolments().stream().anyMatch(e -> e.personExternalId().equals("stu-1004") && e.groupExternalId().equals("cls-choir") && e.leaving()));
    assertTrue(r.enrolments().stream().anyMatch(e -> e.personExternalId().equals("stu-1005") && e.groupExternalId().equals("cls-5m")
        && e.role() == Role.MEMBER && !e.leaving() && e.where().equals("enrollments.csv line 2")));
    assertTrue(r.parentLinks().stream().anyMatch(l -> l.parentExternalId().equals("gdn-2001") && l.childExternalId().equals("stu-1005")),
        "a guardian from an earlier import, named in a delta student's agentSourcedIds");
    assertTrue(r.rejected().isEmpty(), r.rejected().toString());
  }

  @Test
  void aVersion12ExportWithoutRolesIsRefused() throws Exception {
    Path dir = tmp.resolve("v12");
    OneRosterZips.copyFolder("v1.2-bulk", dir);
    Files.delete(dir.resolve("roles.csv"));
    RosterException e = assertThrows(RosterException.class, () -> new OneRosterImporter().parse(dir, "v12", EN));
    assertTrue(e.getMessage().contains("lists roles.csv as bulk, but the export has no roles.csv"), e.getMessage());
    Files.writeString(dir.resolve("manifest.csv"), Files.readString(dir.resolve("manifest.csv")).replace("file.roles,bulk", "file.roles,absent"));
    e = assertThrows(RosterException.class, () -> new OneRosterImporter().parse(dir, "v12", EN));
    assertTrue(e.getMessage().contains("no roles.csv"), e.getMessage());
  }

  @Test
  void badStatusAndEnrollmentRolesAreRejectedByFileAndLine() throws Exception {
    Path dir = tmp.resolve("bad");
    OneRosterZips.copyFolder("v1.1-bulk", dir);
    Path enr = dir.resolve("enrollments.csv");
    Files.writeString(enr, Files.readString(enr) + "enr-20,,,cls-5m,org-oak,gdn-2001,guardian,false,,\nenr-21,archived,,cls-5m,org-oak,stu-1001,student,false,,\n",
        StandardCharsets.UTF_8);
    Roster r = new OneRosterImporter().parse(dir, "bad", EN);
    assertTrue(r.rejected().stream().anyMatch(x -> x.where().equals("enrollments.csv line 14") && x.reason().contains("'guardian' is not imported")), r.rejected().toString());
    assertTrue(r.rejected().stream().anyMatch(x -> x.where().equals("enrollments.csv line 15") && x.reason().contains("Unknown status 'archived'")), r.rejected().toString());
  }
}
