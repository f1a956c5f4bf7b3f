package org.courtyard.plugins.quiz;

import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolBinder;
import org.courtyard.api.ToolInfo;
import org.pf4j.Extension;

/** Quizzes: a question bank per space, auto-marked quizzes, results, QTI 2.1 in and out. */
@Extension
public final class QuizTool implements Tool {
  @Override
  public ToolInfo info() {
    return ToolInfo.of("quiz", "Quizzes", "Quick quizzes, marked at once, to practise and revise").icon("❓")
        .suits(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.CLUB)
        .readCapability("view", "See quizzes and results (parents see their own child's)", Role.VIEWER)
        .capability("attempt", "Take quizzes", Role.MEMBER)
        .capability("author", "Write questions, import and export them, set quizzes", Role.TEACHER)
        .capability("mark", "See everyone's results and mark written answers", Role.TEACHER);
  }

  @Override
  public void install(ToolBinder tool) {
    tool.migrations("db/quiz");
    tool.routes(QuizRoutes.class);
    tool.routes(BankRoutes.class);
    tool.menu("Question bank", "/bank", "author");
    tool.demoContent(QuizDemo.class);
  }
}
