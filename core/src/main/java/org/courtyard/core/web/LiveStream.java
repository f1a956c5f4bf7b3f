package org.courtyard.core.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.courtyard.api.web.EventStream;

/**
 * One browser's server-sent events connection. A comment line every {@value #KEEP_ALIVE_MS} ms keeps
 * proxies from closing it; the first close (browser gone, tool stopped, tool's own call) runs the
 * tool's close actions once.
 */
final class LiveStream implements EventStream {
  static final long KEEP_ALIVE_MS = 25_000;
  private final HttpServerResponse response;
  private final Vertx vertx;
  private final long timer;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

  LiveStream(Vertx vertx, HttpServerResponse response) {
    this.vertx = vertx;
    this.response = response;
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> close());
    response.write(": open\n\n");
    this.timer = vertx.setPeriodic(KEEP_ALIVE_MS, t -> {
      if (open.get()) response.write(": keep-alive\n\n");
    });
  }

  @Override
  public boolean send(String event, Object data) {
    if (!open.get()) return false;
    String name = event == null ? "message" : event.replaceAll("[\\r\\n]", "");
    response.write("event: " + name + "\ndata: " + Json.encode(data) + "\n\n");
    return true;
  }

  @Override public void onClose(Runnable action) {
    onClose.add(action);
    if (!open.get()) action.run();
  }

  @Override public boolean isOpen() { return open.get(); }

  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) return;
    vertx.cancelTimer(timer);
    if (!response.ended() && !response.closed()) response.end();
    onClose.forEach(Runnable::run);
  }
}
