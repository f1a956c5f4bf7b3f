package org.courtyard.api.web;

/** Thrown by a handler to answer with an error page; the message is shown to the user, so keep it plain. */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() { return status; }

  public static HttpProblem badRequest(String message) { return new HttpProblem(400, message); }
  public static HttpProblem forbidden(String message) { return new HttpProblem(403, message); }
  public static HttpProblem notFound(String message) { return new HttpProblem(404, message); }
  public static HttpProblem conflict(String message) { return new HttpProblem(409, message); }
  public static HttpProblem tooLarge(String message) { return new HttpProblem(413, message); }
}
