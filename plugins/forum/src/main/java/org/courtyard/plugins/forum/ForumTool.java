package org.courtyard.plugins.forum;

import java.time.LocalTime;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.event.ToolAddedToSpace;
import org.courtyard.api.job.Schedule;
import org.pf4j.Extension;

/** Discussions with moderation for every age. */
@Extension
public final class ForumTool implements Tool {
  static final String ID = "forum";
  static final CapabilityKey VIEW = CapabilityKey.read("view", "Read discussions", Role.VIEWER);
  static final CapabilityKey POST = CapabilityKey.write("post", "Start discussions and reply", Role.MEMBER);
  static final CapabilityKey REPORT = CapabilityKey.write("report", "Report a post to a teacher", Role.MEMBER);
  static final CapabilityKey MODERATE = CapabilityKey.write("moderate", "Approve, hide and restore posts; pin and lock discussions; make forums", Role.TEACHER);

  static final Setting<String> MODERATION = Setting.choice("moderation", "Learners' posts", "after",
          Setting.Choice.of("after", "Show at once; a teacher can hide them"), Setting.Choice.of("before", "A teacher approves each one before others see it"))
      .perSpace()
      .help("before: a teacher approves each learner's post before others see it; after: posts show at once and can be hidden.");
  static final Setting<String> WORD_FILTER = Setting.text("word-filter", "Words that hold a post for a teacher (comma-separated)", "")
      .help("A post using one of these words waits for a teacher, whatever the moderation setting.");
  static final Setting<String> OPEN_FROM = Setting.text("open-from", "Posting opens at (HH:MM, empty for always)", "").perSpace()
      .help("Quiet hours: outside the open times, posting is closed (e.g. open 15:30 to 21:00 to keep lessons quiet).");
  static final Setting<String> OPEN_UNTIL = Setting.text("open-until", "Posting closes at (HH:MM, empty for always)", "").perSpace();
  static final Setting<Long> MAX_ATTACHMENT_MB = Setting.number("max-attachment-mb", "Largest attachment (MB)", 5);

  /** The kinds of notification the forum sends (each person chooses how each reaches them). */
  static final String KIND_REPLY = "reply";
  static final String KIND_HELD = "held";
  static final String KIND_WAITING = "waiting";
  static final String KIND_APPROVED = "approved";

  /** When teachers are told each morning about posts still waiting for them. */
  static final LocalTime REMINDER_AT = LocalTime.of(7, 30);

  @Override
  public ToolInfo info() {
    return ToolInfo.of(ID, "Forum", "Discussions with moderation for every age").icon("💬")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.HOUSE, SpaceKind.CLUB, SpaceKind.STAFF,
            SpaceKind.GOVERNORS, SpaceKind.COMMUNITY, SpaceKind.CLUSTER, SpaceKind.SCHOOL)
        .capabilities(VIEW, POST, REPORT, MODERATE)
        .setting(MODERATION).setting(WORD_FILTER).setting(OPEN_FROM).setting(OPEN_UNTIL).setting(MAX_ATTACHMENT_MB)
        .notification(KIND_REPLY, "A reply in a discussion you are in")
        .notification(KIND_HELD, "A post waits for you to approve it")
        .notification(KIND_WAITING, "Each morning: posts still waiting for a teacher")
        .notification(KIND_APPROVED, "Your post was approved");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/forum");
    tool.routes(ForumRoutes.class);
    tool.menu("Moderation queue", "/moderation", MODERATE);
    tool.widget("latest", "Latest in the forum", VIEW, LatestPostsWidget.class);
    tool.listen(ToolAddedToSpace.class, DefaultForum.class);
    tool.job("moderation-reminder", Schedule.dailyAt(REMINDER_AT), ModerationReminder.class);
    tool.personalData(ForumData.class);
    tool.agenda(ForumAgenda.class);
  }
}
