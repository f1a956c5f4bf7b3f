package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.DemoContent;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;

/** The demo school's classes get a small bank and two quizzes: one untimed for little ones, one timed. */
final class QuizDemo implements DemoContent {
  private final QuestionStore bank;
  private final QuizStore quizzes;

  @Inject
  QuizDemo(QuestionStore bank, QuizStore quizzes) {
    this.bank = bank;
    this.quizzes = quizzes;
  }

  private static Question.Choice c(String text, boolean right) { return new Question.Choice(text, right, null); }

  private Question q(SpaceRef s, long category, QuestionType type, String prompt, List<Question.Choice> choices, Double number, String gaps) {
    return new Question(0, s.id(), category, null, type, prompt.length() > 60 ? prompt.substring(0, 59) + "…" : prompt, prompt, 1, false, number, 0.0,
        gaps, null, null, null, choices);
  }

  @Override
  public void fill(SpaceRef space, UserRef teacher) {
    long animals = bank.categoryNamed(space.id(), "Animals");
    long numbers = bank.categoryNamed(space.id(), "Numbers");
    List<Question> qs = List.of(
        q(space, animals, QuestionType.SINGLE, "Which animal says “moo”?", List.of(c("A cow", true), c("A cat", false), c("A duck", false)), null, null),
        q(space, animals, QuestionType.TRUE_FALSE, "A spider has eight legs.", List.of(c("True", true), c("False", false)), null, null),
        q(space, animals, QuestionType.MULTIPLE, "Which of these can fly?", List.of(c("An owl", true), c("A fish", false), c("A bee", true), c("A dog", false)), null, null),
        q(space, animals, QuestionType.MATCHING, "Match each baby animal to its mother.",
            List.of(new Question.Choice("Puppy", false, "Dog"), new Question.Choice("Kitten", false, "Cat"), new Question.Choice("Calf", false, "Cow")), null, null),
        q(space, animals, QuestionType.GAPS, "Fill in the gaps.", List.of(), null, "A baby frog is called a [tadpole]. A baby sheep is a [lamb]."),
        q(space, numbers, QuestionType.NUMERIC, "What is 6 × 7?", List.of(), 42.0, null),
        q(space, numbers, QuestionType.NUMERIC, "What is 8 × 4?", List.of(), 32.0, null),
        q(space, numbers, QuestionType.ORDERING, "Put these numbers in order, smallest first.", List.of(c("12", false), c("21", false), c("102", false), c("120", false)), null, null),
        q(space, numbers, QuestionType.SHORT_TEXT, "Write the number 15 in words.", List.of(c("fifteen", true)), null, null),
        q(space, numbers, QuestionType.FREE_TEXT, "Explain how you worked out 6 × 7.", List.of(), null, null));
    List<Long> ids = new ArrayList<>();
    for (Question question : qs) ids.add(bank.save(question, teacher.id()));
    quizzes.save(new QuizStore.Quiz(0, space.id(), "Animal quiz", "<p>Have a go! You can try as many times as you like.</p>", null, null, null, 0, true,
        QuizStore.FEEDBACK_IMMEDIATE, true), ids.subList(0, 5).stream().map(id -> new QuizStore.Item(id, null, 1)).toList(), teacher.id());
    quizzes.save(new QuizStore.Quiz(0, space.id(), "Numbers check (10 minutes)", "<p>You have ten minutes. Your answers save as you go.</p>", 10, null, null, 1,
        true, QuizStore.FEEDBACK_IMMEDIATE, true), List.of(new QuizStore.Item(null, numbers, 4), new QuizStore.Item(ids.get(9), null, 1)), teacher.id());
  }
}
