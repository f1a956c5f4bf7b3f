package org.courtyard.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.courtyard.testkit.PluginJar;

/** The plugins the distribution tarball ships, unpacked once for the journeys' server. */
final class Distribution {
  private Distribution() {}

  private static Path unpacked;

  /** The installation as a school unpacks it: bin/courtyard, lib/, plugins/, conf/ (unpacked once per test run). */
  static synchronized Path installation() {
    if (unpacked != null) return unpacked;
    try {
      Path tarball = Path.of(System.getProperty("courtyard.dist", "../dist/target/courtyard-0.1.0-SNAPSHOT.tar.gz"));
      if (!Files.isRegularFile(tarball)) throw new IllegalStateException("Build the distribution first (mvn package): no " + tarball);
      Path into = Files.createTempDirectory("courtyard-journeys-dist");
      Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", into.toString()).inheritIO().start();
      if (tar.waitFor() != 0) throw new IllegalStateException("tar could not unpack " + tarball);
      try (Stream<Path> top = Files.list(into)) {
        unpacked = top.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IllegalStateException("The tarball has no top folder"));
      }
      return unpacked;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<PluginJar> plugins() {
    try (Stream<Path> files = Files.walk(installation().resolve("plugins"))) {
      List<PluginJar> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().map(PluginJar::existing).toList();
      if (jars.isEmpty()) throw new IllegalStateException("The distribution has no plugins");
      return jars;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
