package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * Homework on home pages and calendars. For someone who marks: each task with hand-ins not yet marked,
 * and every task's due time in their spaces. For a learner: each task set for them and not handed in
 * (overdue ones too, while they can still hand in), and their tasks' due times with where their work
 * stands. A parent's calendar is their children's (the core asks as each child). A few queries per
 * question, whatever the number of spaces; the core keeps only what the person may see.
 */
final class HomeworkAgenda implements Agenda {
  static final String VIEW = "homework." + HomeworkTool.VIEW.name();
  static final String SUBMIT = "homework." + HomeworkTool.SUBMIT.name();
  static final String MARK = "homework." + HomeworkTool.MARK.name();

  private final HomeworkStore store;
  private final Directory directory;
  private final Clock clock;

  @Inject
  HomeworkAgenda(HomeworkStore store, Directory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * The person's live spaces, split the way the pages split them: where tasks are set for them (a
   * learner member: {@link Assignees}), and the rest, where only someone who marks sees the tasks.
   */
  private record Spaces(Map<Long, SpaceRef> all, Set<Long> asLearner, Set<Long> others) {
    static Spaces of(Directory directory, UserRef person) {
      Map<Long, SpaceRef> all = new LinkedHashMap<>();
      Set<Long> asLearner = new java.util.HashSet<>();
      Set<Long> others = new java.util.HashSet<>();
      for (Directory.Membership m : directory.spacesOf(person.id())) {
        if (m.space().archived()) continue;
        all.put(m.space().id(), m.space());
        if (m.role() == Role.MEMBER && person.kind() == UserKind.LEARNER) asLearner.add(m.space().id());
        else others.add(m.space().id());
      }
      return new Spaces(all, asLearner, others);
    }
  }

  private static String taskUrl(SpaceRef space, long taskId) { return "/s/" + space.slug() + "/homework/t/" + taskId; }

  @Override
  public List<Waiting> waitingFor(UserRef person) {
    Spaces spaces = Spaces.of(directory, person);
    List<Waiting> out = new ArrayList<>();
    for (HomeworkStore.ToMark t : store.toMark(spaces.others())) {
      SpaceRef space = spaces.all().get(t.spaceId());
      out.add(Waiting.of(Waiting.Kind.TO_MARK, space, t.title(), taskUrl(space, t.taskId()), t.count(), t.oldest(), MARK));
    }
    if (person.kind() != UserKind.LEARNER) return out; // tasks are set for learners only
    Instant now = clock.instant();
    for (HomeworkStore.Own t : store.setFor(person.id(), spaces.all().keySet(), spaces.asLearner(), true, null, null)) {
      boolean overdue = now.isAfter(t.due());
      if (overdue && t.closesAtDue()) continue; // closed for them: nothing left to do
      SpaceRef space = spaces.all().get(t.spaceId());
      out.add(Waiting.of(Waiting.Kind.TO_HAND_IN, space, t.title(), taskUrl(space, t.taskId()), 1, overdue ? t.due() : t.setAt(), SUBMIT));
    }
    return out;
  }

  @Override
  public List<Dated> datesFor(UserRef person, Instant from, Instant to) {
    Spaces spaces = Spaces.of(directory, person);
    List<Dated> out = new ArrayList<>();
    for (HomeworkStore.Task t : store.dueBetween(spaces.others(), from, to)) {
      SpaceRef space = spaces.all().get(t.spaceId());
      out.add(Dated.at("task-" + t.id(), Dated.Kind.DUE, space, t.title(), taskUrl(space, t.id()), t.dueAt(), Dated.State.NONE, MARK));
    }
    if (person.kind() != UserKind.LEARNER) return out;
    for (HomeworkStore.Own t : store.setFor(person.id(), spaces.all().keySet(), spaces.asLearner(), false, from, to)) {
      SpaceRef space = spaces.all().get(t.spaceId());
      out.add(Dated.at("task-" + t.taskId(), Dated.Kind.DUE, space, t.title(), taskUrl(space, t.taskId()), t.due(), state(t), VIEW));
    }
    return out;
  }

  /** Where a learner's own work stands, as the task's page says it: to do, handed in (late), or marked and given back. */
  private static Dated.State state(HomeworkStore.Own t) {
    if (!t.handedIn()) return Dated.State.TO_DO;
    if (t.returned()) return Dated.State.RETURNED;
    return t.late() ? Dated.State.LATE : Dated.State.HANDED_IN;
  }
}
