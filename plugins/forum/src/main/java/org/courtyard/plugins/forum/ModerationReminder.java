package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.service.Permissions;

/**
 * Each morning, tells the people who moderate a space's forum how many posts are waiting for them, so a
 * learner's held post is not forgotten in the queue.
 */
final class ModerationReminder implements Job {
  static final Message WAITING = Message.of("forum.notify.waiting");

  private final ForumStore store;
  private final Directory directory;
  private final Permissions permissions;
  private final Notifications notifications;

  @Inject
  ModerationReminder(ForumStore store, Directory directory, Permissions permissions, Notifications notifications) {
    this.store = store;
    this.directory = directory;
    this.permissions = permissions;
    this.notifications = notifications;
  }

  @Override
  public void run(JobRun run) {
    String capability = ForumTool.ID + "." + ForumTool.MODERATE.name();
    for (Map.Entry<Long, Long> waiting : store.waitingBySpace().entrySet()) {
      SpaceRef space = directory.space(waiting.getKey()).orElse(null);
      if (space == null || space.archived()) continue;
      long n = waiting.getValue();
      for (Directory.Member m : directory.members(space.id())) {
        if (permissions.can(m.user().id(), capability, space.id())) {
          notifications.notify(ForumTool.KIND_WAITING, m.user().id(), WAITING, "/s/" + space.slug() + "/" + ForumTool.ID + "/moderation",
              "count", n, "space", space.name());
        }
      }
    }
  }
}
