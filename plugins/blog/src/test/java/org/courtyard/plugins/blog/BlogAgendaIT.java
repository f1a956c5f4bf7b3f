package org.courtyard.plugins.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.agenda.Dated;
import org.courtyard.api.agenda.Waiting;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the blog says is waiting and dated, through the core's agenda after real comments and posts. */
class BlogAgendaIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  static String write(TestClient who, String space, String title, String action, String at) {
    TestClient.Response r = who.post("/s/" + space + "/blog/posts", Map.of("title", title, "body", "<p>Words</p>", "action", action, "publishAt", at));
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static List<Waiting> toModerate(String username, String title) {
    return courtyard.waitingFor(username).stream().filter(w -> w.kind() == Waiting.Kind.TO_MODERATE && title.equals(w.title())).toList();
  }

  static List<Dated> dated(String username, String title) {
    Instant now = Instant.now();
    return courtyard.datesFor(username, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7))).stream()
        .filter(d -> title.equals(d.title())).toList();
  }

  @Test
  void heldCommentsWaitForTheTeacherUntilApproved() {
    TestClient teacher = courtyard.signIn("mrs.patel");
    assertEquals(303, teacher.post("/s/2-willow/manage/settings", Map.of("tool", "blog", "blog.comments", "before")).status());
    try {
      String post = write(teacher, "2-willow", "Farm trip", "publish", "");
      assertTrue(toModerate("mrs.patel", "Farm trip").isEmpty());
      assertEquals(303, courtyard.signIn("mr.khan").post(post + "/comments", Map.of("body", "Amira loved the lambs")).status());
      assertEquals(303, courtyard.signIn("ben").post(post + "/comments", Map.of("body", "I liked the pigs")).status());

      List<Waiting> waiting = toModerate("mrs.patel", "Farm trip");
      assertEquals(1, waiting.size(), waiting.toString());
      assertEquals(2, waiting.get(0).count(), "both comments, in one item for the post");
      assertEquals(post, waiting.get(0).url());
      assertTrue(teacher.get(post).contains("loved the lambs"), "the link leads to the comments");
      assertTrue(toModerate("ben", "Farm trip").isEmpty(), "a learner moderates nothing");
      assertTrue(toModerate("amira", "Farm trip").isEmpty());

      TestClient.Response page = teacher.get(post);
      Matcher m = Pattern.compile("/comments/(\\d+)/approve").matcher(page.body());
      while (m.find()) assertEquals(303, teacher.post("/s/2-willow/blog/comments/" + m.group(1) + "/approve", Map.of()).status());
      assertTrue(toModerate("mrs.patel", "Farm trip").isEmpty(), "approving clears it");
    } finally {
      teacher.post("/s/2-willow/manage/settings", Map.of("tool", "blog", "blog.comments", "after"));
    }
  }

  @Test
  void aScheduledPostIsDatedForItsWriterAndTeachersUntilItAppears() {
    TestClient amira = courtyard.signIn("amira");
    String later = LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16);
    String post = write(amira, "2-willow", "Sports day news", "schedule", later);
    write(amira, "2-willow", "Unfinished thoughts", "draft", "");

    List<Dated> mine = dated("amira", "Sports day news");
    assertEquals(1, mine.size(), mine.toString());
    Dated d = mine.get(0);
    assertEquals(Dated.Kind.OPENS, d.kind());
    assertEquals(post, d.url());
    assertTrue(d.start().isAfter(Instant.now().plus(Duration.ofDays(1))), "at its publishing time: " + d.start());
    assertEquals(1, dated("mrs.patel", "Sports day news").size(), "the teacher sees what will appear in her class's blog");
    assertTrue(dated("ben", "Sports day news").isEmpty(), "another learner does not");
    assertTrue(dated("amira", "Unfinished thoughts").isEmpty(), "a draft has no date");

    String own = write(amira, "~amira", "My own news", "schedule", later);
    assertEquals(own, dated("amira", "My own news").get(0).url(), "her own blog's posts too");
    assertTrue(dated("mrs.patel", "My own news").isEmpty(), "not the teacher's business");

    courtyard.advanceClock(Duration.ofDays(3));
    courtyard.runDueJobs();
    assertTrue(dated("amira", "Sports day news").isEmpty(), "once published it is no longer to come");
  }
}
