package org.courtyard.plugins.signs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for these tests: like the testkit's TestClient (own cookies, redirects not followed, the
 * CSRF token from the last page) but with bytes, request headers (Range, X-CSRF-Token) and
 * multipart chunks, which the video upload and streaming need.
 */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final URI base;
  private final HttpClient http;
  private String csrf;

  record Response(int status, byte[] bytes, HttpHeaders headers) {
    String body() { return new String(bytes, StandardCharsets.UTF_8); }

    String header(String name) { return headers.firstValue(name).orElse(null); }

    String location() { return header("Location"); }

    boolean contains(String text) { return body().contains(text); }

    @Override public String toString() { return "HTTP " + status + "\n" + body(); }
  }

  Browser(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  static Browser signIn(URI base, String username, String password) {
    Browser b = new Browser(base);
    b.get("/login");
    Response r = b.post("/login", Map.of("username", username, "password", password));
    if (r.status() != 303) throw new AssertionError("Sign-in as " + username + " failed: " + r);
    b.get("/");
    return b;
  }

  String csrf() { return csrf; }

  /** Forgets the CSRF token, as a request forged from another site would not know it. */
  Browser withoutToken() {
    csrf = null;
    return this;
  }

  Response get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b);
  }

  /** A form with this session's CSRF token as the _csrf field. */
  Response post(String path, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(form);
    if (csrf != null) all.putIfAbsent("_csrf", csrf);
    StringBuilder body = new StringBuilder();
    for (var e : all.entrySet()) {
      if (body.length() > 0) body.append('&');
      body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /**
   * A multipart form with fields and (if {@code file} is not null) one file. The CSRF token goes in the
   * X-CSRF-Token header when {@code tokenInHeader}, as a script would send it, else as the _csrf field.
   */
  Response multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file, boolean tokenInHeader) {
    String boundary = "----signs" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (!tokenInHeader && csrf != null) all.putIfAbsent("_csrf", csrf);
    for (var e : all.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (tokenInHeader && csrf != null) b.header("X-CSRF-Token", csrf);
    return send(b);
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("text/html")) {
        Matcher m = CSRF.matcher(new String(r.body(), StandardCharsets.UTF_8));
        if (m.find()) csrf = m.group(1);
      }
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
