package org.courtyard.testkit;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * For what another node, process or background job does in its own time: asks again until the
 * answer is yes or the time is up. The pause between asks starts at 2 ms (so a measured delay stays
 * close to the truth) and grows to 50 ms (so a long wait does not spin a core).
 */
public final class Eventually {
  private Eventually() {}

  /** True as soon as {@code condition} holds; false if it still does not after {@code ms} milliseconds. */
  public static boolean within(long ms, BooleanSupplier condition) {
    long deadline = System.nanoTime() + ms * 1_000_000;
    long pauseNs = 2_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) return true;
      LockSupport.parkNanos(pauseNs);
      pauseNs = Math.min(pauseNs * 2, 50_000_000);
    }
    return condition.getAsBoolean();
  }
}
