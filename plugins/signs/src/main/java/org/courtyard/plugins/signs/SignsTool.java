package org.courtyard.plugins.signs;

import java.time.Duration;
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

/** A gallery of short sign-language videos for a space, with a sign of the week and practice. */
@Extension
public final class SignsTool implements Tool {
  static final String DEFAULT_CATEGORIES = "alphabet, numbers, colours, feelings, classroom, people, family, animals, food, days and time, questions";

  static final CapabilityKey VIEW = CapabilityKey.read("view", "Watch the approved signs and their captions", Role.VIEWER);
  static final CapabilityKey PRACTISE = CapabilityKey.write("practise", "Use practice mode (which word is this sign?)", Role.VIEWER);
  static final CapabilityKey UPLOAD = CapabilityKey.write("upload",
      "Upload sign videos (a learner also needs to be on the gallery's list of uploaders)", Role.MEMBER);
  static final CapabilityKey APPROVE = CapabilityKey.write("approve", "Approve or turn down uploaded videos; choose the sign of the week", Role.TEACHER);
  static final CapabilityKey MANAGE = CapabilityKey.write("manage", "Edit and delete any sign, its captions, and who may upload", Role.TEACHER);

  static final Setting<Long> MAX_VIDEO_MB = Setting.number("max-video-mb", "Largest sign video (MB)", 50)
      .help("Uploads declaring a bigger size are refused before any byte is sent. Short sign clips are usually 1–10 MB.");
  static final Setting<String> CATEGORIES = Setting.text("categories", "Categories offered when adding a sign (comma-separated)", DEFAULT_CATEGORIES)
      .perSpace().help("Teachers can also type a new category on the form; it is then offered in that gallery.");

  /** The kinds of notification the gallery sends (each person chooses how each reaches them). */
  static final String KIND_TO_APPROVE = "to-approve";
  static final String KIND_APPROVED = "approved";
  static final String KIND_TURNED_DOWN = "turned-down";

  @Override
  public ToolInfo info() {
    return ToolInfo.of("signs", "Signs", "A gallery of sign-language (BSL) videos to watch, learn and practise").icon("🤟")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.COMMUNITY, SpaceKind.SCHOOL)
        .capabilities(VIEW, PRACTISE, UPLOAD, APPROVE, MANAGE)
        .setting(MAX_VIDEO_MB)
        .setting(CATEGORIES)
        .notification(KIND_TO_APPROVE, "A learner's video waits for you to approve it")
        .notification(KIND_APPROVED, "Your video was approved")
        .notification(KIND_TURNED_DOWN, "Your video was turned down");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/signs");
    tool.routes(SignsRoutes.class);
    tool.routes(UploadRoutes.class);
    tool.routes(PracticeRoutes.class);
    tool.menu("Practise", "/practice", PRACTISE);
    tool.menu("Waiting for approval", "/pending", APPROVE);
    tool.widget("week", "Sign of the week", VIEW, SignOfTheWeekWidget.class);
    tool.job("drop-unfinished-uploads", Schedule.every(Duration.ofHours(1)), Cleanup.UnfinishedUploads.class);
    tool.job("clear-old-practice", Schedule.dailyAt(LocalTime.of(3, 15)), Cleanup.OldPractice.class);
    tool.personalData(SignsData.class);
    tool.agenda(SignsAgenda.class);
  }
}
