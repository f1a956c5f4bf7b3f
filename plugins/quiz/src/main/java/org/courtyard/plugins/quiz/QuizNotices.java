package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.Notifications;
import org.courtyard.api.service.Permissions;

/**
 * Who a quiz tells what, each by a kind of notification they choose how to receive ({@link QuizTool}),
 * in their own language: learners of a new quiz and of their marks, parents and carers (as the school
 * linked them) of their child's marks, teachers of written answers to mark and of a quiz closing. Never
 * the person who did the thing ({@code actor}).
 */
final class QuizNotices {
  static final Message NEW = Message.of("quiz.notify.new");
  static final Message MARKED = Message.of("quiz.notify.marked");
  static final Message CHILD_MARKED = Message.of("quiz.notify.childMarked");
  static final Message MARKS_READY = Message.of("quiz.notify.marksReady");
  static final Message CHILD_MARKS_READY = Message.of("quiz.notify.childMarksReady");
  static final Message TO_MARK = Message.of("quiz.notify.toMark");
  static final Message CLOSED = Message.of("quiz.notify.closed");
  static final String MARK = "quiz." + QuizTool.MARK.name();

  private final Directory directory;
  private final Notifications notifications;
  private final Permissions permissions;

  @Inject
  QuizNotices(Directory directory, Notifications notifications, Permissions permissions) {
    this.directory = directory;
    this.notifications = notifications;
    this.permissions = permissions;
  }

  static String quizUrl(SpaceRef space, long quizId) { return "/s/" + space.slug() + "/quiz/q/" + quizId; }

  static String attemptUrl(SpaceRef space, QuizStore.Attempt a) { return quizUrl(space, a.quizId()) + "/a/" + a.id(); }

  /** A quiz is set: each learner of the space. */
  void newQuiz(SpaceRef space, long quizId, String title, long actor) {
    for (Directory.Member m : directory.members(space.id())) {
      if (m.role() == Role.MEMBER && m.user().kind() == UserKind.LEARNER && m.user().id() != actor) {
        notifications.notify(QuizTool.NOTIFY_NEW, m.user().id(), NEW, quizUrl(space, quizId), "title", title);
      }
    }
  }

  /** A try was handed in with written answers: the space's members who may mark them. */
  void toMark(SpaceRef space, QuizStore.Quiz q, QuizStore.Attempt a) {
    for (Directory.Member m : directory.members(space.id())) {
      long id = m.user().id();
      if (id == a.userId() || !permissions.can(id, MARK, space.id())) continue;
      notifications.notify(QuizTool.NOTIFY_TO_MARK, id, TO_MARK, attemptUrl(space, a), "name", a.userName(), "title", q.title());
    }
  }

  /** A try is marked and its marks shown: the learner (unless they just did it themselves) and their parents. */
  void marked(SpaceRef space, QuizStore.Quiz q, QuizStore.Attempt a, long actor) {
    String url = attemptUrl(space, a);
    if (a.userId() != actor) notifications.notify(QuizTool.NOTIFY_MARKED, a.userId(), MARKED, url, "title", q.title());
    for (UserRef parent : directory.parentsOf(a.userId())) {
      if (parent.id() == actor) continue;
      notifications.notify(QuizTool.NOTIFY_CHILD_MARKS, parent.id(), CHILD_MARKED, url, "name", a.userName(), "title", q.title());
    }
  }

  /** A quiz whose marks wait for its close has closed: the learner who took it and their parents. */
  void marksReady(SpaceRef space, QuizStore.Quiz q, long learnerId) {
    String url = quizUrl(space, q.id());
    notifications.notify(QuizTool.NOTIFY_MARKS_READY, learnerId, MARKS_READY, url, "title", q.title());
    String name = directory.user(learnerId).map(UserRef::displayName).orElse(null);
    if (name == null) return;
    for (UserRef parent : directory.parentsOf(learnerId)) {
      notifications.notify(QuizTool.NOTIFY_CHILD_MARKS, parent.id(), CHILD_MARKS_READY, url, "name", name, "title", q.title());
    }
  }

  /** A quiz has closed: the teacher who set it, with how many handed in and how many wait for marking. */
  void closed(SpaceRef space, QuizStore.Quiz q, long setter, int count, long toMark) {
    notifications.notify(QuizTool.NOTIFY_CLOSED, setter, CLOSED, quizUrl(space, q.id()) + "/results", "title", q.title(), "count", count, "toMark", toMark);
  }
}
