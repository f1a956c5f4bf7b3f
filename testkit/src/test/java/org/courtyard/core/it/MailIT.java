package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.courtyard.core.cluster.Cluster;
import org.courtyard.core.config.Config;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.Mailer;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.notify.mail.MailOutbox;
import org.courtyard.core.notify.mail.OutgoingMail;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.courtyard.testkit.TestMailServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * E-mail that really goes out: notifications reach a real SMTP server (GreenMail) as text and HTML in
 * the recipient's language; while the relay is away they wait in the outbox and arrive once when it is
 * back; the ICT leader sees failures and tries them again; the development mailbox shows what a demo sent.
 * Time is moved with the server's clock and the outbox drained by the test, never waited for.
 */
class MailIT {
  private static final String SITE = "http://learn.oakfield.example";

  @RegisterExtension @Order(1)
  static final TestMailServer mail = TestMailServer.smtp();

  // mail.dev-mailbox is ignored (and /dev/mail a 404) when a relay is set.
  @RegisterExtension @Order(2)
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool()
      .smtpServer(mail.port(), false)
      .setting(Config.SITE_URL, SITE + "/")
      .setting(Config.MAIL_FROM, "Oakfield Primary <courtyard@oakfield.example>")
      .setting(Config.MAIL_DEV_MAILBOX, "true");

  private static long withEmail(CourtyardExtension c, String username, String email) {
    UserStore users = c.get(UserStore.class);
    User u = users.byUsername(username).orElseThrow();
    users.update(u.id(), u.displayName(), u.kind(), email);
    return u.id();
  }

