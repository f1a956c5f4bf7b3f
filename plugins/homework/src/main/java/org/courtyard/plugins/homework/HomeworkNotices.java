package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.ToolServices;

/**
 * What follows setting, handing in and returning work: the notices to the people concerned, the
 * activity log and the markbook. Shared by the pages and the demo school's sample homework, so both
 * tell people the same way.
 */
final class HomeworkNotices {
  private final Assignees assignees;
  private final ToolServices core;

  @Inject
  HomeworkNotices(Assignees assignees, ToolServices core) {
    this.assignees = assignees;
    this.core = core;
  }

  private static String taskUrl(SpaceRef space, long taskId) { return "/s/" + space.slug() + "/homework/t/" + taskId; }

  /** The space's members who may mark its homework: its teachers, as the space's permissions say. */
  List<UserRef> markers(long spaceId) {
    return core.directory().members(spaceId).stream().map(org.courtyard.api.service.Directory.Member::user)
        .filter(u -> core.permissions().can(u.id(), HomeworkAgenda.MARK, spaceId)).toList();
  }

  /** Each learner it is set for, and their parents and carers (who see the task on the same page); never the one who set it. */
  void set(SpaceRef space, UserRef by, HomeworkStore.Task t) {
    // Notices are read later by someone else, each in their own language; so is the activity log, by the ICT leader.
    String url = taskUrl(space, t.id());
    for (UserRef u : assignees.of(t)) {
      if (u.id() != by.id()) core.notifications().notify(HomeworkTool.SET, u.id(), HomeworkRoutes.NOTIFY_SET, url, "title", t.title());
      for (UserRef parent : core.directory().parentsOf(u.id())) {
        if (parent.id() == by.id()) continue;
        core.notifications().notify(HomeworkTool.SET_FOR_CHILD, parent.id(), HomeworkRoutes.NOTIFY_CHILD_SET, url, "name", u.displayName(), "title", t.title());
      }
    }
    core.activity().record(by, space, "set", HomeworkRoutes.DID_SET, "title", t.title());
  }

  /** The class's teachers, those who may mark it here; a late hand-in is its own kind, so they can choose differently. */
  void handedIn(SpaceRef space, UserRef who, HomeworkStore.Task t, long submissionId, boolean late) {
    core.activity().record(who, space, "hand-in", late ? HomeworkRoutes.DID_HAND_IN_LATE : HomeworkRoutes.DID_HAND_IN, "title", t.title());
    String url = taskUrl(space, t.id()) + "/s/" + submissionId;
    for (UserRef marker : markers(space.id())) {
      if (marker.id() == who.id()) continue;
      core.notifications().notify(late ? HomeworkTool.HANDED_IN_LATE : HomeworkTool.HANDED_IN, marker.id(),
          late ? HomeworkRoutes.NOTIFY_HANDED_IN_LATE : HomeworkRoutes.NOTIFY_HANDED_IN, url, "name", who.displayName(), "title", t.title());
    }
  }

  /** After marking: when given back, the mark goes to the markbook and the learner and their parents and carers are told. */
  void marked(SpaceRef space, UserRef by, HomeworkStore.Task t, HomeworkStore.Submission s, String mark, boolean returned) {
    if (returned) {
      recordResult(space, t, s.userId(), mark);
      // The learner and their parents and carers (as the school linked them), who may all open the returned work.
      String url = taskUrl(space, t.id()) + "/s/" + s.id();
      if (s.userId() != by.id()) core.notifications().notify(HomeworkTool.RETURNED, s.userId(), HomeworkRoutes.NOTIFY_MARKED, url, "title", t.title());
      for (UserRef parent : core.directory().parentsOf(s.userId())) {
        if (parent.id() == by.id()) continue;
        core.notifications().notify(HomeworkTool.CHILD_RETURNED, parent.id(), HomeworkRoutes.NOTIFY_CHILD_MARKED, url, "name", s.userName(), "title", t.title());
      }
    }
    core.activity().record(by, space, returned ? "return" : "mark", returned ? HomeworkRoutes.DID_RETURN : HomeworkRoutes.DID_MARK,
        "name", s.userName(), "title", t.title());
  }

  /** Hands a returned mark to the markbook: "7 / 10" as a score, a word grade as a grade. */
  private void recordResult(SpaceRef space, HomeworkStore.Task t, long learnerId, String mark) {
    var m = java.util.regex.Pattern.compile("(\\d+) / (\\d+)").matcher(mark);
    if (m.matches()) {
      core.results().record(space, "task-" + t.id(), t.title(), learnerId, Double.valueOf(m.group(1)), Double.valueOf(m.group(2)), null);
    } else {
      core.results().record(space, "task-" + t.id(), t.title(), learnerId, null, null, mark);
    }
  }
}
