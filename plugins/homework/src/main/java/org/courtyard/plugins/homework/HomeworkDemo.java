package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.service.ToolServices;

/**
 * The demo school's classes get three tasks: spellings due in three days, a reading log due in six,
 * and a poem that was due two days ago. The class's first learner (by name) handed the poem in late
 * and has it marked and given back; another has handed in the spellings, so the teacher has one to
 * mark. Made through the store and told through {@link HomeworkNotices}, as the pages do it.
 */
final class HomeworkDemo implements org.courtyard.api.DemoContent {
  private final HomeworkStore store;
  private final Assignees assignees;
  private final HomeworkNotices notices;
  private final ToolServices core;

  @Inject
  HomeworkDemo(HomeworkStore store, Assignees assignees, HomeworkNotices notices, ToolServices core) {
    this.store = store;
    this.assignees = assignees;
    this.notices = notices;
    this.core = core;
  }

  @Override
  public void fill(SpaceRef space, UserRef teacher) {
    Instant now = core.clock().instant();
    ZoneId zone = core.directory().timeZone(space.schoolId());
    LocalDate today = LocalDate.ofInstant(now, zone);
    HomeworkStore.Task poem = set(space, teacher, "Write a poem about autumn",
        "<p>Write a short poem (four to eight lines) about autumn. Think about what you can see, hear and smell on a walk outside.</p>",
        today.plusDays(-2).atTime(LocalTime.of(15, 30)).atZone(zone).toInstant(), now.minus(Duration.ofDays(9)));
    HomeworkStore.Task spellings = set(space, teacher, "Spellings: words ending -tion",
        "<p>Learn these words for our spelling test: <strong>station, action, fiction, motion, lotion, question</strong>.</p>"
            + "<p>Write each word in a sentence of your own. Ask a grown-up at home to test you!</p>",
        today.plusDays(3).atTime(LocalTime.of(9, 0)).atZone(zone).toInstant(), now.minus(Duration.ofDays(2)));
    set(space, teacher, "Reading log",
        "<p>Read with someone at home for ten minutes every day and write the title of your book and the pages you read in your reading log.</p>",
        today.plusDays(6).atTime(LocalTime.of(9, 0)).atZone(zone).toInstant(), now.minus(Duration.ofDays(1)));

    List<UserRef> learners = assignees.learnersOf(space.id()).stream().sorted(Comparator.comparing(UserRef::displayName)).toList();
    if (learners.isEmpty()) return;
    UserRef first = learners.get(0);
    UserRef other = learners.size() > 1 ? learners.get(1) : first;

    long late = store.handIn(poem.id(), first,
        "Crunchy leaves beneath my feet,\nRed and orange, gold and sweet.\nConkers shining in the sun,\nAutumn days are so much fun!",
        null, true, now.minus(Duration.ofDays(1)), null);
    notices.handedIn(space, first, poem, late, true);
    HomeworkStore.Submission returned = store.submission(poem.id(), late).orElseThrow();
    String comment = "What a lovely poem! I like your rhymes and the golden leaves. Next time, try adding a sound you can hear in autumn.";
    store.mark(late, "Satisfactory", comment, null, teacher, true);
    notices.marked(space, teacher, poem, returned, "Satisfactory", true);

    long in = store.handIn(spellings.id(), other,
        "The train pulled into the station.\nThere was lots of action in the football match.\nMy favourite book is fiction.",
        null, false, now.minus(Duration.ofHours(3)), null);
    notices.handedIn(space, other, spellings, in, false);
  }

  private HomeworkStore.Task set(SpaceRef space, UserRef teacher, String title, String instructions, Instant due, Instant setAt) {
    long id = store.create(space.id(), title, core.sanitizer().sanitize(instructions), due, false, List.of(), teacher.id(), setAt);
    HomeworkStore.Task t = store.task(space.id(), id).orElseThrow();
    notices.set(space, teacher, t);
    return t;
  }
}
