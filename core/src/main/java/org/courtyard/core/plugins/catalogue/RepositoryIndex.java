package org.courtyard.core.plugins.catalogue;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plugin repository: a folder holding {@code plugins.json} and the files it names, or an
 * http(s) address of a {@code plugins.json} (files named relative to it). Release files and screenshots
 * are fetched from the same place, with a size limit.
 */
public final class RepositoryIndex {
  static final long MAX_INDEX_BYTES = 2L * 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final int number;
  private final String location;

  public RepositoryIndex(int number, String location) {
    this.number = number;
    this.location = location;
  }

  public String location() { return location; }

  boolean http() { return location.startsWith("http://") || location.startsWith("https://"); }

  /** The index's own address: a folder's plugins.json, or the URL (with plugins.json added to one ending in /). */
  private String indexAddress() {
    if (http()) return location.endsWith("/") ? location + "plugins.json" : location;
    return Path.of(location).resolve("plugins.json").toString();
  }

  public List<CatalogueEntry> entries() throws IOException {
    String json = new String(fetch(indexAddress(), MAX_INDEX_BYTES), StandardCharsets.UTF_8);
    JsonArray list;
    try {
      list = new JsonArray(json);
    } catch (DecodeException | ClassCastException e) {
      throw new IOException("its plugins.json is not a JSON list of plugins: " + e.getMessage());
    }
    List<CatalogueEntry> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject p) || p.getString("id") == null) continue;
      List<CatalogueEntry.Release> releases = new ArrayList<>();
      for (Object r : p.getJsonArray("releases", new JsonArray())) {
        if (!(r instanceof JsonObject rel) || rel.getString("version") == null || rel.getString("url") == null) continue;
        releases.add(new CatalogueEntry.Release(rel.getString("version"), rel.getString("date", ""), rel.getString("requires", "*"),
            resolve(rel.getString("url")), rel.getString("sha256"), rel.getString("upgradesFrom")));
      }
      List<CatalogueEntry.CapabilityAsked> caps = new ArrayList<>();
      for (Object c : p.getJsonArray("capabilities", new JsonArray())) {
        if (c instanceof JsonObject cap) caps.add(new CatalogueEntry.CapabilityAsked(cap.getString("id", ""), cap.getString("label", ""), cap.getString("defaultRole", "")));
      }
      List<String> shots = new ArrayList<>();
      for (Object s : p.getJsonArray("screenshots", new JsonArray())) if (s instanceof String path) shots.add(resolve(path));
      out.add(new CatalogueEntry(number, p.getString("id"), p.getString("name", p.getString("id")), p.getString("description", ""),
          p.getString("provider", ""), p.getString("projectUrl", ""), p.getString("licence", p.getString("license", "")), shots, caps,
          p.getString("data", ""), releases));
    }
    return out;
  }

  /** A file the index names, resolved against the index: an absolute http address, or a path inside the folder (never outside it). */
  private String resolve(String ref) {
    if (http()) return URI.create(indexAddress()).resolve(ref).toString();
    if (ref.startsWith("http://") || ref.startsWith("https://")) return ref;
    Path root = Path.of(location).toAbsolutePath().normalize();
    Path p = root.resolve(ref).normalize();
    if (!p.startsWith(root)) throw new IllegalArgumentException("The index names a file outside its folder: " + ref);
    return p.toString();
  }

  /** Reads a file from the repository (a folder path or an http address), refusing more than {@code max} bytes. */
  static byte[] fetch(String address, long max) throws IOException {
    if (address.startsWith("http://") || address.startsWith("https://")) {
      try {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() != 200) throw new IOException(address + " answered " + r.statusCode());
          return limited(in, max, address);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    Path p = Path.of(address);
    if (!Files.isRegularFile(p)) throw new IOException("there is no " + p);
    try (InputStream in = Files.newInputStream(p)) {
      return limited(in, max, address);
    }
  }

  private static byte[] limited(InputStream in, long max, String what) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) throw new IOException(what + " is larger than " + (max / (1024 * 1024)) + " MB");
    return bytes;
  }
}
