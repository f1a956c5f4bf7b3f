package org.courtyard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.roster.Roster;
import org.courtyard.core.Courtyard;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.roster.Plan;
import org.courtyard.core.roster.RosterSync;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * Times the import engine on embedded Derby with a generated roll: 2,000 learners in 80 classes
 * (8 year groups of 10 classes), 3,000 parents (siblings share parents). Preview, apply (one
 * transaction), and the nightly re-import that changes nothing.
 */
final class ImportBench {
  private ImportBench() {}

  static Roster roll(int learners, int classes, int parents) {
    List<Roster.Person> people = new ArrayList<>();
    List<Roster.Group> groups = new ArrayList<>();
    List<Roster.Enrolment> enrol = new ArrayList<>();
    List<Roster.ParentLink> links = new ArrayList<>();
    int years = 8;
    for (int y = 1; y <= years; y++) groups.add(new Roster.Group("year:" + y, SpaceKind.YEAR_GROUP, "Year " + y, null, false, "gen"));
    for (int c = 0; c < classes; c++) {
      int y = c % years + 1;
      groups.add(new Roster.Group("class:" + c, SpaceKind.CLASS, "Class " + y + (char) ('A' + c / years), "year:" + y, false, "gen"));
    }
    for (int i = 0; i < learners; i++) {
      String id = "L" + i;
      people.add(new Roster.Person(id, UserKind.LEARNER, "Learner" + i, "Family" + (i / 2), null, null, null, false, "row " + i));
      int c = i % classes;
      enrol.add(new Roster.Enrolment("class:" + c, id, Role.MEMBER, false, "row " + i));
      enrol.add(new Roster.Enrolment("year:" + (c % years + 1), id, Role.MEMBER, false, "row " + i));
    }
    // Parents: siblings (learners 2k and 2k+1) share their parents; 1.5 parents per learner on average.
    for (int p = 0; p < parents; p++) {
      String id = "P" + p;
      people.add(new Roster.Person(id, UserKind.PARENT, "Parent" + p, "Family" + (p % (learners / 2)), null, "parent" + p + "@home.example", null, false, "contact " + p));
      int family = p % (learners / 2);
      links.add(new Roster.ParentLink(id, "L" + (2 * family), "contact " + p));
      links.add(new Roster.ParentLink(id, "L" + (2 * family + 1), "contact " + p));
    }
    return new Roster(Roster.Scope.WHOLE_SCHOOL, people, groups, enrol, links, List.of());
  }

  static void run(Path install) throws Exception {
    System.out.println("== Import benchmark: 2,000 learners, 80 classes, 3,000 parents on embedded Derby");
    Path home = Files.createTempDirectory("courtyard-import-bench");
    Config config = Config.of(Map.of(Config.HOME, home.toString(), Config.PLUGINS_DIR, install.resolve("plugins").toString()));
    try (Courtyard c = Courtyard.open(config)) {
      Space school = c.get(SpaceStore.class).createSchool("bench-school", "Bench School");
      Roster roster = roll(2000, 80, 3000);
      RosterSync sync = c.get(RosterSync.class);
      long t0 = System.nanoTime();
      Plan plan = sync.plan(school.id(), roster, Roster.Scope.WHOLE_SCHOOL);
      long previewMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("Preview: %d ms (%s)%n", previewMs, plan.summary(org.courtyard.core.roster.RosterSync.ENGLISH));
      long run = c.get(Db.class).insert("INSERT INTO import_runs (school_id, format, file_name, status) VALUES (?, 'bench', 'generated', 'RUNNING')", school.id());
      t0 = System.nanoTime();
      RosterSync.Applied applied = sync.apply(school.id(), roster, Roster.Scope.WHOLE_SCHOOL, run, null, null);
      long applyMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("Apply in one transaction: %d ms (%d new accounts)%n", applyMs, applied.accounts().size());
      t0 = System.nanoTime();
      Plan again = sync.plan(school.id(), roster, Roster.Scope.WHOLE_SCHOOL);
      System.out.printf("Re-import preview (nightly sync, nothing to change): %d ms (%s)%n", (System.nanoTime() - t0) / 1_000_000, again.summary(org.courtyard.core.roster.RosterSync.ENGLISH));
    }
  }
}
