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
import org.courtyard.api.i18n.Message;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.service.FileStore;
import org.courtyard.core.i18n.Language;
import org.courtyard.core.i18n.LanguageChoice;
import org.courtyard.core.i18n.MessageBundle;
import org.courtyard.core.i18n.Messages;

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
  private final Messages messages;
  private final LanguageChoice languages;

  @Inject
  public SubjectAccess(PersonalDataRegistry registry, FileStore files, Messages messages, LanguageChoice languages) {
    this.registry = registry;
    this.files = files;
    this.messages = messages;
    this.languages = languages;
  }

  /** What one tool gave. */
  public record Section(String toolId, String title, Map<String, List<Map<String, ?>>> records, List<FileRef> files, String failure) {}

  public record FileRef(String kind, String name, String key) {}

  /** Collects every tool's records about the person, in memory (a person's records, not their files, are small). */
  public List<Section> collect(long userId) { return collect(userId, languages.of(userId).code()); }

  /** As above, kinds and field names in {@code language} (the person's own: the download is theirs to read). */
  private List<Section> collect(long userId, String language) {
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

          @Override public String text(Message message, Object... namesAndValues) {
            return messages.format(e.bundle(), language, message.key(), namesAndValues);
          }
        });
      } catch (Exception | LinkageError ex) {
        LOG.log(Level.WARNING, "Subject access: " + e.toolId() + " failed for user " + userId, ex);
        failure = ex.getClass().getSimpleName();
      }
      out.add(new Section(e.toolId(), title(e, language), records, refs, failure));
    }
    return out;
  }

  /** A tool's name in the language: its {@code <tool>.tool.title} message, else the title it declared. */
  private String title(PersonalDataRegistry.Entry e, String language) {
    String key = "core".equals(e.toolId()) ? "privacy.export.coreTitle" : e.toolId() + ".tool.title";
    MessageBundle b = "core".equals(e.toolId()) ? messages.core() : e.bundle();
    String words = b == null ? null : b.pattern(language, key);
    if (words == null && b != null) words = b.pattern("en", key);
    return words != null ? Messages.plain(words) : e.title();
  }

  /** Writes the download for the person to {@code zip}; returns the sections written. */
  public List<Section> write(long userId, String personName, Instant at, OutputStream zip) throws IOException {
    String language = languages.of(userId).code();
    List<Section> sections = collect(userId, language);
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
      z.write(html(language, personName, at, sections, json).getBytes(StandardCharsets.UTF_8));
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

  /** A plain page in the person's language: one heading per tool, one table per kind of record, links to the files. */
  private String html(String language, String person, Instant at, List<Section> sections, JsonObject json) {
    Language lang = Language.byCode(language).orElse(Language.ENGLISH);
    StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"").append(lang.code()).append("\" dir=\"").append(lang.direction())
        .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(t(language, "privacy.export.title", "person", person)))
        .append("</title></head><body>\n<h1>").append(esc(t(language, "privacy.export.title", "person", person))).append("</h1>\n<p>")
        .append(esc(t(language, "privacy.export.made", "at", at.toString()))).append(' ')
        .append(t(language, "privacy.export.json", "link", "<a href=\"data.json\">data.json</a>")).append("</p>\n");
    JsonArray tools = json.getJsonArray("tools");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      h.append("<section><h2>").append(esc(s.title())).append("</h2>\n");
      if (s.failure() != null) h.append("<p><strong>").append(esc(t(language, "privacy.export.failed", "problem", s.failure()))).append("</strong></p>\n");
      if (s.records().isEmpty() && s.files().isEmpty() && s.failure() == null) h.append("<p>").append(esc(t(language, "privacy.export.nothing"))).append("</p>\n");
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
        h.append("<h3>").append(esc(t(language, "privacy.export.files"))).append("</h3><ul>\n");
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

  private String t(String language, String key, Object... args) { return messages.format(null, language, key, args); }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
