package org.courtyard.plugins.misoneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `courtyard import --format oneroster FOLDER` in a separate JVM on real files. */
class OneRosterImportCliIT {
  @TempDir Path home;

  private String[] courtyard(String... args) {
    CommandLine.Result r = new CommandLine(home).run(args);
    return new String[] {Integer.toString(r.exit()), r.output()};
  }

  @Test
  void aFolderIsPreviewedThenApplied() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    assertEquals("0", courtyard("admin", "create", "--school-name", "Hill School", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password")[0]);
    Path folder = OneRosterFiles.folder(home.resolve("export"), OneRosterFiles.bulk11());
    String[] preview = courtyard("import", "--format", "oneroster", folder.toString());
    assertEquals("0", preview[0], preview[1]);
    assertTrue(preview[1].contains("nothing was changed"), preview[1]);
    String[] applied = courtyard("import", "--format", "oneroster", folder.toString(), "--apply");
    assertEquals("0", applied[0], applied[1]);
    assertTrue(applied[1].contains("Applied:"), applied[1]);
    String[] again = courtyard("import", "--format", "oneroster", folder.toString());
    assertTrue(again[1].contains(": 0 to add, 0 to update"), again[1]);
  }
}
