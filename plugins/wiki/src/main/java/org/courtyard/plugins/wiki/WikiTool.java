package org.courtyard.plugins.wiki;

import java.time.LocalTime;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.job.Schedule;
import org.pf4j.Extension;

/** Pages written together, or one wiki per learner. */
@Extension
public final class WikiTool implements Tool {
  static final String ID = "wiki";
  /** The kinds of notification the wiki sends (each person chooses how each reaches them). */
  static final String KIND_PAGE_EDITED = "page-edited";
  static final String KIND_OWN_CHANGED = "own-changed";
  static final CapabilityKey VIEW = CapabilityKey.read("view", "Read the pages", Role.VIEWER);
  static final CapabilityKey EDIT = CapabilityKey.write("edit", "Write and change pages", Role.MEMBER);
  static final CapabilityKey MODERATE = CapabilityKey.write("moderate", "Lock pages and read every learner's own wiki", Role.TEACHER);
  static final Setting<String> MODE = Setting.choice("mode", "Who writes", "shared",
          Setting.Choice.of("shared", "One wiki everyone writes"), Setting.Choice.of("individual", "Each learner has their own, which teachers can read"))
      .perSpace()
      .help("shared: one wiki everyone writes; individual: each learner has their own, which teachers can read.");

  /** When teachers hear which learners changed their own wikis that day. */
  static final LocalTime DIGEST_AT = LocalTime.of(17, 0);

  @Override
  public ToolInfo info() {
    return ToolInfo.of(ID, "Wiki", "Pages written together, with every change kept").icon("📖")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.GOVERNORS,
            SpaceKind.COMMUNITY, SpaceKind.CLUSTER, SpaceKind.PERSONAL)
        .capabilities(VIEW, EDIT, MODERATE)
        .setting(MODE)
        .notification(KIND_PAGE_EDITED, "Someone changed a page you wrote")
        .notification(KIND_OWN_CHANGED, "Each afternoon: learners who changed their own wikis");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/wiki");
    tool.routes(WikiRoutes.class);
    tool.job("own-wiki-digest", Schedule.dailyAt(DIGEST_AT), OwnWikiDigest.class);
    tool.personalData(WikiData.class);
  }
}
