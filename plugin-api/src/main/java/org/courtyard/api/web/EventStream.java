package org.courtyard.api.web;

/**
 * An open server-sent events connection to one browser, for a live page (a poll's results, a
 * register being taken). Keep it where the tool's listeners can reach it and {@link #send} as things
 * change; the core keeps the connection alive and closes it when the browser goes or the tool stops.
 * In the page, a script served from the tool's assets reads it with {@code new EventSource(url)}.
 *
 * @since 2.0.0
 */
public interface EventStream {
  /**
   * Sends one event named {@code event} whose data is {@code data} as JSON (maps, lists, strings,
   * numbers, booleans). Safe from any thread. Returns false if the browser has gone.
   */
  boolean send(String event, Object data);

  /** Runs once when the connection closes, whoever closed it: forget the stream here. */
  void onClose(Runnable action);

  boolean isOpen();

  /** Ends the stream from the server's side. */
  void close();
}
