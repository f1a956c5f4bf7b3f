package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.job.Job;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Notifications;

/**
 * When a task's due time passes, tells the teacher who set it how many handed in (with a link to mark
 * them) and, for a task that closes at its due time, tells each learner who missed it that it has
 * closed. Each task is told about once, whichever node runs the job.
 */
final class Deadlines implements Job {
  /** Sent to each recipient in their own language. */
  static final Message DUE = Message.of("homework.notify.due");
  static final Message CLOSED = Message.of("homework.notify.closed");

  private final HomeworkStore store;
  private final Assignees assignees;
  private final Directory directory;
  private final Notifications notifications;
  private final Clock clock;

  @Inject
  Deadlines(HomeworkStore store, Assignees assignees, Directory directory, Notifications notifications, Clock clock) {
    this.store = store;
    this.assignees = assignees;
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void run(JobRun run) {
    Instant now = clock.instant();
    for (HomeworkStore.Task t : store.pastDeadlineUntold(now)) {
      if (!store.markDeadlinePassed(t.id())) continue; // another run got there first
      SpaceRef space = directory.space(t.spaceId()).orElse(null);
      if (space == null) continue;
      String url = "/s/" + space.slug() + "/homework/t/" + t.id();
      List<UserRef> who = assignees.of(t);
      long handedIn = who.stream().filter(u -> store.submissionOf(t.id(), u.id()).isPresent()).count();
      if (t.createdBy() > 0) {
        notifications.notify(HomeworkTool.DUE, t.createdBy(), DUE, url, "title", t.title(), "count", handedIn, "total", who.size());
      }
      if (!t.closesAtDue()) continue;
      for (UserRef u : who) {
        if (store.submissionOf(t.id(), u.id()).isEmpty() && !now.isBefore(store.dueFor(t, u.id()))) {
          notifications.notify(HomeworkTool.CLOSED, u.id(), CLOSED, url, "title", t.title());
        }
      }
    }
  }
}
