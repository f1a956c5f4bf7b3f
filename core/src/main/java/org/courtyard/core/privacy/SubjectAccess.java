package org.courtyard.core.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.service.FileStore;

/**
 * Answers a subject access request: asks the core and every running tool for what they keep about one
 * person and writes one zip holding a page a person can read ({@code index.html}), the same as JSON
 * ({@code data.json}) and the files they uploaded ({@code files/...}). A tool that fails is named in
 * both, so the school knows the download is incomplete rather than believing it whole.
 */
@Singleton
public final class SubjectAccess {
  private static final Logger LOG = Logger.getLogger(SubjectAccess.class.getName());
  private final PersonalDataRegistry registry;
  private final FileStore files;

  @Inject
  public SubjectAccess(PersonalDataRegistry registry, FileStore files) {
    this.registry = registry;
    this.files = files;
  }

  /** What one tool gave. */
  public record Section(String toolId, String title, Map<String, List<Map<String, ?>>> records, List<FileRef> files, String failure) {}

  public record FileRef(String kind, String name, String key) {}

  /** Collects every tool's records about the person, in memory (a person's records, not their files, are small). */
  public List<Section> collect(long userId) {
    List<Section> out = new ArrayList<>();
    for (PersonalDataRegistry.Entry e : registry.all()) {
      Map<String, List<Map<String, ?>>> records = new LinkedHashMap<>();
      List<FileRef> refs = new ArrayList<>();
      String failure = null;
      try {
        e.data().export(userId, new DataExport() {
          @Override public DataExport record(String kind, Map<String, ?> fields) {
            records.computeIfAbsent(kind, k -> new ArrayList<>()).add(new LinkedHashMap<>(fields));
            return this;
          }

          @Override public DataExport file(String kind, String name, String fileKey) {
            refs.add(new FileRef(kind, name, fileKey));
            return this;
          }
        });
      } catch (Exception | LinkageError ex) {
        LOG.log(Level.WARNING, "Subject access: " + e.toolId() + " failed for user " + userId, ex);
        failure = ex.getClass().getSimpleName();
      }
      out.add(new Section(e.toolId(), e.title(), records, refs, failure));
    }
    return out;
  }

  /** Writes the download for the person to {@code zip}; returns the sections written. */
  public List<Section> write(long userId, String personName, Instant at, OutputStream zip) throws IOException {
    List<Section> sections = collect(userId);
    try (ZipOutputStream z = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      List<String> fileNames = new ArrayList<>();
      JsonObject json = new JsonObject().put("person", personName).put("userId", userId).put("made", at.toString());
      JsonArray tools = new JsonArray();
      for (Section s : sections) {
        JsonObject t = new JsonObject().put("tool", s.toolId()).put("title", s.title());
        if (s.failure() != null) t.put("failed", s.failure());
        JsonObject recs = new JsonObject();
        s.records().forEach((kind, list) -> {
          JsonArray a = new JsonArray();
          list.forEach(r -> a.add(jsonRecord(r)));
          recs.put(kind, a);
        });
        t.put("records", recs);
        JsonArray fl = new JsonArray();
        int n = 0;
        for (FileRef f : s.files()) {
          var p = files.path(f.key());
          if (p.isEmpty() || !Files.isRegularFile(p.get())) continue;
          String name = "files/" + s.toolId() + "/" + (++n) + "-" + safe(f.name());
          z.putNextEntry(new ZipEntry(name));
          Files.copy(p.get(), z);
          z.closeEntry();
          fileNames.add(name);
          fl.add(new JsonObject().put("kind", f.kind()).put("name", f.name()).put("path", name));
        }
        t.put("files", fl);
        tools.add(t);
      }
      json.put("tools", tools);
      z.putNextEntry(new ZipEntry("data.json"));
      z.write(json.encodePrettily().getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("index.html"));
      z.write(html(personName, at, sections, json).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return sections;
  }

  private static JsonObject jsonRecord(Map<String, ?> r) {
    JsonObject o = new JsonObject();
    r.forEach((k, v) -> o.put(k, v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : v.toString()));
    return o;
  }

  private static String safe(String name) {
    String s = name == null ? "file" : name.replaceAll("[^A-Za-z0-9._ -]", "_");
    return s.isBlank() ? "file" : s.length() > 100 ? s.substring(0, 100) : s;
  }

  /** A plain page: one heading per tool, one table per kind of record, links to the files. */
  private static String html(String person, Instant at, List<Section> sections, JsonObject json) {
    StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data held about ")
        .append(esc(person)).append("</title></head><body>\n<h1>Data held about ").append(esc(person)).append("</h1>\n<p>Made on ")
        .append(esc(at.toString())).append(". The same data, for computers, is in <a href=\"data.json\">data.json</a>.</p>\n");
    JsonArray tools = json.getJsonArray("tools");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      h.append("<section><h2>").append(esc(s.title())).append("</h2>\n");
      if (s.failure() != null) h.append("<p><strong>This part could not be read (").append(esc(s.failure())).append("); ask the school to try again.</strong></p>\n");
      if (s.records().isEmpty() && s.files().isEmpty() && s.failure() == null) h.append("<p>Nothing is kept here about this person.</p>\n");
      for (var e : s.records().entrySet()) {
        h.append("<table><caption>").append(esc(e.getKey())).append(" (").append(e.getValue().size()).append(")</caption>\n<thead><tr>");
        List<String> cols = new ArrayList<>();
        e.getValue().forEach(r -> r.keySet().forEach(k -> { if (!cols.contains(k)) cols.add(k); }));
        cols.forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (Map<String, ?> r : e.getValue()) {
          h.append("<tr>");
          cols.forEach(c -> h.append("<td>").append(esc(r.get(c) == null ? "" : String.valueOf(r.get(c)))).append("</td>"));
          h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
      }
      JsonArray fl = tools.getJsonObject(i).getJsonArray("files");
      if (!fl.isEmpty()) {
        h.append("<h3>Files</h3><ul>\n");
        for (int j = 0; j < fl.size(); j++) {
          JsonObject f = fl.getJsonObject(j);
          h.append("<li><a href=\"").append(esc(f.getString("path"))).append("\">").append(esc(f.getString("name"))).append("</a> (")
              .append(esc(f.getString("kind"))).append(")</li>\n");
        }
        h.append("</ul>\n");
      }
      h.append("</section>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