  private static List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      for (var a : m.getRecipients(Message.RecipientType.TO)) {
        if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) out.add(m);
      }
    }
    return out;
  }

  private static MailOutbox outbox() { return courtyard.get(MailOutbox.class); }

  private static String part(MimeMessage m, int i, String type) throws Exception {
    MimeMultipart alt = (MimeMultipart) m.getContent();
    BodyPart p = alt.getBodyPart(i);
    assertTrue(p.getContentType().toLowerCase().startsWith(type), p.getContentType());
    assertTrue(p.getContentType().toLowerCase().contains("charset=utf-8"), p.getContentType());
    return (String) p.getContent();
  }

  @Test
  void aNotificationArrivesAsTextAndHtmlInTheRecipientsLanguage() throws Exception {
    long khan = withEmail(courtyard, "mr.khan", "khan@families.example");
    long patel = withEmail(courtyard, "mrs.patel", "patel@oakfield.example");
    // Staff get a daily digest unless they choose otherwise: this teacher chose e-mail at once.
    courtyard.get(org.courtyard.core.notify.DeliveryChoices.class).choose(patel, org.courtyard.core.notify.DeliveryChoices.EVERY_KIND,
        org.courtyard.core.notify.Delivery.EMAIL);
    assertEquals(303, courtyard.signIn("mr.khan").post("/language", Map.of("language", "cy", "back", "/")).status());

    NotificationStore notifications = courtyard.get(NotificationStore.class);
    notifications.add("trips", khan, "Taith i Sain Ffagan — llythyr ŵ", "/s/2-willow");
    notifications.add("trips", patel, "Trip letter <signed> & returned", "/s/2-willow");
    outbox().drain();
    mail.await(2);

    MimeMessage welsh = to("khan@families.example").get(0);
    assertEquals("Taith i Sain Ffagan — llythyr ŵ", welsh.getSubject(), "a UTF-8 subject");
    assertTrue(welsh.getContentType().startsWith("multipart/alternative"), welsh.getContentType());
    assertEquals("courtyard@oakfield.example", ((InternetAddress) welsh.getFrom()[0]).getAddress());
    assertTrue(welsh.getMessageID() != null && welsh.getMessageID().endsWith("@learn.oakfield.example>"), welsh.getMessageID());
    String text = part(welsh, 0, "text/plain");
    assertTrue(text.contains("Gweler hyn ar wefan yr ysgol: " + SITE + "/s/2-willow"), "Welsh, with the absolute link: " + text);
    assertFalse(text.contains("See it on"), text);
    String html = part(welsh, 1, "text/html");
    assertTrue(html.contains("lang=\"cy\""), html);
    assertTrue(html.contains("Gweler hyn ar wefan yr ysgol: <a href=\"" + SITE + "/s/2-willow\">" + SITE + "/s/2-willow</a>"), html);
    assertEquals(null, welsh.getHeader("List-Unsubscribe"), "a notification gives no unsubscribe address");

    MimeMessage english = to("patel@oakfield.example").get(0);
    assertEquals("Trip letter <signed> & returned", english.getSubject());
    assertTrue(part(english, 0, "text/plain").contains("See it on the school's site: " + SITE + "/s/2-willow"));
    assertTrue(part(english, 1, "text/html").contains("See it on the school&#39;s site: <a href=\"" + SITE + "/s/2-willow\">"));
    assertEquals(1, to("khan@families.example").size(), "once");
  }

  @Test
  void aMessageWithAnUnsubscribeAddressCarriesTheOneClickHeadersAndEscapedHtml() throws Exception {
    courtyard.get(Mailer.class).send(new OutgoingMail("news@families.example", null, "Newsletter", "Fish & chips <Friday>", null,
        SITE + "/unsubscribe?t=abc", "newsletter"));
    outbox().drain();
    mail.await(1);
    MimeMessage m = to("news@families.example").get(0);
    assertEquals("<" + SITE + "/unsubscribe?t=abc>", m.getHeader("List-Unsubscribe")[0]);
    assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
    assertEquals("Fish & chips <Friday>", part(m, 0, "text/plain").strip());
    String html = part(m, 1, "text/html");
    assertTrue(html.contains("<p>Fish &amp; chips &lt;Friday&gt;</p>"), html);
  }

  @Test
  void whileTheRelayIsAwayMessagesWaitAndArriveExactlyOnceWhenItIsBack() throws Exception {
    long chloe = withEmail(courtyard, "chloe", "chloe.home@families.example");
    mail.stop();
    try {
      courtyard.get(NotificationStore.class).add("forum", chloe, "Away message", "/s/2-willow");
      outbox().drain();
      TestClient leader = courtyard.signIn("ict.leader");
      TestClient.Response page = leader.get("/admin/oakfield/mail");
      assertEquals(200, page.status());
      assertTrue(page.contains("data-count=\"waiting\">1<"), page.body());
      assertTrue(page.contains("id=\"mail-waiting\""), "listed as waiting after a failed attempt: " + page.body());
      assertTrue(page.contains("Away message"), page.body());
      assertTrue(page.contains("E-mail goes out through 127.0.0.1:" + mail.port() + " (none)"), page.body());

      courtyard.advanceClock(Duration.ofSeconds(30));
      assertEquals(0, outbox().drain(), "not due again before its minute");
    } finally {
      mail.start();
    }
    assertEquals(0, to("chloe.home@families.example").size());
    courtyard.advanceClock(Duration.ofMinutes(2));
    courtyard.runDueJobs();
    outbox().drain();
    mail.await(1);
    courtyard.advanceClock(Duration.ofHours(7));
    courtyard.runDueJobs();
    outbox().drain();
    assertEquals(1, to("chloe.home@families.example").size(), "exactly once");
    assertFalse(courtyard.signIn("ict.leader").get("/admin/oakfield/mail").contains("Away message"), "no longer waiting");
  }

  @Test
  void aMessageLeftHalfSentByAStoppedNodeIsSentOnceAfterItsLease() throws Exception {
    long ben = withEmail(courtyard, "ben", "ben.home@families.example");
    mail.stop();
    try {
      courtyard.get(NotificationStore.class).add("forum", ben, "Half sent", "/s/2-willow");
      outbox().drain();
    } finally {
      mail.start();
    }
    // As a node that claimed it and stopped before marking it sent leaves it.
    Db db = courtyard.get(Db.class);
    assertEquals(1, db.update("UPDATE mail_outbox SET status = 'sending', claimed_by = 'a-node-that-stopped', lease_until = ? WHERE subject = ?",
        java.sql.Timestamp.from(courtyard.now().plusSeconds(60)), "Half sent"));
    assertEquals(0, outbox().drain(), "its lease still holds");
    courtyard.advanceClock(Duration.ofMinutes(2));
    outbox().drain();
    mail.await(1);
    outbox().drain();
    assertEquals(1, to("ben.home@families.example").size());
    assertEquals("sent", db.queryOne("SELECT status FROM mail_outbox WHERE subject = ?", rs -> rs.getString(1), "Half sent").orElseThrow());
  }

  @Test
  void twoNodesDrainingAtOnceSendEachMessageOnce() throws Exception {
    Mailer mailer = courtyard.get(Mailer.class);
    Db db = courtyard.get(Db.class);
    // A second node: its own outbox over the same database.
    MailOutbox other = new MailOutbox(db, courtyard.get(java.time.Clock.class), courtyard.get(Vertx.class),
        new Cluster(courtyard.get(Vertx.class), null), courtyard.courtyard().config());
    // Queued together; the commit also starts this node's own drain, which races the two below.
    db.transaction(() -> {
      for (int i = 0; i < 20; i++) mailer.send(new OutgoingMail("race" + i + "@families.example", null, "Race " + i, "Hello", null, null, "test"));
      return null;
    });
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = two.submit(() -> outbox().drain());
      Future<Integer> b = two.submit(other::drain);
      // (a drain started on this node after a message was queued may have sent some of them too)
      assertTrue(a.get() + b.get() <= 20, "no message sent by both");
    } finally {
      two.shutdown();
    }
    mail.await(20);
    outbox().drain();
    other.drain();
    for (int i = 0; i < 20; i++) assertEquals(1, to("race" + i + "@families.example").size(), "race" + i);
  }

  @Test
  void theIctLeaderSeesAFailedMessageAndTriesItAgain() throws Exception {
    long amira = withEmail(courtyard, "amira", "amira.home@families.example");
    mail.stop();
    Db db = courtyard.get(Db.class);
    try {
      courtyard.get(NotificationStore.class).add("forum", amira, "Never arrived", "/s/2-willow");
      outbox().drain();
      // Two days of attempts: 1 min, 5 min, 30 min, 2 h, then every 6 h.
      for (int i = 0; i < 20 && !"failed".equals(status(db, "Never arrived")); i++) {
        courtyard.advanceClock(Duration.ofHours(6).plusMinutes(1));
        outbox().drain();
      }
      assertEquals("failed", status(db, "Never arrived"));
      TestClient leader = courtyard.signIn("ict.leader");
      TestClient.Response page = leader.get("/admin/oakfield/mail");
      assertTrue(page.contains("data-count=\"failed\">1<"), page.body());
      assertTrue(page.contains("id=\"mail-failed\"") && page.contains("Never arrived") && page.contains("amira.home@families.example"), page.body());
      assertTrue(page.contains("Try again"), page.body());
      TestClient.Response cy = courtyard.signIn("ict.leader").header("Accept-Language", "cy").get("/admin/oakfield/mail");
      assertTrue(cy.contains("Negeseuon a fethodd") && cy.contains("Rhoi cynnig arall arni"), "the page in Welsh: " + cy.body());

      long id = db.queryOne("SELECT id FROM mail_outbox WHERE subject = ?", rs -> rs.getLong(1), "Never arrived").orElseThrow();
      assertEquals(404, courtyard.signIn("ict.leader").post("/admin/oakfield/mail/999999/retry", Map.of()).status());
      mail.start();
      TestClient.Response again = leader.post("/admin/oakfield/mail/" + id + "/retry", Map.of());
      assertEquals(303, again.status(), again.body());
    } finally {
      mail.start();
    }
    outbox().drain();
    mail.await(1);
    assertEquals(1, to("amira.home@families.example").size());
    assertEquals("sent", status(db, "Never arrived"));
    assertTrue(courtyard.signIn("ict.leader").get("/admin/oakfield/mail").contains("data-count=\"failed\">0<"));
  }

  @Test
  void theDevelopmentMailboxIsA404WhenARelayIsSet() {
    assertEquals(404, courtyard.anonymous().get("/dev/mail").status());
    assertEquals(404, courtyard.signIn("ict.leader").get("/dev/mail").status());
  }

  private static String status(Db db, String subject) {
    return db.queryOne("SELECT status FROM mail_outbox WHERE subject = ?", rs -> rs.getString(1), subject).orElseThrow();
  }

  @Test
  void theDevelopmentMailboxShowsWhatWasSentWithoutARelay() throws Exception {
    CourtyardExtension demo = CourtyardExtension.withDemoSchool().setting(Config.MAIL_DEV_MAILBOX, "true").setting(Config.SITE_URL, "http://localhost:8080");
    demo.open();
    try {
      long khan = withEmail(demo, "mr.khan", "khan@families.example");
      demo.get(NotificationStore.class).add("trips", khan, "Trip to the farm", "/s/2-willow");
      demo.get(MailOutbox.class).drain();
      TestClient.Response page = demo.anonymous().get("/dev/mail");
      assertEquals(200, page.status(), page.body());
      assertTrue(page.contains("Trip to the farm") && page.contains("khan@families.example"), page.body());
      assertTrue(page.contains("See it on the school&#x27;s site: http://localhost:8080/s/2-willow")
          || page.contains("See it on the school&#39;s site: http://localhost:8080/s/2-willow"), "the text: " + page.body());
      assertTrue(page.contains("srcdoc=\"") && page.contains("&lt;a href"), "the HTML, escaped into the page: " + page.body());
      TestClient.Response admin = demo.signIn("ict.leader").get("/admin/oakfield/mail");
      assertTrue(admin.contains("Not configured: no e-mail is sent."), admin.body());
      assertTrue(admin.contains("href=\"/dev/mail\""), admin.body());
    } finally {
      demo.close();
    }
  }

  @Test
  void mailGoesOutOverTls() throws Exception {
    TestMailServer tls = TestMailServer.smtps();
    CourtyardExtension secure = CourtyardExtension.withDemoSchool().smtpServer(tls.port(), true).setting(Config.SITE_URL, SITE);
    secure.open();
    try {
      long patel = withEmail(secure, "mrs.patel", "patel@oakfield.example");
      secure.get(org.courtyard.core.notify.DeliveryChoices.class).choose(patel, org.courtyard.core.notify.DeliveryChoices.EVERY_KIND,
          org.courtyard.core.notify.Delivery.EMAIL);
      secure.get(NotificationStore.class).add("forum", patel, "Over TLS", "/s/5-oak");
      secure.get(MailOutbox.class).drain();
      MimeMessage m = tls.await(1).get(0);
      assertEquals("Over TLS", m.getSubject());
      assertTrue(secure.signIn("ict.leader").get("/admin/oakfield/mail").contains("(tls)"));
    } finally {
      secure.close();
      tls.stop();
    }
  }
}
