package org.courtyard.plugins.wiki;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.service.Permissions;

/**
 * Each afternoon, tells the teachers of a space whose learners keep their own wikis which learners
 * changed theirs since the day before, so nobody has to open every learner's wiki to find new work.
 */
final class OwnWikiDigest implements Job {
  /** Sent to each teacher in their own language; the names are as the school wrote them. */
  static final Message CHANGED = Message.of("wiki.notify.ownChanged");

  private final WikiStore store;
  private final Directory directory;
  private final Permissions permissions;
  private final Notifications notifications;

  @Inject
  OwnWikiDigest(WikiStore store, Directory directory, Permissions permissions, Notifications notifications) {
    this.store = store;
    this.directory = directory;
    this.permissions = permissions;
    this.notifications = notifications;
  }

  @Override
  public void run(JobRun run) {
    // The day before this run was due; a run caught up late still covers everything since then.
    String capability = WikiTool.ID + "." + WikiTool.MODERATE.name();
    Map<Long, List<UserRef>> bySpace = new LinkedHashMap<>();
    for (WikiStore.OwnChange c : store.ownWikisChangedSince(run.due().minus(Duration.ofDays(1)))) {
      if (permissions.can(c.ownerId(), capability, c.spaceId())) continue; // a teacher's own notes are not news for the others
      directory.user(c.ownerId()).ifPresent(u -> bySpace.computeIfAbsent(c.spaceId(), k -> new ArrayList<>()).add(u));
    }
    bySpace.forEach((spaceId, learners) -> {
      SpaceRef space = directory.space(spaceId).orElse(null);
      if (space == null || space.archived()) return;
      String names = String.join(", ", learners.stream().map(UserRef::displayName).toList());
      for (Directory.Member m : directory.members(spaceId)) {
        if (permissions.can(m.user().id(), capability, spaceId)) {
          notifications.notify(WikiTool.KIND_OWN_CHANGED, m.user().id(), CHANGED, "/s/" + space.slug() + "/" + WikiTool.ID + "/pages",
              "space", space.name(), "names", names);
        }
      }
    });
  }
}
