package org.courtyard.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin author's reference (docs/PLUGIN-API.md) names every public type of the API. */
class PluginApiReferenceTest {
  @Test
  void everyPublicTypeIsInTheReference() throws IOException {
    String reference = Files.readString(Path.of("../docs/PLUGIN-API.md"));
    List<String> missing;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/courtyard/api"))) {
      missing = files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
          .filter(PluginApiReferenceTest::isPublic)
          .map(f -> f.getFileName().toString().replace(".java", ""))
          .filter(type -> !reference.contains("`" + type + "`") && !reference.contains("`" + type + "<"))
          .sorted().toList();
    }
    assertTrue(missing.isEmpty(), "docs/PLUGIN-API.md does not describe: " + missing);
  }

  /** Whether the file's own type is public (a package's helpers are not the API). */
  private static boolean isPublic(Path file) {
    String type = file.getFileName().toString().replace(".java", "");
    try {
      return java.util.regex.Pattern.compile("public\\s+(final\\s+|abstract\\s+|sealed\\s+)*(class|interface|record|enum|@interface)\\s+" + type + "\\b")
          .matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
