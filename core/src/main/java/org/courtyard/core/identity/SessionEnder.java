package org.courtyard.core.identity;

/** Ends a person's signed-in sessions, wherever they are (every node reads sessions from the database). */
public interface SessionEnder {
  /** Ends every session of the person except {@code keepSessionId} (null ends them all). Returns how many ended. */
  int endSessionsOf(long userId, String keepSessionId);
}
