package org.courtyard.plugins.blog;

import jakarta.inject.Inject;
import java.time.Clock;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Notifications;

/** Publishes scheduled posts when their time comes, and tells each writer their post is now on the blog. */
final class PublishScheduled implements org.courtyard.api.job.Job {
  /** Sent to the writer in their own language. */
  static final Message PUBLISHED = Message.of("blog.notify.published");

  private final BlogStore store;
  private final Directory directory;
  private final Notifications notifications;
  private final Clock clock;

  @Inject
  PublishScheduled(BlogStore store, Directory directory, Notifications notifications, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void run(JobRun run) {
    for (BlogStore.Post p : store.due(clock.instant())) {
      if (!store.publish(p.id())) continue;
      directory.space(p.spaceId()).ifPresent(space ->
          notifications.notify(BlogTool.KIND_PUBLISHED, p.authorId(), PUBLISHED, "/s/" + space.slug() + "/" + BlogTool.ID + "/posts/" + p.id(), "title", p.title()));
    }
  }
}
