package org.courtyard.api.roster;

/** The file cannot be imported at all; the message says why in words an ICT leader understands. */
public final class RosterException extends Exception {
  private static final long serialVersionUID = 1L;

  public RosterException(String message) { super(message); }

  public RosterException(String message, Throwable cause) { super(message, cause); }
}
