package org.courtyard.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port of 127.0.0.1, which keeps every message it
 * receives. Point a Courtyard at it with {@link CourtyardExtension#smtpServer}; it can be stopped and
 * started again on the same port, as a school's relay that goes away for a while.
 * <pre>
 * &#64;RegisterExtension &#64;Order(1) static final TestMailServer mail = TestMailServer.smtp();
 * &#64;RegisterExtension &#64;Order(2) static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().smtpServer(mail.port(), mail.tls());
 * </pre>
 * GreenMail is a test dependency of the testkit, so this class is for the core's own tests.
 */
public final class TestMailServer implements AfterAllCallback {
  private final ServerSetup setup;
  private GreenMail server;

  private TestMailServer(String protocol) {
    this.setup = new ServerSetup(freePort(), "127.0.0.1", protocol);
    start();
  }

  /** Plain SMTP (mail.smtp.tls=none). */
  public static TestMailServer smtp() { return new TestMailServer(ServerSetup.PROTOCOL_SMTP); }

  /** SMTP over TLS from the first byte (mail.smtp.tls=tls), with GreenMail's own certificate. */
  public static TestMailServer smtps() { return new TestMailServer(ServerSetup.PROTOCOL_SMTPS); }

  public int port() { return setup.getPort(); }

  /** True for {@link #smtps()}. */
  public boolean tls() { return ServerSetup.PROTOCOL_SMTPS.equals(setup.getProtocol()); }

  /** Starts it (again, on the same port, after {@link #stop()}); what it received before is gone. */
  public synchronized void start() {
    if (server != null && server.isRunning()) return;
    server = new GreenMail(setup);
    server.start();
  }

  /** Stops it: connections are refused until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) server.stop();
  }

  /** Every message received since it (last) started, in the order received. */
  public synchronized List<MimeMessage> received() { return List.of(server.getReceivedMessages()); }

  /** Waits (up to 10 s) until at least {@code count} messages have arrived; returns them all. */
  public List<MimeMessage> await(int count) {
    GreenMail s;
    synchronized (this) { s = server; }
    if (!s.waitForIncomingEmail(10_000, count)) {
      throw new AssertionError("Expected " + count + " e-mail(s) at the test mail server; " + s.getReceivedMessages().length + " arrived");
    }
    return received();
  }

  /** Forgets what it received. */
  public synchronized void clear() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) { stop(); }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
