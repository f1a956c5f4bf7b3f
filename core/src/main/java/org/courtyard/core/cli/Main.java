package org.courtyard.core.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.demo.DemoSchool;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/** {@code bin/courtyard}: run, demo, admin create, plugins list|enable|disable. */
public final class Main {
  static final String USAGE = String.join("\n",
      "Usage: courtyard <command>",
      "  run [--cluster]              start the server (conf/courtyard.properties); --cluster joins the",
      "                               other nodes named by cluster.* there (all on one PostgreSQL database)",
      "  demo [--cluster]             create the demo school once, then start the server",
      "  admin create --username U --name \"Full Name\" [--school-name \"School\" --school slug] [--password P]",
      "                               create the first ICT-leader account (and the school if there is none)",
      "  import --format csv|ctf|oneroster FILE --mode whole-school|classes|changes [--apply [--yes]] [--school SLUG]",
      "                               preview an MIS import; --mode says what the file holds (CTF and OneRoster",
      "                               files may say it themselves); --apply applies it in one transaction; --yes",
      "                               confirms switching off and archiving what the preview lists",
      "  plugins list                 installed plugins and their state",
      "  plugins enable ID            enable a plugin (running nodes follow within seconds)",
      "  plugins disable ID           disable a plugin (running nodes follow within seconds)",
      "  plugins install [--allow-unsigned] FILE",
      "                               install a plugin jar, or upgrade the installed one to it (checked, signed by a",
      "                               publisher in conf/trusted-publishers unless --allow-unsigned; put back if it fails)",
      "  messages check [--complete cy,pl] [JAR...]",
      "                               message keys each language lacks, keys unused, and words written into",
      "                               templates, for the core and every plugin (or the jars named)",
      "  migrate-db --to postgres --url jdbc:postgresql://HOST:5432/DB [--user U] [--password P]",
      "                               copy this installation's Derby database into an empty PostgreSQL one");

  /** Held so the level set on it is not lost to garbage collection of an unreferenced logger. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.courtyard");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code >= 0) System.exit(code);
  }

  /** Returns an exit code, or -1 when a server was started and is left running. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    Config config = Config.load(Path.of(System.getProperty(Config.HOME, ".")));
    if (!"run".equals(args[0]) && !"demo".equals(args[0])) {
      // One-shot commands print their own answer; the plugin host's start/stop chatter is for server logs.
      QUIET.setLevel(java.util.logging.Level.WARNING);
    }
    try {
      switch (args[0]) {
        case "run", "demo" -> {
          for (int i = 1; i < args.length; i++) {
            if ("--cluster".equals(args[i])) config = config.with(Config.CLUSTER_ENABLED, "true");
            else throw new IllegalArgumentException("Unknown option '" + args[i] + "' for " + args[0] + ".\n" + USAGE);
          }
          if ("demo".equals(args[0])) config = demoMail(config);
          serve(config, "demo".equals(args[0]), out);
          return -1;
        }
        case "admin" -> {
          if (args.length < 2 || !"create".equals(args[1])) throw new IllegalArgumentException("Did you mean: courtyard admin create …");
          return adminCreate(config, options(args, 2), out);
        }
        case "import" -> {
          return importRoll(config, args, out);
        }
        case "plugins" -> {
          return plugins(config, args, out);
        }
        case "messages" -> {
          try {
            return MessagesCommand.run(config, args, out);
          } catch (IllegalArgumentException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("messages check stopped: " + e.getMessage(), e);
          }
        }
        case "migrate-db" -> {
          try {
            return MigrateDbCommand.run(config, options(args, 1), out);
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("migrate-db stopped: " + e.getMessage(), e);
          }
        }
        case "help", "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        default -> throw new IllegalArgumentException("Unknown command '" + args[0] + "'.\n" + USAGE);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("courtyard: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The demo keeps its e-mail in the development mailbox (shown at /dev/mail) unless its configuration
   * says otherwise, and its links point at this machine unless a site address is set.
   */
  static Config demoMail(Config config) {
    if (config.get(Config.MAIL_DEV_MAILBOX, null) == null) config = config.with(Config.MAIL_DEV_MAILBOX, "true");
    if (config.siteUrl().isEmpty()) config = config.with(Config.SITE_URL, "http://localhost:" + config.get(Config.HTTP_PORT, "8080"));
    return config;
  }

