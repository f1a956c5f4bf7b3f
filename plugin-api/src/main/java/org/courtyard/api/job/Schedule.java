package org.courtyard.api.job;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a {@link Job} runs: every fixed interval, or once a day at a time of day in the
 * installation's time zone ({@code time-zone} in {@code conf/courtyard.properties}). A run that was
 * due while every node was down runs once at start, not once per missed time.
 *
 * @since 2.0.0
 */
public final class Schedule {
  private final Duration every;
  private final LocalTime dailyAt;

  private Schedule(Duration every, LocalTime dailyAt) {
    this.every = every;
    this.dailyAt = dailyAt;
  }

  /** Every {@code interval}, at least a second apart. */
  public static Schedule every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) throw new IllegalArgumentException("A job runs at most once a second: " + interval);
    return new Schedule(interval, null);
  }

  /** Once a day at this time in the installation's time zone, e.g. {@code dailyAt(LocalTime.of(2, 30))}. */
  public static Schedule dailyAt(LocalTime time) {
    return new Schedule(null, Objects.requireNonNull(time, "time"));
  }

  /** The interval, or null for a daily job. */
  public Duration interval() { return every; }

  /** The time of day, or null for an interval job. */
  public LocalTime timeOfDay() { return dailyAt; }

  @Override public String toString() { return every != null ? "every " + every : "daily at " + dailyAt; }
}
