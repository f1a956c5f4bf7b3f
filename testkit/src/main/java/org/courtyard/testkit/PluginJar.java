package org.courtyard.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar the way a plugin's own build does, so tests install plugins exactly as a school
 * would: from a compiled classes folder (a plugin module's {@code target/classes}), or from a few
 * classes plus a descriptor (for test fixtures such as a plugin that throws at start).
 */
public final class PluginJar {
  private final String id;
  private String version = "1.0.0";
  private String requires = "*";
  private String description = "";
  private Path classesDir;
  private Path existingJar;
  private final List<Class<?>> classes = new ArrayList<>();
  private final List<Class<?>> extensions = new ArrayList<>();
  private final List<String> resources = new ArrayList<>();

  private PluginJar(String id) { this.id = id; }

  /** A fixture plugin made of named classes from the test's own class path. */
  public static PluginJar fixture(String id) { return new PluginJar(id); }

  /** A plugin module's compiled output (with its plugin.properties and extensions index), as its jar would hold it. */
  public static PluginJar fromClasses(Path classesDir) {
    PluginJar jar = new PluginJar(null);
    jar.classesDir = classesDir;
    return jar;
  }

  /** A plugin jar as built by the plugin's own Maven module (its {@code package} phase). */
  public static PluginJar existing(Path jar) {
    if (!Files.isRegularFile(jar)) throw new IllegalStateException("No plugin jar at " + jar + ": run the tests after `package`.");
    PluginJar p = new PluginJar(null);
    p.existingJar = jar;
    return p;
  }

  /** The jar named by the {@code plugin.jar} system property (set by the plugin's pom), as a school would install it. */
  public static PluginJar fromBuild() {
    String path = System.getProperty("plugin.jar");
    if (path == null) throw new IllegalStateException("Set the plugin.jar system property to the built jar (courtyard-plugin-parent sets it).");
    return existing(Path.of(path));
  }

  public PluginJar version(String v) { this.version = v; return this; }

  public PluginJar requires(String range) { this.requires = range; return this; }

  public PluginJar description(String d) { this.description = d; return this; }

  /** Classes to include (their nested classes come too); extensions are listed in the index. */
  public PluginJar extension(Class<?> type) { extensions.add(type); classes.add(type); return this; }

  public PluginJar with(Class<?> type) { classes.add(type); return this; }

  /** A resource from the test class path (a template, a migration), kept at the same path in the jar. */
  public PluginJar resource(String path) { resources.add(path); return this; }

  /** Writes the jar into {@code pluginsDir}; returns its path. */
  public Path writeTo(Path pluginsDir) {
    try {
      Files.createDirectories(pluginsDir);
      if (existingJar != null) {
        return Files.copy(existingJar, pluginsDir.resolve(existingJar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (classesDir != null) {
        if (!Files.isRegularFile(classesDir.resolve("plugin.properties"))) {
          throw new IllegalStateException(classesDir + " has no plugin.properties: is it a plugin module's target/classes?");
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(classesDir.resolve("plugin.properties"))) {
          p.load(in);
        }
        Path jar = pluginsDir.resolve(p.getProperty("plugin.id") + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classesDir)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            out.putNextEntry(new JarEntry(classesDir.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
        return jar;
      }
      Path jar = pluginsDir.resolve(id + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        Properties p = new Properties();
        p.setProperty("plugin.id", id);
        p.setProperty("plugin.version", version);
        p.setProperty("plugin.requires", requires);
        p.setProperty("plugin.description", description);
        p.setProperty("plugin.provider", "Courtyard tests");
        out.putNextEntry(new JarEntry("plugin.properties"));
        p.store(out, null);
        out.closeEntry();
        out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        write(out, String.join("\n", extensions.stream().map(Class::getName).toList()) + "\n");
        out.closeEntry();
        for (Class<?> c : classes) addClass(out, c);
        for (String r : resources) {
          try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(r)) {
            if (in == null) throw new IllegalArgumentException("No resource " + r + " on the test class path");
            out.putNextEntry(new JarEntry(r));
            in.transferTo(out);
            out.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addClass(JarOutputStream out, Class<?> c) throws IOException {
    Path file;
    try {
      file = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String pkgPath = c.getPackageName().replace('.', '/');
    Path dir = file.resolve(pkgPath);
    String prefix = c.getSimpleName();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals(prefix + ".class")
          || f.getFileName().toString().startsWith(prefix + "$")).toList()) {
        out.putNextEntry(new JarEntry(pkgPath + "/" + f.getFileName()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  private static void write(OutputStream out, String s) throws IOException { out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
}
