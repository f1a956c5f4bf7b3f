package org.courtyard.plugins.miscsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `courtyard import` as an ICT leader runs it: a separate JVM, real Derby files, the plugin jar in plugins/. */
class CsvImportCliIT {
  @TempDir Path home;

  private CommandLine.Result courtyard(String... args) { return new CommandLine(home).run(args); }

  @Test
  void previewThenApplyThenNothingToDo() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    CommandLine.Result admin = courtyard("admin", "create", "--school-name", "Ashby Primary", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password");
    assertEquals(0, admin.exit(), admin.output());
    Path roll = home.resolve("roll.csv");
    Files.writeString(roll, CsvImportIT.ROLL);

    CommandLine.Result preview = courtyard("import", "--format", "csv", roll.toString());
    assertEquals(0, preview.exit(), preview.output());
    assertTrue(preview.output().contains("This was a preview: nothing was changed"), preview.output());
    assertTrue(preview.output().contains("rejected (2)"), preview.output());

    CommandLine.Result applied = courtyard("import", "--format", "csv", roll.toString(), "--apply");
    assertEquals(0, applied.exit(), applied.output());
    assertTrue(applied.output().contains("Applying"), "a progress line: " + applied.output());
    assertTrue(applied.output().contains("new accounts"), applied.output());

    CommandLine.Result again = courtyard("import", "--format", "csv", roll.toString());
    assertTrue(again.output().contains(": 0 to add, 0 to update, 0 leavers"), again.output());

    Path bad = home.resolve("bad.csv");
    Files.write(bad, "name\n\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    CommandLine.Result refused = courtyard("import", "--format", "csv", bad.toString(), "--apply");
    assertEquals(1, refused.exit());
    assertTrue(refused.output().contains("Refused: ") && refused.output().contains("Nothing was changed"), refused.output());
  }
}
