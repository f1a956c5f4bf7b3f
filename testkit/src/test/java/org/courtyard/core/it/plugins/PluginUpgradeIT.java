package org.courtyard.core.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.courtyard.core.db.Db;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a running plugin through the admin page, with real jars signed by a test publisher: the new
 * version's migration runs, data stays, no restart, and the tool answers 200 throughout; a broken new
 * version is undone and the old one keeps serving; downgrades, damaged and tampered files are refused.
 * The steps build on each other (v1 → v2 → failed v3s → …), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginUpgradeIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();
  @TempDir
  static Path work;
  static TestKeys publisher;
  static TestClient admin;

  static final String NOTES = "/s/2-willow/notes";

  @BeforeAll
  static void trustATestPublisher() throws Exception {
    publisher = TestKeys.make(work.resolve("keys"), "Test publisher");
    Path trusted = courtyard.home().resolve("conf").resolve("trusted-publishers");
    Files.createDirectories(trusted);
    Files.copy(publisher.certificate, trusted.resolve("test-publisher.pem"));
    admin = courtyard.signIn("ict.leader");
  }

  static Path signed(TestJar jar, String name) {
    Path plain = jar.writeTo(work.resolve("plain-" + name));
    return publisher.sign(plain, work.resolve(name));
  }

  static TestClient.Response upload(Path jar, boolean allowUnsigned) throws Exception {
    Map<String, String> fields = allowUnsigned ? Map.of("allowUnsigned", "true") : Map.of();
    return admin.postFile("/admin/oakfield/plugins/upload", fields, "plugin", jar.getFileName().toString(), "application/java-archive", Files.readAllBytes(jar));
  }

  static String notesPage() {
    TestClient.Response r = courtyard.signIn("amira").get(NOTES);
    assertEquals(200, r.status(), r.body());
    return r.body();
  }

  @Test
  @Order(1)
  void aSignedPluginIsInstalledFromTheAdminPage() throws Exception {
    TestClient.Response r = upload(signed(TestJar.notes("1.0.0", Map.of("V1__notes.sql", TestJar.V1)), "notes-1.0.0.jar"), false);
    assertEquals(303, r.status(), r.body());
    assertTrue(admin.get("/admin/oakfield/plugins").contains("signed by Test publisher"));
    assertTrue(Files.exists(courtyard.pluginsDir().resolve("notes-1.0.0.jar")), "kept under a versioned name");
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    courtyard.get(SchoolStore.class).setToolEnabled(school, "notes", true);
    courtyard.get(SpaceStore.class).addTool(courtyard.get(SpaceStore.class).bySlug("2-willow").orElseThrow().id(), "notes");
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.post(NOTES + "/add", Map.of("body", "first")).status());
    assertEquals(303, amira.post(NOTES + "/add", Map.of("body", "second")).status());
    assertEquals("notes 1.0.0: first | second", notesPage());
  }

  @Test
  @Order(2)
  void anUpgradeWithANewMigrationKeepsTheDataNeedsNoRestartAndTheToolKeepsAnswering() throws Exception {
    Path v2 = signed(TestJar.notes("2.0.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)).upgradesFrom("1.0.0"), "notes-2.0.0.jar");
    // Readers hammer the tool from six clients while the upgrade runs, counting every answer that is not 200
    // (with eight, bench/run upgrade once caught requests routed just before the swap answered 404).
    AtomicBoolean going = new AtomicBoolean(true);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> versions = java.util.Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> readers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TestClient c = courtyard.signIn("amira");
      readers.add(CompletableFuture.runAsync(() -> {
        while (going.get()) {
          long t = System.nanoTime();
          TestClient.Response r = c.get(NOTES);
          latencies.add((System.nanoTime() - t) / 1_000_000);
          statuses.merge(r.status(), 1, Integer::sum);
          if (r.status() == 200) versions.add(r.body().substring(0, r.body().indexOf(':')));
        }
      }));
    }
    // A slow request started on 1.0.0 before the upgrade finishes on 1.0.0.
    CompletableFuture<TestClient.Response> slow = CompletableFuture.supplyAsync(() -> courtyard.signIn("amira").get(NOTES + "/slow?ms=1500"));
    Thread.sleep(800);
    long t0 = System.nanoTime();
    TestClient.Response r = upload(v2, false);
    long upgradeMs = (System.nanoTime() - t0) / 1_000_000;
    Thread.sleep(300);
    going.set(false);
    CompletableFuture.allOf(readers.toArray(new CompletableFuture[0])).join();

    assertEquals(303, r.status(), r.body());
    assertEquals(200, slow.join().status());
    assertTrue(slow.join().body().startsWith("notes 1.0.0:"), "the request in flight finished on the old version: " + slow.join().body());
    assertEquals("notes 2.0.0: first | second", notesPage(), "the data is kept");
    assertEquals(Map.of(200, statuses.get(200)), statuses, "only 200s while upgrading: " + statuses);
    assertTrue(versions.contains("notes 1.0.0") && versions.contains("notes 2.0.0"), "readers saw both versions: " + new java.util.HashSet<>(versions));
    assertEquals(1L, courtyard.get(Db.class).count("SELECT COUNT(*) FROM \"history_notes\" WHERE \"version\" = '2' AND \"success\" = TRUE"), "its migration ran");
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-1.0.0.jar")), "the old jar is gone");
    long max = latencies.stream().mapToLong(Long::longValue).max().orElse(0);
    System.out.printf("UPGRADE FIGURES: upload+upgrade request %d ms; %d reads during it, non-200 answers %d, slowest read %d ms%n",
        upgradeMs, latencies.size(), statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum(), max);
  }

  @Test
  @Order(3)
  void aNewVersionWhoseMigrationFailsIsUndoneAndTheOldOneKeepsServing() throws Exception {
    Path v3 = signed(TestJar.notes("3.0.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2,
        "V3__broken.sql", "ALTER TABLE nt_notes ADD COLUMN colour VARCHAR(20);\nALTER TABLE no_such_table ADD COLUMN x INT;")), "notes-3.0.0.jar");
    TestClient.Response r = upload(v3, false);
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("2.0.0 was put back and runs as before"), r.body());
    assertEquals("notes 2.0.0: first | second", notesPage());
    assertTrue(admin.get("/admin/oakfield/plugins").contains("Last install or upgrade: notes 3.0.0 did not start"));
    assertEquals(0L, courtyard.get(Db.class).count("SELECT COUNT(*) FROM \"history_notes\" WHERE \"version\" = '3'"));
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-3.0.0.jar")));
  }

  @Test
  @Order(4)
  void aNewVersionThatThrowsAtStartIsUndoneToo() throws Exception {
    Path v3 = signed(TestJar.notes("3.0.1", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2))
        .entry("notes/fail-install.txt", "notes 3.0.1 cannot find its settings"), "notes-3.0.1.jar");
    TestClient.Response r = upload(v3, false);
    assertEquals(422, r.status(), r.body());
    assertTrue(r.contains("cannot find its settings"), r.body());
    assertTrue(r.contains("2.0.0 was put back"), r.body());
    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.post(NOTES + "/add", Map.of("body", "third")).status(), "the old version still writes");
    assertEquals("notes 2.0.0: first | second | third", notesPage());
  }

  @Test
  @Order(5)
  void olderVersionsTheSameVersionAndTooOldInstallationsAreRefusedWithTheReason() throws Exception {
    TestClient.Response down = upload(signed(TestJar.notes("1.5.0", Map.of("V1__notes.sql", TestJar.V1)), "notes-1.5.0.jar"), false);
    assertEquals(422, down.status());
    assertTrue(down.contains("1.5.0 is older than the installed 2.0.0"), down.body());
    TestClient.Response same = upload(signed(TestJar.notes("2.0.0", Map.of("V1__notes.sql", TestJar.V1)), "notes-2.0.0b.jar"), false);
    assertTrue(same.contains("notes 2.0.0 is already installed"), same.body());
    TestClient.Response jump = upload(signed(TestJar.notes("5.0.0", Map.of("V1__notes.sql", TestJar.V1)).upgradesFrom("4.0.0"), "notes-5.0.0.jar"), false);
    assertTrue(jump.contains("upgrades from 4.0.0 or later, and 2.0.0 is installed"), jump.body());
    TestClient.Response api = upload(signed(TestJar.notes("6.0.0", Map.of("V1__notes.sql", TestJar.V1)).requires(">=99.0.0"), "notes-6.0.0.jar"), false);
    assertTrue(api.contains("needs Courtyard API &gt;&#x3D;99.0.0, but this Courtyard offers"), api.body());
    assertEquals("notes 2.0.0: first | second | third", notesPage(), "nothing changed");
  }

  @Test
  @Order(6)
  void aTamperedOrDamagedJarIsRefusedNamingTheDamage() throws Exception {
    Path good = signed(TestJar.notes("2.1.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)), "notes-2.1.0.jar");
    Path tampered = TestKeys.tamper(good, "notes/version.txt", "9.9.9", work.resolve("tampered.jar"));
    TestClient.Response r = upload(tampered, true);
    assertEquals(422, r.status());
    assertTrue(r.contains("The file is damaged: notes/version.txt does not match its signature"), r.body());
    Path added = work.resolve("added.jar");
    addEntry(good, "db/notes/V9__sneaky.sql", "DROP TABLE nt_notes;", added);
    TestClient.Response a = upload(added, true);
    assertTrue(a.contains("db/notes/V9__sneaky.sql is not covered by its signature"), a.body());
    Path truncated = work.resolve("truncated.jar");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    TestClient.Response t = upload(truncated, true);
    assertTrue(t.contains("The file is damaged:"), t.body());
    assertFalse(t.contains("@Extension"), "never the misleading 'no extension'");
    assertEquals("notes 2.0.0: first | second | third", notesPage());
  }

  @Test
  @Order(7)
  void unsignedOrStrangersJarsNeedTheAdminsExplicitYesAndAreThenMarkedUnsigned() throws Exception {
    Path stranger = TestKeys.make(work.resolve("stranger"), "Stranger").sign(
        TestJar.notes("2.2.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)).writeTo(work.resolve("s.jar")), work.resolve("notes-2.2.0s.jar"));
    TestClient.Response s = upload(stranger, true);
    assertEquals(422, s.status());
    assertTrue(s.contains("signed by Stranger, a publisher this installation does not trust"), s.body());
    Path unsigned = TestJar.notes("2.2.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)).writeTo(work.resolve("notes-2.2.0.jar"));
    TestClient.Response refused = upload(unsigned, false);
    assertEquals(422, refused.status());
    assertTrue(refused.contains("is not signed"), refused.body());
    assertEquals("notes 2.0.0: first | second | third", notesPage());
    assertEquals(303, upload(unsigned, true).status());
    assertEquals("notes 2.2.0: first | second | third", notesPage());
    String page = admin.get("/admin/oakfield/plugins").body();
    assertTrue(page.matches("(?s).*notes <span class=\"kind\">2.2.0</span>.*unsigned.*"), page);
  }

  @Test
  @Order(8)
  void aNewVersionCopiedIntoThePluginsFolderUpgradesOnLookForNewPlugins() throws Exception {
    signed(TestJar.notes("2.3.0", Map.of("V1__notes.sql", TestJar.V1, "V2__pinned.sql", TestJar.V2)), "notes-latest.jar");
    Files.copy(work.resolve("notes-latest.jar"), courtyard.pluginsDir().resolve("notes-latest.jar"));
    TestClient.Response r = admin.post("/admin/oakfield/plugins/rescan", Map.of());
    assertEquals(303, r.status());
    assertEquals("notes 2.3.0: first | second | third", notesPage());
    assertFalse(Files.exists(courtyard.pluginsDir().resolve("notes-latest.jar")), "kept under its versioned name instead");
    assertTrue(Files.exists(courtyard.pluginsDir().resolve("notes-2.3.0.jar")));
    assertTrue(courtyard.get(PluginHost.class).loaded("notes").orElseThrow().version().equals("2.3.0"));
  }

  @Test
  @Order(9)
  void everyInstallUpgradeAndRefusalIsInTheAuditLog() {
    String log = admin.get("/admin/oakfield/audit").body();
    assertTrue(log.contains("Plugin installed"), log);
    assertTrue(log.contains("Plugin upgraded"));
    assertTrue(log.contains("Plugin refused or its upgrade undone"));
    assertTrue(log.contains("notes 1.0.0 → 2.0.0"));
  }

  static void addEntry(Path jar, String name, String content, Path out) throws Exception {
    try (var in = new java.util.zip.ZipFile(jar.toFile()); var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
      for (var e : java.util.Collections.list(in.entries())) {
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        try (var data = in.getInputStream(e)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
      }
      zip.putNextEntry(new java.util.zip.ZipEntry(name));
      zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
