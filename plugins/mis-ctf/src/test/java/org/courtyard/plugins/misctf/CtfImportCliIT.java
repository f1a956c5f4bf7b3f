package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `courtyard import --format ctf FILE` in a separate JVM on real files. */
class CtfImportCliIT {
  @TempDir Path home;

  private String[] courtyard(String... args) {
    CommandLine.Result r = new CommandLine(home).run(args);
    return new String[] {Integer.toString(r.exit()), r.output()};
  }

  @Test
  void previewApplyAndRefusals() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    assertEquals("0", courtyard("admin", "create", "--school-name", "Vale School", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password")[0]);
    Path ctf = home.resolve("pupils.xml");
    Files.write(ctf, CtfImportIT.resource("pupils.xml"));
    String[] preview = courtyard("import", "--format", "ctf", ctf.toString());
    assertTrue(preview[1].contains("rejected (2)"), preview[1]);
    String[] applied = courtyard("import", "--format", "ctf", ctf.toString(), "--apply");
    assertEquals("0", applied[0], applied[1]);
    assertTrue(applied[1].contains("Applied: 4 to add") || applied[1].contains("Applied:"), applied[1]);
    Path xxe = home.resolve("xxe.xml");
    Files.write(xxe, CtfImportIT.resource("xxe.xml"));
    String[] refused = courtyard("import", "--format", "ctf", xxe.toString(), "--apply");
    assertEquals("1", refused[0]);
    assertTrue(refused[1].contains("DOCTYPE") && refused[1].contains("Nothing was changed"), refused[1]);
    // A 200 MB file (sparse, so the test writes nothing) is refused before it is read.
    Path huge = home.resolve("huge.xml");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(200L * 1024 * 1024);
    }
    String[] tooBig = courtyard("import", "--format", "ctf", huge.toString(), "--apply");
    assertEquals("1", tooBig[0]);
    assertTrue(tooBig[1].contains("imports are limited to 100 MB"), tooBig[1]);
  }
}
