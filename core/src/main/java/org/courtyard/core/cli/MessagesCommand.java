package org.courtyard.core.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.courtyard.core.config.Config;
import org.courtyard.core.i18n.Language;
import org.courtyard.core.i18n.MessageCheck;

/**
 * {@code courtyard messages check [--complete cy] [--parents pl,ur,ar] [JAR...]}: for the core and each
 * plugin (or the jars named), the message keys each language lacks (and of those, the keys of the pages
 * parents read, as {@code messages/<owner>.parents} says), keys nothing uses, and words written into
 * templates instead of messages. Exits 1 when English lacks a key that is used, a template has bare
 * words, a language named with --complete lacks any key, or one named with --parents lacks a key of
 * the parents' pages.
 */
final class MessagesCommand {
  private MessagesCommand() {}

  static int run(Config config, String[] args, PrintStream out) throws Exception {
    if (args.length < 2 || !"check".equals(args[1])) throw new IllegalArgumentException("Usage: courtyard messages check [--complete cy] [--parents pl,ur,ar] [JAR...]");
    Set<String> complete = Set.of();
    Set<String> parents = Set.of();
    List<Path> jars = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if ("--complete".equals(args[i]) && i + 1 < args.length) complete = Set.of(args[++i].split(","));
      else if ("--parents".equals(args[i]) && i + 1 < args.length) parents = Set.of(args[++i].split(","));
      else jars.add(Path.of(args[i]));
    }
    for (String l : complete) if (Language.byCode(l).isEmpty()) throw new IllegalArgumentException("No shipped language '" + l + "'.");
    for (String l : parents) if (Language.byCode(l).isEmpty()) throw new IllegalArgumentException("No shipped language '" + l + "'.");
    List<MessageCheck.Report> reports = new ArrayList<>();
    if (jars.isEmpty()) {
      Path core = Path.of(MessagesCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      reports.add(Files.isDirectory(core) ? MessageCheck.checkSources("core", core, null) : MessageCheck.checkJar(core, "core"));
      Path plugins = config.pluginsDir();
      if (Files.isDirectory(plugins)) {
        try (Stream<Path> s = Files.list(plugins)) {
          for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) reports.add(MessageCheck.checkJar(jar, pluginId(jar)));
        }
      }
    } else {
      for (Path jar : jars) reports.add(MessageCheck.checkJar(jar, pluginId(jar)));
    }
    boolean ok = true;
    for (MessageCheck.Report r : reports) {
      out.println(r.owner() + ": " + r.used().size() + " keys used");
      if (!r.missingInEnglish().isEmpty()) {
        ok = false;
        out.println("  used but missing in English (" + r.missingInEnglish().size() + "): " + String.join(", ", r.missingInEnglish()));
      }
      for (var e : r.missingByLanguage().entrySet()) {
        String line = "  " + e.getKey() + ": " + (e.getValue().isEmpty() ? "complete" : e.getValue().size() + " missing");
        Set<String> forParents = r.missingForParents(e.getKey());
        if (!e.getValue().isEmpty() && !r.parentsKeys().isEmpty()) {
          line += forParents.isEmpty() ? " (parents' pages: complete)" : " (parents' pages: " + forParents.size() + " missing)";
        }
        if (complete.contains(e.getKey()) && !e.getValue().isEmpty()) {
          ok = false;
          line += ": " + String.join(", ", e.getValue());
        } else if (parents.contains(e.getKey()) && !forParents.isEmpty()) {
          ok = false;
          line += ": " + String.join(", ", forParents);
        }
        out.println(line);
      }
      if (!r.unused().isEmpty()) out.println("  unused (" + r.unused().size() + "): " + String.join(", ", r.unused()));
      if (!r.bareText().isEmpty()) {
        ok = false;
        out.println("  words written into templates instead of messages (" + r.bareText().size() + "):");
        r.bareText().forEach(b -> out.println("    " + b));
      }
    }
    return ok ? 0 : 1;
  }

  /** A plugin jar's id (its messages are messages/<id>.properties). */
  private static String pluginId(Path jar) throws java.io.IOException {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
      java.util.zip.ZipEntry e = z.getEntry("plugin.properties");
      if (e == null) return jar.getFileName().toString();
      java.util.Properties p = new java.util.Properties();
      try (var in = z.getInputStream(e)) {
        p.load(in);
      }
      return p.getProperty("plugin.id", jar.getFileName().toString());
    }
  }
}
