package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.core.config.Config;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.DailyDigest;
import org.courtyard.core.notify.Delivery;
import org.courtyard.core.notify.DeliveryChoices;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.notify.mail.MailOutbox;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestMailServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each kind of notification reaches a person as they (or their school) chose, through a real SMTP
 * server: at once with a one-click unsubscribe that works without signing in, gathered into one daily
 * e-mail, held until a learner's quiet hours end, or not at all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationDeliveryIT {
  private static final String SITE = "http://learn.oakfield.example";

  @RegisterExtension @org.junit.jupiter.api.Order(1)
  static final TestMailServer mail = TestMailServer.smtp();

  @RegisterExtension @org.junit.jupiter.api.Order(2)
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().smtpServer(mail.port(), false).setting(Config.SITE_URL, SITE);

  private static long withEmail(String username, String email) {
    UserStore users = courtyard.get(UserStore.class);
    User u = users.byUsername(username).orElseThrow();
    users.update(u.id(), u.displayName(), u.kind(), email);
    return u.id();
  }

  private static List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      for (var a : m.getRecipients(Message.RecipientType.TO)) if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) out.add(m);
    }
    return out;
  }

  private static String text(MimeMessage m) throws Exception { return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent(); }

  private static NotificationStore notices() { return courtyard.get(NotificationStore.class); }

  private static void drain() { courtyard.get(MailOutbox.class).drain(); }

  @Test
  @Order(1)
  void aParentGetsAnEmailAtOnceWhoseOneClickLinkStopsThatKindWithoutSigningIn() throws Exception {
    long khan = withEmail("mr.khan", "khan@families.example");
    notices().add("homework", "homework.returned", khan, "Amira's spellings were marked", "/s/2-willow/homework/1");
    drain();
    MimeMessage m = mail.await(1).get(0);
    assertTrue(text(m).contains(SITE + "/s/2-willow/homework/1"), "an absolute link to site.url: " + text(m));
    String header = m.getHeader("List-Unsubscribe")[0];
    assertTrue(header.startsWith("<" + SITE + "/unsubscribe/" + khan + "/homework.returned/"), header);
    String path = header.substring(1 + SITE.length(), header.length() - 1);
    TestClient mailProgram = courtyard.anonymous();
    assertEquals(200, mailProgram.postRaw(path, Map.of("List-Unsubscribe", "One-Click")).status());
    mail.clear();
    notices().add("homework", "homework.returned", khan, "Another mark", "/s/2-willow/homework/2");
    notices().add("homework", "homework.task-set", khan, "A new task", "/s/2-willow/homework/3");
    drain();
    mail.await(1);
    assertEquals(List.of("A new task"), to("khan@families.example").stream().map(NotificationDeliveryIT::subject).toList(),
        "that kind stopped, other kinds still come");
    assertTrue(courtyard.signIn("mr.khan").get("/notifications").contains("Another mark"), "still on the site");
  }

  @Test
  @Order(2)
  void aTeachersDayComesInOneDigest() throws Exception {
    mail.clear();
    long patel = withEmail("mrs.patel", "patel@oakfield.example");
    notices().add("homework", "homework.handed-in", patel, "Amira handed in spellings", "/s/2-willow/homework/1");
    notices().add("homework", "homework.handed-in", patel, "Ben handed in spellings", "/s/2-willow/homework/1");
    notices().add("forum", "forum.waiting", patel, "A post waits for you", "/s/2-willow/forum");
    drain();
    assertEquals(0, to("patel@oakfield.example").size(), "staff get a daily digest unless they choose otherwise");
    assertEquals(1, courtyard.get(DailyDigest.class).send());
    drain();
    MimeMessage digest = mail.await(1).get(0);
    assertEquals("3 new things at school today", digest.getSubject());
    String body = text(digest);
    assertTrue(body.contains("Amira handed in spellings") && body.contains("Ben handed in spellings") && body.contains("A post waits for you"), body);
    assertTrue(body.contains(SITE + "/s/2-willow/forum"), body);
    assertEquals(0, courtyard.get(DailyDigest.class).send(), "nothing is gathered twice");
  }

  @Test
  @Order(3)
  void aLearnersEmailWaitsForTheEndOfQuietHoursAndNothingMeansNothing() throws Exception {
    mail.clear();
    long chloe = withEmail("chloe", "chloe@pupils.oakfield.example");
    User u = courtyard.get(UserStore.class).byId(chloe).orElseThrow();
    ZoneId zone = ZoneId.of("Europe/London");
    LocalTime now = courtyard.now().atZone(zone).toLocalTime();
    courtyard.get(DeliveryChoices.class).setQuietHours(u.schoolId(), now.minusMinutes(30).withSecond(0).withNano(0), now.plusHours(2).withSecond(0).withNano(0));
    notices().add("forum", "forum.reply", chloe, "A reply to your post", "/s/5-oak/forum");
    drain();
    assertEquals(0, to("chloe@pupils.oakfield.example").size(), "not during quiet hours");
    courtyard.advanceClock(Duration.ofHours(2).plusMinutes(5));
    drain();
    assertEquals(1, mail.await(1).size(), "it arrives when they end");
    courtyard.get(DeliveryChoices.class).setQuietHours(u.schoolId(), null, null);

    courtyard.get(DeliveryChoices.class).choose(chloe, "forum.reply", Delivery.NONE);
    notices().add("forum", "forum.reply", chloe, "Nobody will see this", "/s/5-oak/forum");
    assertFalse(courtyard.signIn("chloe").get("/notifications").contains("Nobody will see this"), "nothing at all");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
