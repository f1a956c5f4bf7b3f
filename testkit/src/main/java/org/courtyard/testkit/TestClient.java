package org.courtyard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser as far as HTTP goes: its own cookies, redirects not followed (so tests see
 * them), and the CSRF token read from the last page, sent with every form unless told not to.
 */
public final class TestClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final URI base;
  private final HttpClient http;
  private final CookieManager cookies;
  private String csrf;
  private final Map<String, String> headers = new LinkedHashMap<>();

  TestClient(URI base) { this(base, new CookieManager(), null); }

  /**
   * A header sent with every later request, e.g. {@code X-Forwarded-For} to be another address behind
   * a proxy the installation trusts ({@code http.trusted-proxies=127.0.0.1}).
   */
  public TestClient header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  private TestClient(URI base, CookieManager cookies, String csrf) {
    this.base = base;
    this.cookies = cookies;
    this.csrf = csrf;
    // HTTP/1.1, as browsers speak over plain http and as nginx speaks to the nodes (never an h2c upgrade).
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The value of one of this browser's cookies, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** A fresh browser for a server started some other way (a node run from the distribution). */
  public static TestClient of(URI base) { return new TestClient(base); }

  /** The same browser (cookies, form token) talking to another node of a cluster on the same host. */
  public TestClient at(URI otherNode) { return new TestClient(otherNode, cookies, csrf); }

  /** An HTTP answer with the helpers tests need. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public String header(String name) { return headers.firstValue(name).orElse(null); }

    public String location() { return header("Location"); }

    public boolean contains(String text) { return body.contains(text); }

    @Override public String toString() { return "HTTP " + status + "\n" + body; }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** Follows redirects from a GET, as a browser would. */
  public Response getFollowing(String path) {
    Response r = get(path);
    int hops = 0;
    while ((r.status() == 302 || r.status() == 303) && hops++ < 5) r = get(r.location());
    return r;
  }

  /** Posts a form with this session's CSRF token (fetching a page first if none is known yet). */
  public Response post(String path, Map<String, String> form) {
    if (csrf == null) get("/login");
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.putIfAbsent("_csrf", csrf);
    return postRaw(path, withToken);
  }

  /**
   * Posts a form whose fields may repeat (ticked boxes, several choices), given as name, value, name,
   * value…, with this session's CSRF token.
   */
  public Response postPairs(String path, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("Give names and values in pairs");
    if (csrf == null) get("/login");
    StringBuilder b = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.append('&').append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
  }

  /** Posts exactly the given fields: no CSRF token is added. */
  public Response postRaw(String path, Map<String, String> form) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  /** A multipart form with one file; the CSRF token goes in as a field. */
  public Response postFile(String path, Map<String, String> fields, String fileField, String fileName, String contentType, byte[] content) {
    if (csrf == null) get("/login");
    String boundary = "----courtyard" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    try {
      for (var e : all.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public Response download(String path, Path to) {
    try {
      HttpResponse<Path> r = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofFile(to));
      return new Response(r.statusCode(), Files.size(to) + " bytes", r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signs in with a password; fails the test if that does not work. */
  public TestClient login(String username, String password) {
    Response r = post("/login", Map.of("username", username, "password", password));
    if (r.status() != 303) throw new AssertionError("Sign-in as " + username + " failed: " + r);
    get("/");
    return this;
  }

  public String csrfToken() { return csrf; }

  private Response send(HttpRequest.Builder b) {
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) csrf = m.group(1);
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> form) {
    StringBuilder b = new StringBuilder();
    for (var e : form.entrySet()) {
      if (b.length() > 0) b.append('&');
      b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
