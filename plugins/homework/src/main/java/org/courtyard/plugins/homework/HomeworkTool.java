package org.courtyard.plugins.homework;

import java.time.Duration;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.job.Schedule;
import org.pf4j.Extension;

/** Homework: set, hand in, mark, return. */
@Extension
public final class HomeworkTool implements Tool {
  static final CapabilityKey VIEW = CapabilityKey.read("view", "See the tasks (parents see their own child's marks)", Role.VIEWER);
  static final CapabilityKey SUBMIT = CapabilityKey.write("submit", "Hand work in", Role.MEMBER);
  static final CapabilityKey MARK = CapabilityKey.write("mark", "Set tasks, give extensions, mark and return work", Role.TEACHER);
  static final Setting<String> GRADE_SCALE = Setting.text("grade-scale",
      "Grades to mark with (comma-separated; empty for marks out of the number below)", "Not yet satisfactory, Satisfactory, Outstanding");
  /** The kinds of notification homework sends; each person chooses how each reaches them. */
  static final String SET = "set";
  static final String SET_FOR_CHILD = "set-for-child";
  static final String HANDED_IN = "handed-in";
  static final String HANDED_IN_LATE = "handed-in-late";
  static final String DUE = "due";
  static final String CLOSED = "closed";
  static final String RETURNED = "returned";
  static final String CHILD_RETURNED = "child-returned";
  static final Setting<Long> MAX_MARK = Setting.number("max-mark", "Highest mark, when marking with numbers", 10);

  @Override
  public ToolInfo info() {
    return ToolInfo.of("homework", "Homework", "Set tasks, hand work in, mark it and give it back").icon("🎒")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB)
        .capabilities(VIEW, SUBMIT, MARK)
        .setting(GRADE_SCALE)
        .setting(MAX_MARK)
        .notification(SET, "New homework is set for you")
        .notification(SET_FOR_CHILD, "New homework is set for your child")
        .notification(HANDED_IN, "A learner hands in work")
        .notification(HANDED_IN_LATE, "A learner hands in work late")
        .notification(DUE, "A task you set reaches its due time")
        .notification(CLOSED, "A task closes before you hand in")
        .notification(RETURNED, "Your work is marked and given back")
        .notification(CHILD_RETURNED, "Your child's work is marked and given back");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/homework");
    tool.routes(HomeworkRoutes.class);
    tool.menu("Not handed in", "/missing", MARK);
    tool.job("deadlines", Schedule.every(Duration.ofMinutes(1)), Deadlines.class);
    tool.personalData(HomeworkData.class);
    tool.agenda(HomeworkAgenda.class);
  }
}
