package org.courtyard.core.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock in UTC, which tests can move forward ({@link #advance}) to see what happens
 * when a time limit or a due date passes, without waiting for it.
 */
public final class ServerClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /** Moves this server's time on; never back, so nothing saved appears to be from the future. */
  public void advance(Duration by) {
    if (by.isNegative()) throw new IllegalArgumentException("The clock only moves forward.");
    offset = offset.plus(by);
  }

  @Override public ZoneId getZone() { return ZoneOffset.UTC; }

  @Override public Clock withZone(ZoneId zone) { return Clock.offset(Clock.system(zone), offset); }

  @Override public Instant instant() { return Instant.now().plus(offset); }
}
