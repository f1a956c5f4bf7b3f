package org.courtyard.core.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalogue on the admin page, from a folder repository built here (PF4J's plugins.json with our
 * fields): listing what each plugin asks for, installing and updating from it, refusing a download whose
 * SHA-256 differs and an unsigned release, and removing a plugin keeping or deleting its data, with
 * its data offered as a download first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginCatalogueIT {
  static final Path REPO = Path.of(System.getProperty("java.io.tmpdir"), "courtyard-repo-" + UUID.randomUUID());
  static final Path WORK = REPO.resolveSibling(REPO.getFileName() + "-work");

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().setting(Config.PLUGINS_REPOSITORIES, REPO.toString());
  static TestClient admin;
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082");

  @BeforeAll
  static void aRepositoryOfSignedReleases() throws Exception {
    TestKeys keys = TestKeys.make(WORK.resolve("keys"), "Test publisher");
    Files.createDirectories(courtyard.home().resolve("conf/trusted-publishers"));
    Files.copy(keys.certificate, courtyard.home().resolve("conf/trusted-publishers/test.pem"));
    Files.createDirectories(REPO.resolve("notes"));
    Path v1 = keys.sign(TestJar.notes("1.0.0", Map.of("V1__notes.sql", TestJar.V1)).writeTo(WORK.resolve("n1.jar")), REPO.resolve("notes/notes-1.0.0.jar"));
    Path v2 = keys.sign(TestJar.notes("2.0.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)).upgradesFrom("1.0.0")
        .writeTo(WORK.resolve("n2.jar")), REPO.resolve("notes/notes-2.0.0.jar"));
    Path unsigned = TestJar.plugin("loose", "1.0.0").extension(org.courtyard.core.it.fixtures.LateTool.class).writeTo(REPO.resolve("loose-1.0.0.jar"));
    Path other = keys.sign(TestJar.plugin("swapped", "1.0.0").extension(org.courtyard.core.it.fixtures.LateTool.class).writeTo(WORK.resolve("s.jar")),
        REPO.resolve("swapped-1.0.0.jar"));
    Files.write(REPO.resolve("notes/screen-1.png"), PNG);
    JsonArray index = new JsonArray()
        .add(new JsonObject().put("id", "notes").put("name", "Class notes").put("description", "Short notes for a class.")
            .put("provider", "Courtyard tests").put("licence", "Apache-2.0").put("data", "Each note's text and the space it is in.")
            .put("screenshots", new JsonArray().add("notes/screen-1.png"))
            .put("capabilities", new JsonArray().add(new JsonObject().put("id", "notes.view").put("label", "See notes").put("defaultRole", "viewer"))
                .add(new JsonObject().put("id", "notes.write").put("label", "Write a note").put("defaultRole", "member")))
            .put("releases", new JsonArray()
                .add(release("1.0.0", "notes/notes-1.0.0.jar", sha256(v1)))
                .add(release("2.0.0", "notes/notes-2.0.0.jar", sha256(v2)).put("upgradesFrom", "1.0.0"))
                .add(release("3.0.0", "notes/notes-3.0.0.jar", sha256(v2)).put("requires", ">=99.0.0"))))
        .add(new JsonObject().put("id", "loose").put("name", "Loose").put("releases", new JsonArray().add(release("1.0.0", "loose-1.0.0.jar", sha256(unsigned)))))
        .add(new JsonObject().put("id", "swapped").put("name", "Swapped").put("releases", new JsonArray().add(release("1.0.0", "swapped-1.0.0.jar", sha256(v1)))));
    Files.writeString(REPO.resolve("plugins.json"), index.encodePrettily());
    admin = courtyard.signIn("ict.leader");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    for (Path root : new Path[] {REPO, WORK}) {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static JsonObject release(String version, String url, String sha) {
    return new JsonObject().put("version", version).put("date", "2026-12-01").put("requires", ">=1.0.0").put("url", url).put("sha256", sha);
  }

  static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  static TestClient.Response install(String id, String version) {
    return admin.post("/admin/oakfield/plugins/catalogue/install", Map.of("repository", "0", "id", id, "version", version));
  }

  @Test
  @Order(1)
  void theCatalogueSaysWhatEachPluginAsksForKeepsAndNeeds() {
    TestClient.Response page = admin.get("/admin/oakfield/plugins/catalogue");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contains("Class notes"));
    assertTrue(page.contains("Licence: Apache-2.0"));
    assertTrue(page.contains("Each note&#x27;s text and the space it is in.") || page.contains("Each note's text"), page.body());
    assertTrue(page.contains("<code>notes.write</code></td><td>Write a note</td><td>member and above"), page.body());
    assertTrue(page.contains("3.0.0 (2026-12-01): needs API &gt;&#x3D;99.0.0 — not for this Courtyard"), page.body());
    assertTrue(page.contains("Install 2.0.0"), "the newest version this Courtyard can run is offered");
    String shot = "/admin/oakfield/plugins/catalogue/screenshot?repo=0&id=notes&n=0";
    assertTrue(page.contains(shot.replace("&", "&amp;").replace("=", "&#x3D;")) || page.contains(shot), page.body());
    TestClient.Response png = admin.get(shot);
    assertEquals(200, png.status());
    assertEquals("image/png", png.header("Content-Type"));
    assertEquals(403, courtyard.signIn("mrs.patel").get("/admin/oakfield/plugins/catalogue").status(), "only the school's admin");
  }

  @Test
  @Order(2)
  void installAndThenUpdateFromTheCatalogue() {
    TestClient.Response r = install("notes", "1.0.0");
    assertEquals(303, r.status(), r.body());
    assertTrue(admin.get("/admin/oakfield/plugins").contains("signed by Test publisher"));
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    courtyard.get(SchoolStore.class).setToolEnabled(spaces.bySlug("oakfield").orElseThrow().id(), "notes", true);
    spaces.addTool(spaces.bySlug("2-willow").orElseThrow().id(), "notes");
    TestClient amira = courtyard.signIn("amira");
    amira.post("/s/2-willow/notes/add", Map.of("body", "from the catalogue"));
    assertTrue(admin.get("/admin/oakfield/plugins/catalogue").contains("Update to 2.0.0"));
    assertEquals(303, install("notes", "2.0.0").status());
    assertEquals("notes 2.0.0: from the catalogue", amira.get("/s/2-willow/notes").body());
    assertFalse(admin.get("/admin/oakfield/plugins/catalogue").contains("Update to"), "nothing newer to offer");
  }

  @Test
  @Order(3)
  void aDownloadThatDoesNotMatchItsChecksumAndAnUnsignedReleaseAreRefused() {
    TestClient.Response swapped = install("swapped", "1.0.0");
    assertEquals(422, swapped.status());
    assertTrue(swapped.contains("does not match the catalogue: its SHA-256 is"), swapped.body());
    TestClient.Response loose = install("loose", "1.0.0");
    assertEquals(422, loose.status());
    assertTrue(loose.contains("loose 1.0.0 is not signed"), loose.body());
    assertEquals(422, install("notes", "9.9.9").status(), "no such version");
    assertEquals(422, admin.post("/admin/oakfield/plugins/catalogue/install", Map.of("repository", "x", "id", "notes", "version", "1")).status());
  }

  @Test
  @Order(4)
  void removingOffersTheDataFirstAndKeepsItWhenAskedSoItComesBack() throws Exception {
    TestClient.Response confirm = admin.get("/admin/oakfield/plugins/notes/remove");
    assertEquals(200, confirm.status(), confirm.body());
    assertTrue(confirm.contains("<code>nt_notes</code>") && confirm.contains("<code>nt_tags</code>"), confirm.body());
    Path zip = WORK.resolve("export.zip");
    assertEquals(200, admin.download("/admin/oakfield/plugins/notes/export", zip).status());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      String csv = new String(z.getInputStream(z.getEntry("nt_notes.csv")).readAllBytes());
      assertTrue(csv.startsWith("id,space_id,body,pinned\r\n"), csv);
      assertTrue(csv.contains("from the catalogue"), csv);
      assertTrue(z.getEntry("nt_tags.csv") != null);
    }
    TestClient.Response noChoice = admin.post("/admin/oakfield/plugins/notes/remove", Map.of());
    assertEquals(422, noChoice.status());
    assertEquals(303, admin.post("/admin/oakfield/plugins/notes/remove", Map.of("data", "keep")).status());
    assertEquals(404, courtyard.signIn("amira").get("/s/2-willow/notes").status());
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-2.0.0.jar")));
    assertEquals(1, courtyard.get(Db.class).count("SELECT COUNT(*) FROM nt_notes"), "its data is kept");
    assertEquals(303, install("notes", "2.0.0").status());
    assertEquals("notes 2.0.0: from the catalogue", courtyard.signIn("amira").get("/s/2-willow/notes").body());
  }

  @Test
  @Order(5)
  void removingWithItsDataDropsItsTablesAndTheCoresRowsAboutIt() {
    TestClient.Response unsure = admin.post("/admin/oakfield/plugins/notes/remove", Map.of("data", "delete"));
    assertEquals(422, unsure.status());
    assertTrue(unsure.contains("tick the box"), unsure.body());
    assertEquals(1, courtyard.get(Db.class).count("SELECT COUNT(*) FROM nt_notes"), "nothing changed");
    assertEquals(303, admin.post("/admin/oakfield/plugins/notes/remove", Map.of("data", "delete", "sure", "true")).status());
    Db db = courtyard.get(Db.class);
    assertThrows(RuntimeException.class, () -> db.count("SELECT COUNT(*) FROM nt_notes"));
    assertThrows(RuntimeException.class, () -> db.count("SELECT COUNT(*) FROM \"history_notes\""));
    assertEquals(0, db.count("SELECT COUNT(*) FROM space_tools WHERE tool_id = 'notes'"));
    String log = admin.get("/admin/oakfield/audit").body();
    assertTrue(log.contains("Plugin removed") && log.contains("Plugin&#x27;s data deleted") || log.contains("Plugin's data deleted"), log);
    assertEquals(404, admin.get("/admin/oakfield/plugins/notes/remove").status());
  }
}
