package org.courtyard.plugins.wiki;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** Pages written together, or one wiki per learner. */
@Extension
public final class WikiTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("wiki", "Wiki", "Pages written together, with every change kept").icon("📖")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.GOVERNORS,
            SpaceKind.COMMUNITY, SpaceKind.CLUSTER, SpaceKind.PERSONAL)
        .readCapability("view", "Read the pages", Role.VIEWER)
        .capability("edit", "Write and change pages", Role.MEMBER)
        .capability("moderate", "Lock pages and read every learner's own wiki", Role.TEACHER)
        .setting(Setting.choice("mode", "Who writes", "shared", "shared", "individual").perSpace()
            .help("shared: one wiki everyone writes; individual: each learner has their own, which teachers can read."));
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/wiki");
    tool.routes(WikiRoutes.class);
  }
}
