package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.Results;

/**
 * The rules of taking a quiz: who may start, which questions an attempt gets, saving as the learner
 * goes, marking on submit, and closing attempts whose time ran out. Time comes from the core's clock.
 */
final class QuizService {
  /** Answers that arrive this long after the time limit still count: the page submits itself at zero, and networks are slow. */
  static final Duration GRACE = Duration.ofSeconds(30);
  private final QuizStore quizzes;
  private final QuestionStore bank;
  private final Results results;
  private final Clock clock;
  private final QuizNotices notices;

  @Inject
  QuizService(QuizStore quizzes, QuestionStore bank, Results results, Clock clock, QuizNotices notices) {
    this.quizzes = quizzes;
    this.bank = bank;
    this.results = results;
    this.clock = clock;
    this.notices = notices;
  }

  Instant now() { return clock.instant(); }

  /** Why a learner cannot start a try now, in words for them (not a fault: shown as a message on the quiz's page). */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final org.courtyard.api.i18n.Message words;
    final Object[] args;

    /** Why, as a message of the tool's bundle with its arguments; the route puts it in the reader's language. */
    Refused(org.courtyard.api.i18n.Message words, Object... args) {
      super(words.key(), null, false, false);
      this.words = words;
      this.args = args;
    }

    String in(org.courtyard.api.web.ToolRequest req) { return req.text(words, args); }
  }

  static final org.courtyard.api.i18n.Message NOT_READY = org.courtyard.api.i18n.Message.of("quiz.refused.notReady");
  static final org.courtyard.api.i18n.Message OPENS_LATER = org.courtyard.api.i18n.Message.of("quiz.refused.opensLater");
  static final org.courtyard.api.i18n.Message CLOSED = org.courtyard.api.i18n.Message.of("quiz.refused.closed");
  static final org.courtyard.api.i18n.Message DONE = org.courtyard.api.i18n.Message.of("quiz.refused.done");
  static final org.courtyard.api.i18n.Message NO_QUESTIONS = org.courtyard.api.i18n.Message.of("quiz.refused.noQuestions");
  static final org.courtyard.api.i18n.Message TRY_AGAIN = org.courtyard.api.i18n.Message.of("quiz.refused.tryAgain");

  /** Why this learner cannot start an attempt now, if they cannot. */
  Optional<Refused> cannotStart(QuizStore.Quiz q, List<QuizStore.Attempt> mine) {
    Instant now = now();
    if (!q.published()) return Optional.of(new Refused(NOT_READY));
    if (q.opensAt() != null && now.isBefore(q.opensAt())) return Optional.of(new Refused(OPENS_LATER));
    if (q.closesAt() != null && !now.isBefore(q.closesAt())) return Optional.of(new Refused(CLOSED));
    if (!q.unlimited() && mine.stream().filter(a -> !a.open()).count() >= q.attemptsAllowed()) {
      return Optional.of(new Refused(DONE, "count", q.attemptsAllowed()));
    }
    return Optional.empty();
  }

  /**
   * The learner's open attempt, or a new one. A second click on "Start" (or two at once) lands on the
   * same attempt. Empty with a reason when they may not start.
   */
  long startOrResume(SpaceRef space, QuizStore.Quiz q, UserRef who) {
    for (int tries = 0; tries < 3; tries++) {
      List<QuizStore.Attempt> mine = quizzes.attemptsOf(q.id(), who.id());
      Optional<QuizStore.Attempt> open = mine.stream().filter(QuizStore.Attempt::open).findFirst();
      if (open.isPresent() && current(space, q, open.get()).open()) return open.get().id();
      if (open.isPresent()) mine = quizzes.attemptsOf(q.id(), who.id());
      Optional<Refused> refused = cannotStart(q, mine);
      if (refused.isPresent()) throw refused.get();
      long seed = new Random().nextLong();
      List<Long> ids = chooseQuestions(q, seed);
      if (ids.isEmpty()) throw new Refused(NO_QUESTIONS);
      Map<Long, Question> questions = bank.byIds(q.spaceId(), ids);
      double max = ids.stream().mapToDouble(id -> questions.get(id).points()).sum();
      Instant start = now();
      Instant deadline = q.timeLimitMin() == null ? null : start.plus(Duration.ofMinutes(q.timeLimitMin()));
      if (q.closesAt() != null && (deadline == null || q.closesAt().isBefore(deadline))) deadline = q.closesAt();
      Optional<Long> id = quizzes.start(q.id(), who, mine.size() + 1, seed, start, deadline, ids, max);
      if (id.isPresent()) return id.get();
    }
    throw new Refused(TRY_AGAIN);
  }

  /** Fixed questions as they are; random ones drawn from their category without repeats; all shuffled if the quiz says so. */
  List<Long> chooseQuestions(QuizStore.Quiz q, long seed) {
    Random random = new Random(seed);
    Set<Long> chosen = new LinkedHashSet<>();
    Set<Long> live = bank.liveIds(q.spaceId());
    for (QuizStore.Item it : quizzes.items(q.id())) {
      if (it.questionId() != null) {
        if (live.contains(it.questionId())) chosen.add(it.questionId());
      } else if (it.categoryId() != null) {
        List<Long> pool = new ArrayList<>(bank.idsInCategory(q.spaceId(), it.categoryId()));
        pool.removeAll(chosen);
        Collections.shuffle(pool, random);
        chosen.addAll(pool.subList(0, Math.min(it.pick(), pool.size())));
      }
    }
    List<Long> ids = new ArrayList<>(chosen);
    if (q.shuffle()) Collections.shuffle(ids, random);
    return ids;
  }

  /** The order in which an attempt shows a question's options: shuffled per attempt when the quiz shuffles. */
  static List<Integer> optionOrder(QuizStore.Quiz q, QuizStore.Attempt a, int slot, int size) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < size; i++) order.add(i);
    if (q.shuffle()) Collections.shuffle(order, new Random(a.seed() * 31 + slot));
    return order;
  }

  /** Whether answers may still be saved: the attempt is open and its time (with the grace) has not run out. */
  boolean accepting(QuizStore.Attempt a) {
    return a.open() && (a.deadline() == null || now().isBefore(a.deadline().plus(GRACE)));
  }

  /** Marks and closes an attempt. Returns false if it was closed already. */
  boolean submit(SpaceRef space, QuizStore.Quiz q, QuizStore.Attempt a, boolean timedOut) {
    List<QuizStore.Slot> slots = quizzes.slots(a.id());
    Map<Long, Question> questions = bank.withOptions(QuizStore.questionIds(slots));
    Map<Integer, Double> marks = new HashMap<>();
    double total = 0;
    boolean needsMarking = false;
    for (QuizStore.Slot s : slots) {
      Question question = questions.get(s.questionId());
      Double fraction = Marking.fraction(question, Answers.decode(question.type(), s.answer()));
      if (fraction == null) {
        needsMarking = true;
        continue;
      }
      double points = fraction * question.points();
      marks.put(s.slot(), points);
      total += points;
    }
    Instant at = timedOut && a.deadline() != null ? a.deadline() : now();
    boolean closed = quizzes.finish(a.id(), marks, total, needsMarking, at, timedOut);
    if (closed && !needsMarking) {
      recordResult(space, q, a.userId());
      // Marked at once: the learner sees it on the page they are on; their parents are told if the marks are shown now
      // (a quiz whose marks wait for its close tells them when it closes).
      if (feedbackShown(q)) notices.marked(space, q, a, a.userId());
    }
    if (closed && needsMarking) notices.toMark(space, q, a);
    return closed;
  }

  /**
   * Submits, with what was saved, every attempt in any space whose time ran out (more than the grace
   * ago): the closing job's work. Returns how many it handed in.
   */
  int closeOverdue(java.util.function.LongFunction<Optional<SpaceRef>> spaces) {
    int n = 0;
    for (QuizStore.Attempt a : quizzes.overdueEverywhere(now().minus(GRACE))) {
      Optional<QuizStore.Quiz> q = quizzes.quizById(a.quizId());
      Optional<SpaceRef> space = q.flatMap(x -> spaces.apply(x.spaceId()));
      if (q.isPresent() && space.isPresent() && submit(space.get(), q.get(), a, true)) n++;
    }
    return n;
  }

  /** The attempt as it stands now: closed first if its time ran out. */
  QuizStore.Attempt current(SpaceRef space, QuizStore.Quiz q, QuizStore.Attempt a) {
    if (a.open() && a.deadline() != null && !now().isBefore(a.deadline().plus(GRACE))) {
      submit(space, q, a, true);
      return quizzes.attempt(q.id(), a.id()).orElse(a);
    }
    return a;
  }

  /** Hands the learner's best fully marked attempt to the core's markbook. */
  void recordResult(SpaceRef space, QuizStore.Quiz q, long userId) {
    QuizStore.best(quizzes.attemptsOf(q.id(), userId))
        .ifPresent(best -> results.record(space, "quiz-" + q.id(), q.title(), userId, best.score(), best.maxScore(), null,
            QuizStore.FEEDBACK_IMMEDIATE.equals(q.feedback()) ? null : q.closesAt()));
  }

  /** Whether the learner may see marks and right answers now. */
  boolean feedbackShown(QuizStore.Quiz q) {
    return QuizStore.FEEDBACK_IMMEDIATE.equals(q.feedback()) || (q.closesAt() != null && !now().isBefore(q.closesAt()));
  }
}
