package org.courtyard.core.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.core.Courtyard;
import org.courtyard.core.plugins.PluginInstaller;
import org.courtyard.core.plugins.PluginRefused;

/**
 * {@code courtyard plugins install [--allow-unsigned] FILE}: the admin page's upload, for an installation
 * that is stopped (or, on a shared PostgreSQL, beside running nodes, which follow the recorded release).
 * The same installer runs: checks, versioned copy, migrations as it starts, the old version put back on failure.
 */
final class PluginInstallCommand {
  private PluginInstallCommand() {}

  static int run(Courtyard c, String[] args, PrintStream out) {
    boolean allowUnsigned = false;
    Path file = null;
    for (int i = 2; i < args.length; i++) {
      if ("--allow-unsigned".equals(args[i])) allowUnsigned = true;
      else if (args[i].startsWith("--") || file != null) throw new IllegalArgumentException("Unexpected: " + args[i] + "\nUsage: courtyard plugins install [--allow-unsigned] FILE");
      else file = Path.of(args[i]);
    }
    if (file == null) throw new IllegalArgumentException("Name the plugin file: courtyard plugins install [--allow-unsigned] FILE");
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("There is no file " + file + ".");
    try {
      PluginInstaller.Result r = c.get(PluginInstaller.class).install(file.toAbsolutePath(),
          new PluginInstaller.Request(allowUnsigned, "the command line (" + file.getFileName() + ")", null, null));
      out.println(r.message() + " Running servers on this database follow within 5 seconds.");
      return 0;
    } catch (PluginRefused e) {
      out.println("Not installed: " + e.getMessage());
      return 1;
    }
  }
}