  private static void serve(Config config, boolean demo, PrintStream out) {
    // The demo school is made before the port opens, so the first sign-in already finds its accounts.
    boolean[] created = {false};
    Courtyard courtyard = Courtyard.open(config).serve(c -> {
      if (demo) created[0] = DemoSchool.ensure(c);
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      courtyard.close();
      stopped.countDown();
    }, "courtyard-shutdown"));
    if (demo) {
      out.println();
      out.println(created[0] ? "Created the demo school." : "The demo school is ready (kept from last time).");
      out.println("Open http://localhost:" + courtyard.port() + "/ and sign in as:");
      for (DemoSchool.Account a : DemoSchool.ACCOUNTS) {
        out.printf("  %-12s password %-18s %s%n", a.username(), a.password(), a.who());
      }
      out.println("Picture login for Class 2 Willow: http://localhost:" + courtyard.port() + "/picture");
      if (courtyard.get(org.courtyard.core.notify.mail.MailOutbox.class).settings().devMailbox()) {
        out.println("E-mails the demo sends: http://localhost:" + courtyard.port() + "/dev/mail");
      }
      out.println("Stop with Ctrl+C. Data is kept in " + config.dataDir());
    }
  }

  private static int adminCreate(Config config, Map<String, String> o, PrintStream out) {
    String username = require(o, "username");
    String name = require(o, "name");
    try (Courtyard c = Courtyard.open(config)) {
      SpaceStore spaces = c.get(SpaceStore.class);
      List<Space> schools = spaces.schools();
      Space school;
      if (o.containsKey("school")) {
        school = spaces.bySlug(o.get("school")).orElse(null);
        if (school == null) {
          school = spaces.createSchool(o.get("school"), o.getOrDefault("school-name", o.get("school")));
          out.println("Created the school " + school.name() + " (/s/" + school.slug() + ").");
        }
      } else if (schools.size() == 1) {
        school = schools.get(0);
      } else if (schools.isEmpty()) {
        String schoolName = require(o, "school-name");
        String slug = schoolName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        school = spaces.createSchool(slug, schoolName);
        out.println("Created the school " + school.name() + " (/s/" + school.slug() + ").");
      } else {
        throw new IllegalArgumentException("There are several schools; name one with --school SLUG.");
      }
      String password = o.containsKey("password") ? o.get("password") : readPassword();
      User admin = c.get(Accounts.class).create(new UserStore.NewUser(school.id(), username, name, UserKind.STAFF, o.get("email"), password, "owl", schools.isEmpty()));
      spaces.addMember(school.id(), admin.id(), Role.OWNER, true);
      // From the command line there is no signed-in actor: the entry says so.
      c.get(org.courtyard.core.audit.AuditLog.class).record(school.id(), org.courtyard.core.audit.AuditLog.Action.ACCOUNT_CREATED, null, admin,
          school.id(), "ICT leader (school admin) made with courtyard admin create", null);
      out.println("Created ICT leader " + admin.username() + " for " + school.name() + ". Sign in at /login.");
      return 0;
    }
  }

  private static int importRoll(Config config, String[] args, PrintStream out) {
    String format = null;
    String school = null;
    boolean apply = false;
    boolean yes = false;
    String mode = null;
    Path file = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--format" -> format = i + 1 < args.length ? args[++i] : null;
        case "--mode" -> mode = i + 1 < args.length ? args[++i] : "";
        case "--yes" -> yes = true;
        case "--school" -> school = i + 1 < args.length ? args[++i] : null;
        case "--apply" -> apply = true;
        default -> {
          if (args[i].startsWith("--") || file != null) throw new IllegalArgumentException("Unexpected: " + args[i]);
          file = Path.of(args[i]);
        }
      }
    }
    if (format == null || file == null) {
      throw new IllegalArgumentException("Usage: courtyard import --format csv|ctf|oneroster FILE --mode whole-school|classes|changes [--apply [--yes]]");
    }
    org.courtyard.api.roster.Roster.Scope scope = org.courtyard.api.roster.Roster.Scope.of(mode);
    if (mode != null && scope == null) {
      throw new IllegalArgumentException("--mode is whole-school (everyone not in the file leaves), classes (only the classes in the file"
          + " are compared) or changes (additions and changes only), not '" + mode + "'.");
    }
    try (Courtyard c = Courtyard.open(config)) {
      return ImportCommand.run(c, format, file, scope, apply, yes, school, out);
    }
  }

  private static int plugins(Config config, String[] args, PrintStream out) {
    if (args.length < 2) throw new IllegalArgumentException("plugins list | enable ID | disable ID | install [--allow-unsigned] FILE");
    try (Courtyard c = Courtyard.open(config)) {
      PluginHost host = c.get(PluginHost.class);
      c.get(org.courtyard.core.plugins.ReleaseSync.class).prepareFolder();
      host.loadAndStartAll();
      if ("install".equals(args[1])) {
        try {
          return PluginInstallCommand.run(c, args, out);
        } finally {
          host.stopAll();
        }
      }
      switch (args[1]) {
        case "list" -> {
          List<PluginStatus> all = host.statuses();
          if (all.isEmpty()) out.println("No plugins in " + config.pluginsDir());
          for (PluginStatus s : all) {
            out.printf("%-20s %-10s %-9s %s%s%n", s.pluginId(), s.version(), s.state(), s.description() == null ? "" : s.description(),
                s.failure() == null ? "" : "  [" + s.failure() + "]");
          }
        }
        case "enable", "disable" -> {
          if (args.length < 3) throw new IllegalArgumentException("Name the plugin: courtyard plugins " + args[1] + " ID");
          if ("enable".equals(args[1])) host.enable(args[2]);
          else host.disable(args[2]);
          out.println("Plugin " + args[2] + " " + args[1] + "d. Running servers on this database follow within 5 seconds;"
              + " the admin page changes it at once.");
        }
        default -> throw new IllegalArgumentException("plugins list | enable ID | disable ID | install [--allow-unsigned] FILE");
      }
      host.stopAll();
      return 0;
    }
  }

  private static String readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] p = console.readPassword("Password for the new account: ");
      return p == null ? "" : new String(p);
    }
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line == null) throw new IllegalArgumentException("Give a password with --password or on standard input.");
      return line;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Could not read a password: " + e.getMessage());
    }
  }

  static Map<String, String> options(String[] args, int from) {
    Map<String, String> o = new HashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = from; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) o.put(args[i].substring(2), args[++i]);
      else rest.add(args[i]);
    }
    if (!rest.isEmpty()) throw new IllegalArgumentException("Unexpected: " + String.join(" ", rest));
    return o;
  }

  private static String require(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null || v.isBlank()) throw new IllegalArgumentException("Missing --" + key);
    return v;
  }
}
