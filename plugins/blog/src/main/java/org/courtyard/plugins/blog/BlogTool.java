package org.courtyard.plugins.blog;

import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** A blog for a class, a club, or a learner's own space. */
@Extension
public final class BlogTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("blog", "Blog", "Posts with pictures and sound, comments from class and home").icon("📝")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB, SpaceKind.STAFF, SpaceKind.COMMUNITY,
            SpaceKind.CLUSTER, SpaceKind.PERSONAL, SpaceKind.SCHOOL)
        .readCapability("view", "Read the blog", Role.VIEWER)
        .capability("write", "Write posts", Role.MEMBER)
        .capability("comment", "Comment on posts", Role.VIEWER)
        .capability("moderate", "Approve and hide comments, edit any post", Role.TEACHER)
        .openCapability("feed", "Read the blog's Atom feed (only when the blog is public)")
        .setting(Setting.choice("comments", "Comments", "after", "after", "before", "off").perSpace()
            .help("after: comments show at once; before: a teacher approves each comment by a learner or parent; off: no comments."))
        .setting(Setting.flag("public", "Public blog: anyone may read its feed", false).perSpace());
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/blog");
    tool.routes(BlogRoutes.class);
    tool.menu("Write a post", "/new", "write");
  }
}
