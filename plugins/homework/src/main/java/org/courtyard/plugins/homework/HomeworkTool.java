package org.courtyard.plugins.homework;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** Homework: set, hand in, mark, return. */
@Extension
public final class HomeworkTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("homework", "Homework", "Set tasks, hand work in, mark it and give it back").icon("🎒")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB)
        .readCapability("view", "See the tasks (parents see their own child's marks)", Role.VIEWER)
        .capability("submit", "Hand work in", Role.MEMBER)
        .capability("mark", "Set tasks, give extensions, mark and return work", Role.TEACHER)
        .setting(Setting.text("grade-scale", "Grades to mark with (comma-separated; empty for marks out of the number below)",
            "Not yet satisfactory, Satisfactory, Outstanding"))
        .setting(Setting.number("max-mark", "Highest mark, when marking with numbers", 10));
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/homework");
    tool.routes(HomeworkRoutes.class);
    tool.menu("Not handed in", "/missing", "mark");
  }
}
