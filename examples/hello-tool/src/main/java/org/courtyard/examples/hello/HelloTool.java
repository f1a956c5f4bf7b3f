package org.courtyard.examples.hello;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** Hello notes: everyone in a space can read the notes, members can write one. */
@Extension
public final class HelloTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("hello", "Hello notes", "Short notes to say hello to your class")
        .icon("👋")
        .suits(SpaceKind.CLASS, SpaceKind.CLUB, SpaceKind.YEAR_GROUP, SpaceKind.PERSONAL, SpaceKind.STAFF)
        // Viewers (and parents, who view their child's class) can read; members can write.
        .readCapability("view", "Read the notes", Role.VIEWER)
        .capability("write", "Write a note", Role.MEMBER)
        // Declared as data: the core renders the form for the ICT leader, and each space owner may change it.
        .setting(Setting.text("greeting", "Greeting shown above the notes", "Hello!").perSpace()
            .help("For example: Good morning, Class 2!"));
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/hello");
    tool.routes(HelloRoutes.class);
    tool.menu("Write a note", "/new", "write");
  }
}
