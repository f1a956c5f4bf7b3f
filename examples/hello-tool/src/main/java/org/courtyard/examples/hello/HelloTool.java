package org.courtyard.examples.hello;

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

/**
 * Hello notes: everyone in a space can read the notes, members can write one. The whole contribution
 * of the plugin is declared here: what it is (info), and what it adds to the server (install).
 */
@Extension
public final class HelloTool implements Tool {
  /** Viewers (and parents, who view their child's class) can read. */
  static final CapabilityKey VIEW = CapabilityKey.read("view", "Read the notes", Role.VIEWER);
  /** Members can write. */
  static final CapabilityKey WRITE = CapabilityKey.write("write", "Write a note", Role.MEMBER);
  /** Declared as data: the core renders the form for the ICT leader, and each space's owner may change it. */
  static final Setting<String> GREETING = Setting.text("greeting", "Greeting shown above the notes", "Hello!").perSpace()
      .help("For example: Good morning, Class 2!");
  /** The longest note, in characters; the school chooses. */
  static final Setting<Long> MAX_LENGTH = Setting.number("max-length", "Longest note (characters)", 500);

  @Override
  public ToolInfo info() {
    return ToolInfo.of("hello", "Hello notes", "Short notes to say hello to your class")
        .icon("👋")
        .suits(SpaceKind.CLASS, SpaceKind.CLUB, SpaceKind.YEAR_GROUP, SpaceKind.PERSONAL, SpaceKind.STAFF)
        .capabilities(VIEW, WRITE)
        .setting(GREETING)
        .setting(MAX_LENGTH);
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/hello");
    tool.routes(HelloRoutes.class);
    tool.menu("Write a note", "/new", WRITE);
    // Runs once a night across the whole cluster, at 02:00 in the school's time zone.
    tool.job("forget-old-notes", Schedule.dailyAt(LocalTime.of(2, 0)), ForgetOldNotes.class);
    // Answers "everything about this person" and "erase this person" for the school's privacy duties.
    tool.personalData(HelloPersonalData.class);
  }
}
