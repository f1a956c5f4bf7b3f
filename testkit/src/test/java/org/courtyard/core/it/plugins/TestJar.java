package org.courtyard.core.it.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar in a test, as a plugin's build would: a descriptor (with {@code plugin.upgradesFrom}),
 * the extensions index, classes from the test class path and any text entries, so one test can make
 * several versions of the same plugin that differ in their resources. {@link TestKeys} signs it.
 */
final class TestJar {
  private final String id;
  private final String version;
  private String requires = "*";
  private String upgradesFrom;
  private final List<Class<?>> extensions = new ArrayList<>();
  private final Map<String, String> entries = new LinkedHashMap<>();

  private TestJar(String id, String version) {
    this.id = id;
    this.version = version;
  }

  static TestJar plugin(String id, String version) { return new TestJar(id, version); }

  TestJar requires(String range) { this.requires = range; return this; }

  TestJar upgradesFrom(String v) { this.upgradesFrom = v; return this; }

  TestJar extension(Class<?> c) { extensions.add(c); return this; }

  TestJar entry(String name, String text) { entries.put(name, text); return this; }

  /** The notes fixture at a version, with migrations named like {@code V1__notes.sql} → SQL. */
  static TestJar notes(String version, Map<String, String> migrations) {
    TestJar j = plugin("notes", version).extension(org.courtyard.core.it.plugins.fixtures.NotesTool.class).entry("notes/version.txt", version);
    migrations.forEach((name, sql) -> j.entry("db/notes/" + name, sql));
    return j;
  }

  static final String V1 = "CREATE TABLE nt_notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, space_id BIGINT NOT NULL, body VARCHAR(500) NOT NULL);";
  static final String V2 = "ALTER TABLE nt_notes ADD COLUMN pinned BOOLEAN DEFAULT FALSE NOT NULL;\nCREATE TABLE nt_tags (note_id BIGINT NOT NULL, tag VARCHAR(40) NOT NULL);";

  Path writeTo(Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
        Properties p = new Properties();
        p.setProperty("plugin.id", id);
        p.setProperty("plugin.version", version);
        p.setProperty("plugin.requires", requires);
        p.setProperty("plugin.description", "Test plugin " + id);
        p.setProperty("plugin.provider", "Courtyard tests");
        if (upgradesFrom != null) p.setProperty("plugin.upgradesFrom", upgradesFrom);
        out.putNextEntry(new JarEntry("plugin.properties"));
        p.store(out, null);
        out.closeEntry();
        out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        out.write((String.join("\n", extensions.stream().map(Class::getName).toList()) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        for (Class<?> c : extensions) addClass(out, c);
        for (var e : entries.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class and its nested classes, from the test's compiled classes. */
  private static void addClass(JarOutputStream out, Class<?> c) throws IOException {
    Path root;
    try {
      root = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String pkg = c.getPackageName().replace('.', '/');
    try (Stream<Path> files = Files.list(root.resolve(pkg))) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals(c.getSimpleName() + ".class")
          || f.getFileName().toString().startsWith(c.getSimpleName() + "$")).sorted().toList()) {
        out.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }
}
