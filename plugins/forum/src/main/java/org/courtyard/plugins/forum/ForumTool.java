package org.courtyard.plugins.forum;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** Discussions with moderation for every age. */
@Extension
public final class ForumTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("forum", "Forum", "Discussions with moderation for every age").icon("💬")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.HOUSE, SpaceKind.CLUB, SpaceKind.STAFF,
            SpaceKind.GOVERNORS, SpaceKind.COMMUNITY, SpaceKind.CLUSTER, SpaceKind.SCHOOL)
        .readCapability("view", "Read discussions", Role.VIEWER)
        .capability("post", "Start discussions and reply", Role.MEMBER)
        .capability("report", "Report a post to a teacher", Role.MEMBER)
        .capability("moderate", "Approve, hide and restore posts; pin and lock discussions; make forums", Role.TEACHER)
        .setting(Setting.choice("moderation", "Learners' posts", "after", "after", "before").perSpace()
            .help("before: a teacher approves each learner's post before others see it; after: posts show at once and can be hidden."))
        .setting(Setting.text("word-filter", "Words that hold a post for a teacher (comma-separated)", "")
            .help("A post using one of these words waits for a teacher, whatever the moderation setting."))
        .setting(Setting.text("open-from", "Posting opens at (HH:MM, empty for always)", "").perSpace()
            .help("Quiet hours: outside the open times, posting is closed (e.g. open 15:30 to 21:00 to keep lessons quiet)."))
        .setting(Setting.text("open-until", "Posting closes at (HH:MM, empty for always)", "").perSpace())
        .setting(Setting.number("max-attachment-mb", "Largest attachment (MB)", 5));
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/forum");
    tool.routes(ForumRoutes.class);
    tool.menu("Moderation queue", "/moderation", "moderate");
    tool.widget("latest", "Latest in the forum", "view", LatestPostsWidget.class);
    tool.listen(org.courtyard.api.event.ToolAddedToSpace.class, DefaultForum.class);
  }
}
