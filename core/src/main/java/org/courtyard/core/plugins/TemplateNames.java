package org.courtyard.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The Handlebars templates a plugin ships ({@code templates/**.hbs}), by name without the suffix, from its jar or folder. */
final class TemplateNames {
  private static final String FOLDER = "templates/";

  private TemplateNames() {}

  static List<String> of(Path plugin) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(plugin)) {
        Path root = Files.isDirectory(plugin.resolve("classes")) ? plugin.resolve("classes") : plugin;
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return names;
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(f -> f.toString().endsWith(".hbs"))
              .forEach(f -> names.add(strip(folder.relativize(f).toString().replace('\\', '/'))));
        }
      } else {
        try (JarFile jar = new JarFile(plugin.toFile())) {
          jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(FOLDER) && n.endsWith(".hbs"))
              .forEach(n -> names.add(strip(n.substring(FOLDER.length()))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the templates of " + plugin.getFileName() + ": " + e.getMessage(), e);
    }
    return names;
  }

  private static String strip(String name) { return name.substring(0, name.length() - ".hbs".length()); }
}
