package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.api.service.Directory;

/**
 * Quizzes on home pages and calendars. For someone who marks: each quiz with written answers waiting
 * for them. For a learner: each quiz open now that they have not handed in. Calendars get every
 * published quiz's opening and closing times, with, for a learner, where their own tries stand. A few
 * queries per question, whatever the number of spaces; the core keeps only what the person may see.
 */
final class QuizAgenda implements Agenda {
  static final String VIEW = "quiz." + QuizTool.VIEW.name();
  static final String ATTEMPT = "quiz." + QuizTool.ATTEMPT.name();
  static final String MARK = "quiz." + QuizTool.MARK.name();

  private final QuizStore quizzes;
  private final QuizService service;
  private final Directory directory;

  @Inject
  QuizAgenda(QuizStore quizzes, QuizService service, Directory directory) {
    this.quizzes = quizzes;
    this.service = service;
    this.directory = directory;
  }

  /** The person's live spaces: where they take quizzes (a learner member, as the results page counts them), and the rest. */
  private record Spaces(Map<Long, SpaceRef> all, Set<Long> asLearner, Set<Long> others) {
    static Spaces of(Directory directory, UserRef person) {
      Map<Long, SpaceRef> all = new LinkedHashMap<>();
      Set<Long> asLearner = new HashSet<>();
      Set<Long> others = new HashSet<>();
      for (Directory.Membership m : directory.spacesOf(person.id())) {
        if (m.space().archived()) continue;
        all.put(m.space().id(), m.space());
        if (m.role() == Role.MEMBER && person.kind() == UserKind.LEARNER) asLearner.add(m.space().id());
        else others.add(m.space().id());
      }
      return new Spaces(all, asLearner, others);
    }
  }

  private static String quizUrl(SpaceRef space, long quizId) { return "/s/" + space.slug() + "/quiz/q/" + quizId; }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    Spaces spaces = Spaces.of(directory, person);
    List<Waiting> out = new ArrayList<>();
    for (QuizStore.ToMark q : quizzes.toMark(spaces.others())) {
      SpaceRef space = spaces.all().get(q.spaceId());
      out.add(Waiting.of(Waiting.Kind.TO_MARK, space, q.title(), quizUrl(space, q.quizId()) + "/results", q.count(), q.oldest(), MARK));
    }
    for (QuizStore.ToTake q : quizzes.toTake(person.id(), spaces.asLearner(), service.now())) {
      SpaceRef space = spaces.all().get(q.spaceId());
      out.add(Waiting.of(Waiting.Kind.TO_HAND_IN, space, q.title(), quizUrl(space, q.quizId()), 1, q.since(), ATTEMPT));
    }
    return out;
  }

  @Override
  public List<Dated> datesFor(UserRef person, Instant from, Instant to) {
    Spaces spaces = Spaces.of(directory, person);
    List<QuizStore.Quiz> dated = quizzes.datedBetween(spaces.all().keySet(), from, to);
    List<Long> learnersQuizzes = dated.stream().filter(q -> spaces.asLearner().contains(q.spaceId())).map(QuizStore.Quiz::id).toList();
    Map<Long, List<String>> handedIn = quizzes.handedInStates(person.id(), learnersQuizzes);
    List<Dated> out = new ArrayList<>();
    for (QuizStore.Quiz q : dated) {
      SpaceRef space = spaces.all().get(q.spaceId());
      Dated.State state = spaces.asLearner().contains(q.spaceId()) ? state(q, handedIn.getOrDefault(q.id(), List.of())) : Dated.State.NONE;
      if (q.opensAt() != null && !q.opensAt().isBefore(from) && q.opensAt().isBefore(to)) {
        out.add(Dated.at("quiz-" + q.id() + "-opens", Dated.Kind.OPENS, space, q.title(), quizUrl(space, q.id()), q.opensAt(), state, VIEW));
      }
      if (q.closesAt() != null && !q.closesAt().isBefore(from) && q.closesAt().isBefore(to)) {
        out.add(Dated.at("quiz-" + q.id() + "-closes", Dated.Kind.CLOSES, space, q.title(), quizUrl(space, q.id()), q.closesAt(), state, VIEW));
      }
    }
    return out;
  }

  /** Where a learner's tries stand: none handed in, handed in, or marked with the marks shown to them. */
  private Dated.State state(QuizStore.Quiz q, List<String> handedIn) {
    if (handedIn.isEmpty()) return Dated.State.TO_DO;
    return service.feedbackShown(q) && handedIn.contains(QuizStore.DONE) ? Dated.State.RETURNED : Dated.State.HANDED_IN;
  }
}
