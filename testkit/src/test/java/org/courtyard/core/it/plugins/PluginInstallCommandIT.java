package org.courtyard.core.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CommandLine;
import org.courtyard.testkit.CourtyardExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code courtyard plugins install FILE} on a stopped installation: checked like an upload, and the server runs it when started. */
class PluginInstallCommandIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();
  @TempDir
  static Path work;

  @Test
  void installsAndUpgradesAStoppedInstallationRefusingUnsignedJarsUnlessAllowed() throws Exception {
    courtyard.stop();
    CommandLine cli = new CommandLine(courtyard.home());
    Path v1 = TestJar.notes("1.0.0", Map.of("V1__notes.sql", TestJar.V1)).writeTo(work.resolve("notes.jar"));

    CommandLine.Result refused = cli.run("plugins", "install", v1.toString());
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.output().contains("is not signed"), refused.output());
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-1.0.0.jar")), "nothing changed");

    CommandLine.Result ok = cli.run("plugins", "install", "--allow-unsigned", v1.toString());
    assertEquals(0, ok.exit(), ok.toString());
    assertTrue(ok.output().contains("notes 1.0.0 is installed (unsigned)."), ok.output());
    assertTrue(Files.exists(courtyard.pluginsDir().resolve("notes-1.0.0.jar")));

    courtyard.startWith();
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    courtyard.get(SchoolStore.class).setToolEnabled(spaces.bySlug("oakfield").orElseThrow().id(), "notes", true);
    spaces.addTool(spaces.bySlug("2-willow").orElseThrow().id(), "notes");
    assertEquals(303, courtyard.signIn("amira").post("/s/2-willow/notes/add", Map.of("body", "kept")).status());
    courtyard.stop();

    TestKeys keys = TestKeys.make(work.resolve("keys"), "Test publisher");
    Files.createDirectories(courtyard.home().resolve("conf/trusted-publishers"));
    Files.copy(keys.certificate, courtyard.home().resolve("conf/trusted-publishers/test.pem"));
    Path v2 = keys.sign(TestJar.notes("2.0.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2))
        .writeTo(work.resolve("plain2.jar")), work.resolve("notes-2.jar"));
    CommandLine.Result up = cli.run("plugins", "install", v2.toString());
    assertEquals(0, up.exit(), up.toString());
    assertTrue(up.output().contains("notes 2.0.0 replaces 1.0.0, signed by Test publisher."), up.output());
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-1.0.0.jar")));

    CommandLine.Result list = cli.run("plugins", "list");
    assertTrue(list.output().matches("(?s).*notes\\s+2\\.0\\.0\\s+RUNNING.*"), list.output());

    courtyard.startWith();
    var page = courtyard.signIn("amira").get("/s/2-willow/notes");
    assertEquals(200, page.status());
    assertEquals("notes 2.0.0: kept", page.body());
  }
}
