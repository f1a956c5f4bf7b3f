package org.courtyard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling: a bare Vert.x server answering every request with the same page bytes from memory —
 * what the framework alone manages on this machine. {@code BarePage <port> <file>}.
 */
public final class BarePage {
  private BarePage() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Buffer page = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page))
        .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    System.out.println("Bare Vert.x page server on 127.0.0.1:" + port);
  }
}
