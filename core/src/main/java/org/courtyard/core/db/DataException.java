package org.courtyard.core.db;

/** A database error; the message names the statement, never user data. */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message, Throwable cause) { super(message, cause); }
}
