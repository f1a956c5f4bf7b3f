package org.courtyard.plugins.blog;

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

/** A blog for a class, a club, or a learner's own space. */
@Extension
public final class BlogTool implements Tool {
  static final String ID = "blog";
  static final CapabilityKey VIEW = CapabilityKey.read("view", "Read the blog", Role.VIEWER);
  static final CapabilityKey WRITE = CapabilityKey.write("write", "Write posts", Role.MEMBER);
  static final CapabilityKey COMMENT = CapabilityKey.write("comment", "Comment on posts", Role.VIEWER);
  static final CapabilityKey MODERATE = CapabilityKey.write("moderate", "Approve and hide comments, edit any post", Role.TEACHER);
  static final CapabilityKey FEED = CapabilityKey.open("feed", "Read the blog's Atom feed (only when the blog is public)");

  static final Setting<String> COMMENTS = Setting.choice("comments", "Comments", "after",
          Setting.Choice.of("after", "Show at once"), Setting.Choice.of("before", "A teacher approves each comment by a learner or parent"),
          Setting.Choice.of("off", "No comments"))
      .perSpace()
      .help("after: comments show at once; before: a teacher approves each comment by a learner or parent; off: no comments.");
  static final Setting<Boolean> PUBLIC = Setting.flag("public", "Public blog: anyone may read its feed", false).perSpace();

  /** The kinds of notification the blog sends (each person chooses how each reaches them). */
  static final String KIND_PUBLISHED = "published";
  static final String KIND_COMMENT = "comment";
  static final String KIND_HELD = "held";
  static final String KIND_APPROVED = "approved";

  @Override
  public ToolInfo info() {
    return ToolInfo.of(ID, "Blog", "Posts with pictures and sound, comments from class and home").icon("📝")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.COMMUNITY,
            SpaceKind.CLUSTER, SpaceKind.PERSONAL, SpaceKind.SCHOOL)
        .capabilities(VIEW, WRITE, COMMENT, MODERATE, FEED)
        .setting(COMMENTS)
        .setting(PUBLIC)
        .notification(KIND_PUBLISHED, "Your scheduled post is on the blog")
        .notification(KIND_COMMENT, "A comment on your post")
        .notification(KIND_HELD, "A comment waits for you to approve it")
        .notification(KIND_APPROVED, "Your comment was approved");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/blog");
    tool.routes(BlogRoutes.class);
    tool.menu("Write a post", "/new", WRITE);
    tool.job("publish-scheduled", Schedule.every(Duration.ofMinutes(1)), PublishScheduled.class);
    tool.personalData(BlogData.class);
    tool.agenda(BlogAgenda.class);
  }
}
