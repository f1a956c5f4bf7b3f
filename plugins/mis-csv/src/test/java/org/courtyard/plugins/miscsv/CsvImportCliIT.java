package org.courtyard.plugins.miscsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `courtyard import` as an ICT leader runs it: a separate JVM, real Derby files, the plugin jar in plugins/. */
class CsvImportCliIT {
  @TempDir Path home;

  record Result(int exit, String output) {}

  private Result courtyard(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dcourtyard.home=" + home, "-Dcourtyard.security.bcrypt-cost=4", "-cp", System.getProperty("java.class.path"),
        "org.courtyard.core.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finished");
    return new Result(p.exitValue(), out);
  }

  @Test
  void previewThenApplyThenNothingToDo() throws Exception {
    PluginJar.fromBuild().writeTo(home.resolve("plugins"));
    Result admin = courtyard("admin", "create", "--school-name", "Ashby Primary", "--username", "ict", "--name", "Pat Ict", "--password", "a-good-password");
    assertEquals(0, admin.exit(), admin.output());
    Path roll = home.resolve("roll.csv");
    Files.writeString(roll, CsvImportIT.ROLL);

    Result preview = courtyard("import", "--format", "csv", roll.toString());
    assertEquals(0, preview.exit(), preview.output());
    assertTrue(preview.output().contains("This was a preview: nothing was changed"), preview.output());
    assertTrue(preview.output().contains("rejected (2)"), preview.output());

    Result applied = courtyard("import", "--format", "csv", roll.toString(), "--apply");
    assertEquals(0, applied.exit(), applied.output());
    assertTrue(applied.output().contains("Applying"), "a progress line: " + applied.output());
    assertTrue(applied.output().contains("new accounts"), applied.output());

    Result again = courtyard("import", "--format", "csv", roll.toString());
    assertTrue(again.output().contains(": 0 to add, 0 to update, 0 leavers"), again.output());

    Path bad = home.resolve("bad.csv");
    Files.write(bad, "name\n\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Result refused = courtyard("import", "--format", "csv", bad.toString(), "--apply");
    assertEquals(1, refused.exit());
    assertTrue(refused.output().contains("Refused: ") && refused.output().contains("Nothing was changed"), refused.output());
  }
}
