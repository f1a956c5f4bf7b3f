package org.courtyard.plugins.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Homework on home pages and calendars: what the core's agenda hears from the tool, after real hand-ins and marking. */
class HomeworkAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  /** Sets a task in Class 2 Willow due {@code in} from now (for the learners named, or everyone); returns its page's path. */
  static String set(String title, Duration in, String... learners) {
    LocalDateTime due = LocalDateTime.ofInstant(courtyard.now().plus(in), ZoneId.systemDefault());
    Map<String, String> form = new HashMap<>(Map.of("title", title, "instructions", "<p>Do it</p>", "due", due.withSecond(0).withNano(0).toString().substring(0, 16)));
    if (learners.length > 0) form.put("learner", Long.toString(courtyard.userId(learners[0])));
    TestClient.Response r = courtyard.signIn("mrs.patel").post("/s/2-willow/homework/tasks", form);
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String id(String task) { return "task-" + task.substring(task.lastIndexOf('/') + 1); }

  static Optional<Waiting> waiting(String who, String title) {
    return courtyard.waitingFor(who).stream().filter(w -> title.equals(w.title())).findFirst();
  }

  /** The person's dated items a fortnight either side of now (wide enough for any school time zone). */
  static Optional<Dated> dated(String who, String task) {
    Instant now = courtyard.now();
    return courtyard.datesFor(who, now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(14))).stream()
        .filter(d -> d.id().equals(id(task))).findFirst();
  }

  static String submissionLink(TestClient who, String task) {
    Matcher m = Pattern.compile("(/s/2-willow/homework/t/\\d+/s/\\d+)").matcher(who.get(task).body());
    assertTrue(m.find());
    return m.group(1);
  }

  @Test
  void aHandInWaitsForMarkingUntilItIsMarkedAndTheLearnersCalendarFollowsIt() {
    String task = set("Agenda: a volcano", Duration.ofDays(2));
    assertTrue(waiting("mrs.patel", "Agenda: a volcano").isEmpty(), "nothing handed in, nothing to mark");
    Waiting toDo = waiting("amira", "Agenda: a volcano").orElseThrow(() -> new AssertionError("Amira has it to hand in"));
    assertEquals(Waiting.Kind.TO_HAND_IN, toDo.kind());
    assertEquals(task, toDo.url());
    Dated due = dated("amira", task).orElseThrow(() -> new AssertionError("on Amira's calendar"));
    assertEquals(Dated.Kind.DUE, due.kind());
    assertEquals(Dated.State.TO_DO, due.state());
    assertEquals("2-willow", due.space().slug());

    TestClient amira = courtyard.signIn("amira");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "It erupts", "link", "")).status());
    Waiting toMark = waiting("mrs.patel", "Agenda: a volcano").orElseThrow(() -> new AssertionError("Mrs Patel has it to mark"));
    assertEquals(Waiting.Kind.TO_MARK, toMark.kind());
    assertEquals(1, toMark.count());
    assertEquals(task, toMark.url());
    assertTrue(waiting("amira", "Agenda: a volcano").isEmpty(), "handed in: no longer waiting for Amira");
    assertEquals(Dated.State.HANDED_IN, dated("amira", task).orElseThrow().state());
    assertEquals(Dated.State.NONE, dated("mrs.patel", task).orElseThrow().state(), "the teacher's calendar has the task, not a state");

    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post(submissionLink(teacher, task) + "/mark", Map.of("mark", "Outstanding", "feedback", "Hot", "action", "return")).status());
    assertTrue(waiting("mrs.patel", "Agenda: a volcano").isEmpty(), "marked: nothing left to mark");
    assertEquals(Dated.State.RETURNED, dated("amira", task).orElseThrow().state());
  }

  @Test
  void overdueWorkIsStillToHandInFromItsDueTimeAndIsLateOnceHandedIn() {
    String task = set("Agenda: overdue poem", Duration.ofDays(-1));
    Waiting w = waiting("ben", "Agenda: overdue poem").orElseThrow(() -> new AssertionError("still to hand in"));
    Dated due = dated("ben", task).orElseThrow();
    assertEquals(due.start(), w.oldest(), "waiting since it was due");
    assertEquals(Dated.State.TO_DO, due.state());
    assertEquals(303, courtyard.signIn("ben").post(task + "/hand-in", Map.of("body", "Roses", "link", "")).status());
    assertEquals(Dated.State.LATE, dated("ben", task).orElseThrow().state());
  }

  @Test
  void aLearnerNotInTheClassSeesNothingOfIt() {
    String task = set("Agenda: willow only", Duration.ofDays(3));
    assertTrue(waiting("chloe", "Agenda: willow only").isEmpty());
    assertTrue(dated("chloe", task).isEmpty());
  }

  @Test
  void aParentsCalendarHasTheirChildsTasksAndNotAnotherChilds() {
    String amiras = set("Agenda: for Amira", Duration.ofDays(4), "amira");
    String bens = set("Agenda: for Ben", Duration.ofDays(4), "ben");
    assertTrue(dated("ben", amiras).isEmpty(), "a task set for Amira alone is not on Ben's calendar");
    assertEquals(Dated.State.TO_DO, dated("mr.khan", amiras).orElseThrow(() -> new AssertionError("Amira's task on her father's calendar")).state());
    assertTrue(dated("mr.khan", bens).isEmpty(), "Ben is not his child");
    List<Dated> all = courtyard.datesFor("mr.khan", courtyard.now(), courtyard.now().plus(Duration.ofDays(14)));
    assertTrue(all.stream().noneMatch(d -> d.title().equals("Agenda: for Ben")), all.toString());
  }
}
