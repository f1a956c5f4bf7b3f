package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.courtyard.core.it.fixtures.DuesTool;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each person's calendar from every tool's dates and the school's term dates, and the secret address a
 * phone subscribes to: valid iCalendar (read back with ical4j), the same UIDs on every fetch, escaped
 * text, and a stopped address answering 404.
 */
class CalendarIT {
  static final PluginJar JAR = PluginJar.fixture("dues").extension(DuesTool.class).extension(DuesTool.BrokenAgendaTool.class)
      .with(DuesTool.DuesAgenda.class).with(DuesTool.Broken.class);

  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(JAR);

  @Test
  void aLearnersCalendarShowsHerWorkAndTheSchoolsDatesInEveryView() {
    TestClient admin = courtyard.signIn("ict.leader");
    java.time.LocalDate today = java.time.LocalDate.ofInstant(courtyard.now(), java.time.ZoneId.of("Europe/London"));
    assertEquals(303, admin.post("/admin/oakfield/dates", Map.of("name", "Training day; staff only", "kind", "CLOSURE",
        "starts", today.plusDays(3).toString(), "ends", "")).status());
    TestClient.Response refused = admin.post("/admin/oakfield/dates", Map.of("name", "Backwards", "kind", "TERM",
        "starts", today.plusDays(3).toString(), "ends", today.toString()));
    assertEquals(422, refused.status());
    assertFalse(admin.get("/admin/oakfield/dates").contains("<td>Backwards</td>"), "nothing was added");

    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response list = chloe.get("/calendar");
    assertTrue(list.contains("Spelling test for Chloe") && list.contains("Training day; staff only") && list.contains("School closed"), list.body());
    assertTrue(list.contains("Not handed in yet"), "her own work says where it stands");
    assertTrue(chloe.get("/calendar?view=week").contains("Spelling test for Chloe"));
    TestClient.Response month = chloe.get("/calendar?view=month&date=" + today.plusDays(2));
    assertTrue(month.contains("<table class=\"month\">") && month.contains("Spelling test for Chloe"), month.body());
    assertEquals(400, chloe.get("/calendar?date=yesterday").status());
  }

  @Test
  void aParentSeesOnlyTheirOwnChildrensItems() {
    TestClient parent = courtyard.signIn("mr.khan");
    TestClient.Response page = parent.get("/calendar");
    assertTrue(page.contains("Amira: Spelling test for Amira Khan"), page.body());
    assertFalse(page.contains("Ben Okafor") || page.contains("for Chloe"), "no other child's work");
    long ben = courtyard.userId("ben");
    assertEquals(404, parent.get("/calendar?child=" + ben).status(), "not his child");
  }

  @Test
  void thePhoneAddressGivesValidICalendarUntilItIsStopped() throws Exception {
    TestClient chloe = courtyard.signIn("chloe");
    TestClient.Response made = chloe.post("/calendar/address", Map.of());
    assertEquals(200, made.status(), made.body());
    Matcher m = Pattern.compile("/calendar/feed/([A-Za-z0-9_-]{43})\\.ics").matcher(made.body());
    assertTrue(m.find(), made.body());
    String path = m.group();
    assertTrue(made.contains("webcal://"), "one tap opens the phone's calendar");

    TestClient phone = courtyard.anonymous();
    TestClient.Response feed = phone.get(path);
    assertEquals(200, feed.status(), feed.body());
    assertTrue(feed.header("Content-Type").startsWith("text/calendar"), feed.header("Content-Type"));
    assertTrue(feed.body().contains("\r\n") && feed.body().lines().allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75),
        "CRLF lines folded at 75 octets");
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertFalse(events.isEmpty());
    VEvent spelling = events.stream().filter(e -> e.getSummary().getValue().contains("Spelling test for Chloe")).findFirst().orElseThrow();
    assertNotNull(spelling.getDateTimeStart());
    assertTrue(spelling.getUid().orElseThrow().getValue().startsWith("dues-task-"), spelling.getUid().toString());
    assertTrue(events.stream().anyMatch(e -> e.getSummary().getValue().equals("School closed: Training day; staff only")),
        "a semicolon in a name survives the escaping");
    List<String> uids = events.stream().map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
    List<String> again = new CalendarBuilder().build(new StringReader(phone.get(path).body())).<VEvent>getComponents("VEVENT").stream()
        .map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
    assertEquals(uids, again, "the same UIDs on every fetch, so a phone updates rather than duplicates");

    assertEquals(303, chloe.post("/calendar/address/stop", Map.of()).status());
    assertEquals(404, phone.get(path).status(), "a stopped address answers 404");
    assertEquals(404, phone.get("/calendar/feed/not-a-token.ics").status());
  }
}
