package org.courtyard.plugins.quiz;

import java.time.Duration;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.courtyard.api.job.Schedule;
import org.pf4j.Extension;

/** Quizzes: a question bank per space, auto-marked quizzes, results, QTI 2.1 in and out. */
@Extension
public final class QuizTool implements Tool {
  static final CapabilityKey VIEW = CapabilityKey.read("view", "See quizzes and results (parents see their own child's)", Role.VIEWER);
  static final CapabilityKey ATTEMPT = CapabilityKey.write("attempt", "Take quizzes", Role.MEMBER);
  static final CapabilityKey AUTHOR = CapabilityKey.write("author", "Write questions, import and export them, set quizzes", Role.TEACHER);
  static final CapabilityKey MARK = CapabilityKey.write("mark", "See everyone's results and mark written answers", Role.TEACHER);

  /** The kinds of notification quizzes send; each person chooses how each reaches them (see {@link QuizNotices}). */
  static final String NOTIFY_NEW = "new";
  static final String NOTIFY_TO_MARK = "to-mark";
  static final String NOTIFY_CLOSED = "closed";
  static final String NOTIFY_MARKED = "marked";
  static final String NOTIFY_MARKS_READY = "marks-ready";
  static final String NOTIFY_CHILD_MARKS = "child-marks";

  @Override
  public ToolInfo info() {
    return ToolInfo.of("quiz", "Quizzes", "Quick quizzes, marked at once, to practise and revise").icon("❓")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB)
        .capabilities(VIEW, ATTEMPT, AUTHOR, MARK)
        .notification(NOTIFY_NEW, "A new quiz is set for you")
        .notification(NOTIFY_TO_MARK, "Written answers wait for your marking")
        .notification(NOTIFY_CLOSED, "A quiz you set closes")
        .notification(NOTIFY_MARKED, "Your quiz is marked")
        .notification(NOTIFY_MARKS_READY, "Your marks are ready when a quiz closes")
        .notification(NOTIFY_CHILD_MARKS, "Your child's quiz marks are ready");
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/quiz");
    tool.routes(QuizRoutes.class);
    tool.routes(BankRoutes.class);
    tool.menu("Question bank", "/bank", AUTHOR);
    tool.demoContent(QuizDemo.class);
    tool.job("close-quizzes", Schedule.every(Duration.ofMinutes(1)), CloseQuizzes.class);
    tool.job("clear-exports", Schedule.every(Duration.ofHours(1)), ClearExports.class);
    tool.personalData(QuizData.class);
    tool.agenda(QuizAgenda.class);
  }
}
