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

    CommandLine.Result preview = courtyard("import", "--format", "csv", roll.toString(), "--mode", "whole-school");
    assertEquals(0, preview.exit(), preview.output());
    assertTrue(preview.output().contains("This was a preview: nothing was changed"), preview.output());
    assertTrue(preview.output().contains("rejected (2)"), preview.output());

    CommandLine.Result applied = courtyard("import", "--format", "csv", roll.toString(), "--mode", "whole-school", "--apply");
    assertEquals(0, applied.exit(), applied.output());
    assertTrue(applied.output().contains("Applying"), "a progress line: " + applied.output());
    assertTrue(applied.output().contains("new accounts"), applied.output());

    CommandLine.Result again = courtyard("import", "--format", "csv", roll.toString(), "--mode", "whole-school");
    assertTrue(again.output().contains(": 0 to add, 0 to update, 0 leavers"), again.output());

    Path bad = home.resolve("bad.csv");
    Files.write(bad, "name\n\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    CommandLine.Result refused = courtyard("import", "--format", "csv", bad.toString(), "--mode", "classes", "--apply");
    assertEquals(1, refused.exit());
    assertTrue(refused.output().contains("Refused: ") && refused.output().contains("Nothing was changed"), refused.output());
  }

  @Test
  void theModeSaysWhatAClassListIsAndSwitchingOffNeedsAYes() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    assertEquals(0, courtyard("admin", "create", "--school-name", "Ashby Primary", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password").exit());
    Path classA = home.resolve("3a.csv");
    Files.writeString(classA, "id,given name,family name,year,class\nA01,Ava,Adams,3,3A\nA02,Alfie,Ahmed,3,3A\n");
    Path classB = home.resolve("3b.csv");
    Files.writeString(classB, "id,given name,family name,year,class\nB01,Bea,Bell,3,3B\n");

    CommandLine.Result unsaid = courtyard("import", "--format", "csv", classA.toString(), "--apply");
    assertEquals(1, unsaid.exit(), unsaid.output());
    assertTrue(unsaid.output().contains("does not say whether it holds the whole school") && unsaid.output().contains("--mode classes")
        && unsaid.output().contains("Nothing was changed"), unsaid.output());
    CommandLine.Result wrong = courtyard("import", "--format", "csv", classA.toString(), "--mode", "everything");
    assertEquals(2, wrong.exit(), wrong.output());
    assertTrue(wrong.output().contains("--mode is whole-school"), wrong.output());

    assertEquals(0, courtyard("import", "--format", "csv", classA.toString(), "--mode", "classes", "--apply").exit());
    CommandLine.Result b = courtyard("import", "--format", "csv", classB.toString(), "--mode", "classes", "--apply");
    assertEquals(0, b.exit(), b.output());
    assertTrue(b.output().contains("The file holds: these classes only") && b.output().contains("0 leavers") && !b.output().contains("switch off"), b.output());

    CommandLine.Result noYes = courtyard("import", "--format", "csv", classB.toString(), "--mode", "whole-school", "--apply");
    assertEquals(1, noYes.exit(), noYes.output());
    assertTrue(noYes.output().contains("switch off Ava Adams (A01)") && noYes.output().contains("archive Class 3A (class:3a)"), noYes.output());
    assertTrue(noYes.output().contains("Refused: this would switch off these 2 accounts and archive this class") && noYes.output().contains("Nothing was changed"), noYes.output());
    CommandLine.Result stillThere = courtyard("import", "--format", "csv", classA.toString(), "--mode", "classes");
    assertTrue(stillThere.output().contains(": 0 to add, 0 to update, 0 leavers, 0 returning"), "class A was not switched off: " + stillThere.output());

    CommandLine.Result yes = courtyard("import", "--format", "csv", classB.toString(), "--mode", "whole-school", "--apply", "--yes");
    assertEquals(0, yes.exit(), yes.output());
    assertTrue(yes.output().contains("Applied: ") && yes.output().contains("Undo this import"), yes.output());
    CommandLine.Result back = courtyard("import", "--format", "csv", classA.toString(), "--mode", "classes");
    assertTrue(back.output().contains("3 returning"), "class A and its two learners were switched off and archived: " + back.output());
  }
}
