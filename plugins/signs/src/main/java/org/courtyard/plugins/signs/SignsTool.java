package org.courtyard.plugins.signs;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** A gallery of short sign-language videos for a space, with a sign of the week and practice. */
@Extension
public final class SignsTool implements Tool {
  static final String DEFAULT_CATEGORIES = "alphabet, numbers, colours, feelings, classroom, people, family, animals, food, days and time, questions";

  @Override
  public ToolInfo info() {
    return ToolInfo.of("signs", "Signs", "A gallery of sign-language (BSL) videos to watch, learn and practise").icon("🤟")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.COMMUNITY, SpaceKind.SCHOOL)
        .readCapability("view", "Watch the approved signs and their captions", Role.VIEWER)
        .capability("practise", "Use practice mode (which word is this sign?)", Role.VIEWER)
        .capability("upload", "Upload sign videos (a learner also needs to be on the gallery's list of uploaders)", Role.MEMBER)
        .capability("approve", "Approve or turn down uploaded videos; choose the sign of the week", Role.TEACHER)
        .capability("manage", "Edit and delete any sign, its captions, and who may upload", Role.TEACHER)
        .setting(Setting.number("max-video-mb", "Largest sign video (MB)", 50)
            .help("Uploads declaring a bigger size are refused before any byte is sent. Short sign clips are usually 1–10 MB."))
        .setting(Setting.text("categories", "Categories offered when adding a sign (comma-separated)", DEFAULT_CATEGORIES).perSpace()
            .help("Teachers can also type a new category on the form; it is then offered in that gallery."));
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/signs");
    tool.routes(SignsRoutes.class);
    tool.routes(UploadRoutes.class);
    tool.routes(PracticeRoutes.class);
    tool.menu("Practise", "/practice", "practise");
    tool.menu("Waiting for approval", "/pending", "approve");
    tool.widget("week", "Sign of the week", "view", SignOfTheWeekWidget.class);
  }
}
