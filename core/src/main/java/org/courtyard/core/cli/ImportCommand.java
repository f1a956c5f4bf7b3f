package org.courtyard.core.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.core.Courtyard;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.roster.ImportService;
import org.courtyard.core.roster.Plan;
import org.courtyard.core.roster.RosterSync;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * {@code courtyard import --format csv|ctf|oneroster FILE --mode whole-school|classes|changes [--apply [--yes]] [--school SLUG]}:
 * preview, then apply with a progress line. Without {@code --mode} the file must say what it holds
 * (CTF, OneRoster); switching anyone off or archiving anything also needs {@code --yes}.
 */
final class ImportCommand {
  private ImportCommand() {}

  /** A folder export (OneRoster's manifest.csv and friends) is zipped, so it is kept and re-read like an upload. */
  static Path zipFolder(Path dir) {
    try {
      Path zip = Files.createTempFile("courtyard-import", ".zip");
      zip.toFile().deleteOnExit();
      try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); var files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
          Files.copy(f, out);
          out.closeEntry();
        }
      }
      return zip;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Could not read the folder " + dir + ": " + e.getMessage());
    }
  }

  static int run(Courtyard c, String format, Path file, Roster.Scope mode, boolean apply, boolean yes, String schoolSlug, PrintStream out) {
    PluginHost host = c.get(PluginHost.class);
    host.loadAndStartAll();
    try {
      SpaceStore spaces = c.get(SpaceStore.class);
      List<Space> schools = spaces.schools();
      Space school;
      if (schoolSlug != null) {
        school = spaces.bySlug(schoolSlug).filter(s -> schools.stream().anyMatch(x -> x.id() == s.id()))
            .orElseThrow(() -> new IllegalArgumentException("There is no school '" + schoolSlug + "'."));
      } else if (schools.size() == 1) {
        school = schools.get(0);
      } else {
        throw new IllegalArgumentException(schools.isEmpty() ? "There is no school yet: run `courtyard admin create` first."
            : "There are several schools; name one with --school SLUG.");
      }
      if (Files.isDirectory(file)) file = zipFolder(file);
      else if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No file at " + file + ".");
      ImportService imports = c.get(ImportService.class);
      ImportService.Preview preview;
      try {
        preview = imports.preview(school.id(), null, format, file, file.getFileName().toString(), mode);
      } catch (RosterException e) {
        out.println("Refused: " + e.getMessage() + (mode == null ? " Use --mode whole-school, --mode classes or --mode changes." : ""));
        out.println("Nothing was changed.");
        return 1;
      }
      Plan plan = preview.plan();
      out.println("The file holds: " + plan.mode().label().toLowerCase(Locale.ROOT) + (mode == null ? " (as the file says)" : "")
          + (plan.declared() != null && plan.declared() != plan.mode() ? "; the file itself says: " + plan.declared().label().toLowerCase(Locale.ROOT) : ""));
      out.println("Import into " + school.name() + ": " + plan.summary(RosterSync.ENGLISH));
      for (Map.Entry<Plan.Action, Integer> e : plan.counts().entrySet()) {
        if (e.getKey() == Plan.Action.UNCHANGED || e.getValue() == 0) continue;
        out.println(e.getKey().name().toLowerCase() + " (" + e.getValue() + "):");
        plan.rows(e.getKey()).stream().limit(50).forEach(r -> out.println("  " + r.subject().name().toLowerCase().replace('_', ' ') + " "
            + (r.externalId() == null ? "" : r.externalId()) + (r.name() == null ? "" : " " + r.name())
            + (r.changes().isEmpty() ? "" : " — " + String.join("; ", r.changes())) + (r.where() == null ? "" : " [" + r.where() + "]")));
        if (e.getValue() > 50) out.println("  … and " + (e.getValue() - 50) + " more");
      }
      String consequences = ImportService.consequences(plan.switchOffs().size(), plan.archives().size(), RosterSync.ENGLISH);
      if (plan.needsConfirmation()) {
        out.println("Applying this would " + consequences + ":");
        plan.switchOffs().stream().limit(50).forEach(r -> out.println("  switch off " + r.name() + " (" + r.externalId() + ")"));
        if (plan.switchOffs().size() > 50) out.println("  … and " + (plan.switchOffs().size() - 50) + " more accounts");
        plan.archives().stream().limit(50).forEach(r -> out.println("  archive " + r.name() + " (" + r.externalId() + ")"));
        if (plan.archives().size() > 50) out.println("  … and " + (plan.archives().size() - 50) + " more classes");
      }
      if (!apply) {
        out.println("This was a preview: nothing was changed. Add --apply" + (plan.needsConfirmation() ? " --yes" : "") + " to apply it.");
        return 0;
      }
      if (plan.nothingToDo()) {
        out.println("Nothing to apply.");
        return 0;
      }
      if (plan.needsConfirmation() && !yes) {
        out.println("Refused: this would " + consequences + ", and you did not say yes to that. To go ahead, run it again with --apply --yes."
            + " Nothing was changed.");
        return 1;
      }
      RosterSync.Applied applied = imports.applyNow(school.id(), preview.runId(), null, yes,
          (done, total) -> out.print("\rApplying " + done + " of " + total + " (" + (100 * done / Math.max(total, 1)) + "%)"));
      out.println();
      out.println("Applied: " + applied.plan().summary(RosterSync.ENGLISH));
      out.println("To undo it: School admin → Import from the MIS → import " + preview.runId() + " → Undo this import.");
      if (!applied.accounts().isEmpty()) {
        out.println(applied.accounts().size() + " new accounts. Print their first sign-in letters from School admin → Import → import "
            + preview.runId() + ", or read the codes here:");
        applied.accounts().stream().limit(20).forEach(a -> out.println("  " + a.username() + "  " + a.code() + "  " + a.displayName()));
        if (applied.accounts().size() > 20) out.println("  … and " + (applied.accounts().size() - 20) + " more");
      }
      return 0;
    } catch (IllegalStateException e) {
      out.println(e.getMessage());
      return 1;
    } finally {
      host.stopAll();
    }
  }
}
