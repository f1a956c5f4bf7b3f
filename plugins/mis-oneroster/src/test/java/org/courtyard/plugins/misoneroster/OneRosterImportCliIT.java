package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `courtyard import --format oneroster` as an ICT leader runs it: a separate JVM, real Derby files, the plugin jar in plugins/. */
class OneRosterImportCliIT {
  @TempDir Path home;

  private CommandLine.Result courtyard(String... args) { return new CommandLine(home).run(args); }

  private void school() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    CommandLine.Result admin = courtyard("admin", "create", "--school-name", "Oakfield Primary", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password");
    assertEquals(0, admin.exit(), admin.output());
  }

  @Test
  void aFolderExportPreviewsThenApplies() throws Exception {
    school();
    Path folder = home.resolve("OneRoster_2025-09-01");
    OneRosterZips.copyFolder("v1.1-bulk", folder);

    CommandLine.Result preview = courtyard("import", "--format", "oneroster", folder.toString());
    Assumptions.assumeFalse(preview.output().contains("No file at"),
        "This core's `courtyard import` only takes a file (ImportCommand: Files.isRegularFile), so a folder cannot be imported from the command line yet: "
            + preview.output());
    assertEquals(0, preview.exit(), preview.output());
    assertTrue(preview.output().contains("This was a preview: nothing was changed"), preview.output());
    assertTrue(preview.output().contains("[users.csv line 10]"), "rejections name file and line: " + preview.output());

    CommandLine.Result applied = courtyard("import", "--format", "oneroster", folder.toString(), "--apply");
    assertEquals(0, applied.exit(), applied.output());
    assertTrue(applied.output().contains("Applying"), applied.output());
    assertTrue(applied.output().contains("8 new accounts"), applied.output());

    CommandLine.Result again = courtyard("import", "--format", "oneroster", folder.toString());
    assertTrue(again.output().contains(": 0 to add, 0 to update, 0 leavers"), again.output());
  }

  @Test
  void aZipExportPreviewsThenAppliesAndABadOneIsRefused() throws Exception {
    school();
    Path zip = home.resolve("oneroster.zip");
    Files.write(zip, OneRosterZips.zip("v1.1-bulk"));

    CommandLine.Result preview = courtyard("import", "--format", "oneroster", zip.toString());
    assertEquals(0, preview.exit(), preview.output());
    assertTrue(preview.output().contains("This was a preview: nothing was changed"), preview.output());
    assertTrue(preview.output().contains("[enrollments.csv line 12]"), preview.output());

    CommandLine.Result applied = courtyard("import", "--format", "oneroster", zip.toString(), "--apply");
    assertEquals(0, applied.exit(), applied.output());
    assertTrue(applied.output().contains("8 new accounts"), "4 students, 2 teachers, 2 guardians: " + applied.output());

    Path delta = home.resolve("delta.zip");
    Files.write(delta, OneRosterZips.zip("v1.1-delta"));
    CommandLine.Result deltaApplied = courtyard("import", "--format", "oneroster", delta.toString(), "--apply", "--yes");
    assertEquals(0, deltaApplied.exit(), deltaApplied.output());
    assertTrue(deltaApplied.output().contains("1 new accounts"), deltaApplied.output());
    assertTrue(deltaApplied.output().contains("leaver (1):") && deltaApplied.output().contains("stu-1004"), deltaApplied.output());

    Path bad = home.resolve("bad.zip");
    Files.write(bad, OneRosterZips.zip(OneRosterZips.with(OneRosterZips.files("v1.1-bulk"), "manifest.csv", null)));
    CommandLine.Result refused = courtyard("import", "--format", "oneroster", bad.toString(), "--apply");
    assertEquals(1, refused.exit());
    assertTrue(refused.output().contains("Refused: bad.zip has no manifest.csv") && refused.output().contains("Nothing was changed"), refused.output());
  }
}
