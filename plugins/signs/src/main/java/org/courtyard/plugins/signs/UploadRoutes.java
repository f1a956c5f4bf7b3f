package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.service.FileStore;
import org.courtyard.api.web.ContentTypes;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.Page;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/**
 * Adding a sign. The form works without JavaScript as one multipart POST (small files); with it,
 * {@code static/upload.js} sends the video in chunks so a slow connection can pause and go on:
 * <ol>
 *   <li>{@code POST uploads} with the form fields plus {@code name} and {@code size} (bytes) starts a
 *       session — refused with 413 if the size is over the school's limit — and answers
 *       {@code {"token","received":0,"size"}};</li>
 *   <li>{@code POST uploads/:token/chunk?offset=N} with one multipart file field {@code chunk}: N must be
 *       the number of bytes the server already has (else 409); answers {@code {"received","size"}};</li>
 *   <li>{@code GET uploads/:token} answers how many bytes the server has, to resume from there;</li>
 *   <li>{@code POST uploads/:token/complete} joins the chunks, checks the bytes are a video (415 if not,
 *       and nothing is kept) and answers {@code {"location"}} of the new sign.</li>
 * </ol>
 * Every request carries the CSRF token (the script sends it as the {@code X-CSRF-Token} header) and
 * only the person who started an upload can continue it. Chunks go to disk as they arrive.
 */
final class UploadRoutes implements Routes {
  private final Gallery gallery;
  private final UploadStore uploads;
  private final FileStore files;

  @Inject
  UploadRoutes(Gallery gallery, UploadStore uploads, FileStore files) {
    this.gallery = gallery;
    this.uploads = uploads;
    this.files = files;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/new", "upload", this::form);
    r.post("/new", "upload", this::single);
    r.post("/uploads", "upload", this::start);
    r.get("/uploads/:token", "upload", this::status);
    r.post("/uploads/:token/chunk", "upload", this::chunk);
    r.post("/uploads/:token/complete", "upload", this::complete);
    r.post("/uploads/:token/cancel", "upload", this::cancel);
  }

  private Page formPage(ToolRequest req, String error, int status) {
    Map<String, Object> m = new HashMap<>();
    m.put("categories", gallery.categoryChoices(req));
    m.put("maxMb", Gallery.maxBytes(req) / (1024 * 1024));
    m.put("maxBytes", Gallery.maxBytes(req));
    m.put("teacher", req.can("approve"));
    m.put("error", error);
    Map<String, String> values = new HashMap<>();
    for (String f : List.of("word", "gloss", "notes", "category", "tags", "signer")) values.put(f, req.form(f));
    m.put("values", values);
    return Page.of("signs/upload", m).title("Add a sign · " + req.space().name()).status(status);
  }

  private Reply form(ToolRequest req) {
    gallery.requireUpload(req);
    return formPage(req, null, 200);
  }

  /** The no-JavaScript way: the whole video in one request. */
  private Reply single(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    SignStore.Details d;
    try {
      d = gallery.details(req);
    } catch (Gallery.Invalid e) {
      return formPage(req, e.getMessage() + " Nothing was saved.", 422);
    }
    Optional<Upload> video = req.uploads().stream().filter(u -> u.field().equals("video")).findFirst();
    if (video.isEmpty()) return formPage(req, "Choose the video file to upload.", 422);
    Upload u = video.get();
    if (u.size() > Gallery.maxBytes(req)) return formPage(req, Gallery.tooBig(req, u.size()), 413);
    String type = ContentTypes.sniffVideo(u.file());
    if (type == null) return formPage(req, Gallery.notAVideo(u.fileName()), 415);
    String key = files.putFile(u.file());
    long id = gallery.publish(req, d, key, type, u.size());
    return Reply.redirect("v/" + id).flash(req.can("approve") ? "Sign added." : "Thank you! Your sign is added and waits for your teacher to approve it.");
  }

  private Reply start(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    SignStore.Details d;
    try {
      d = gallery.details(req);
    } catch (Gallery.Invalid e) {
      throw new HttpProblem(422, e.getMessage() + " Nothing was uploaded.");
    }
    long size;
    try {
      size = Long.parseLong(req.form("size"));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("The upload did not say how big the video is.");
    }
    if (size <= 0) throw HttpProblem.badRequest("That file is empty. Nothing was uploaded.");
    if (size > Gallery.maxBytes(req)) throw HttpProblem.tooLarge(Gallery.tooBig(req, size));
    for (UploadStore.Session old : uploads.stale(req.space().id(), req.user().id())) gallery.deleteFiles(uploads.delete(old.id()));
    String name = req.form("name");
    if (name.length() > 200) name = name.substring(name.length() - 200);
    UploadStore.Session s = uploads.create(req.space().id(), req.user().id(), name, size, d);
    return json(Map.of("token", s.token(), "received", 0, "size", size));
  }

  private UploadStore.Session session(ToolRequest req) {
    return uploads.session(req.pathParam("token"), req.space().id(), req.user().id())
        .orElseThrow(() -> HttpProblem.notFound("There is no such upload (it may have been finished, cancelled or dropped after a week). Start again."));
  }

  private Reply status(ToolRequest req) {
    UploadStore.Session s = session(req);
    return json(Map.of("received", Math.max(0, s.received()), "size", s.totalSize(), "complete", s.received() == s.totalSize()));
  }

  private Reply chunk(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    UploadStore.Session s = session(req);
    long offset;
    try {
      offset = Long.parseLong(req.query("offset").orElse(""));
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest("A chunk needs ?offset= (where in the file it starts).");
    }
    List<Upload> parts = req.uploads().stream().filter(u -> u.field().equals("chunk")).toList();
    if (parts.size() != 1 || parts.get(0).size() == 0) throw HttpProblem.badRequest("Send one non-empty chunk of the file, as the field “chunk”.");
    Upload part = parts.get(0);
    if (offset != s.received()) {
      throw HttpProblem.conflict("The server has " + Math.max(0, s.received()) + " bytes of this video, so the next chunk starts there.");
    }
    if (offset + part.size() > s.totalSize()) throw HttpProblem.badRequest("That is more of the file than the upload said it would send.");
    // The first bytes tell a video from a renamed file, so a wrong file is refused before the rest is sent.
    if (offset == 0 && (part.size() >= 64 || part.size() == s.totalSize()) && ContentTypes.sniffVideo(part.file()) == null) {
      gallery.deleteFiles(uploads.delete(s.id()));
      throw new HttpProblem(415, Gallery.notAVideo(s.fileName()));
    }
    String key = files.putFile(part.file());
    if (!uploads.append(s.id(), offset, part.size(), key)) {
      gallery.deleteFiles(List.of(key));
      throw HttpProblem.conflict("Another upload of this video sent that part first; go on from where the server is.");
    }
    return json(Map.of("received", offset + part.size(), "size", s.totalSize()));
  }

  private Reply complete(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    UploadStore.Session s = session(req);
    if (s.received() != s.totalSize() || !uploads.claim(s)) {
      throw HttpProblem.conflict("Only " + Math.max(0, s.received()) + " of " + s.totalSize() + " bytes have arrived; send the rest first.");
    }
    List<UploadStore.Chunk> chunks = uploads.chunks(s.id());
    long expected = 0;
    for (UploadStore.Chunk c : chunks) {
      if (c.start() != expected) throw new IllegalStateException("Upload " + s.id() + " has a gap at byte " + expected);
      expected += c.length();
    }
    String key;
    try (InputStream in = new SequenceInputStream(streams(chunks))) {
      key = files.put(in);
    } catch (IOException | UncheckedIOException e) {
      uploads.unclaim(s);
      throw e;
    }
    Path joined = files.path(key).orElseThrow(() -> new IOException("The joined video vanished"));
    String type = ContentTypes.sniffVideo(joined);
    if (type == null || Files.size(joined) != s.totalSize()) {
      gallery.deleteFiles(List.of(key));
      gallery.deleteFiles(uploads.delete(s.id()));
      throw new HttpProblem(415, Gallery.notAVideo(s.fileName()));
    }
    long id = gallery.publish(req, s.details(), key, type, s.totalSize());
    gallery.deleteFiles(uploads.delete(s.id()));
    return json(Map.of("location", req.toolUrl() + "/v/" + id, "pending", !req.can("approve")));
  }

  private Reply cancel(ToolRequest req) {
    UploadStore.Session s = session(req);
    gallery.deleteFiles(uploads.delete(s.id()));
    return json(Map.of("cancelled", true));
  }

  /** The chunk files one after another, each opened only when the previous one is read to the end. */
  private Enumeration<InputStream> streams(List<UploadStore.Chunk> chunks) {
    Iterator<UploadStore.Chunk> it = chunks.iterator();
    return new Enumeration<>() {
      @Override public boolean hasMoreElements() { return it.hasNext(); }

      @Override public InputStream nextElement() {
        UploadStore.Chunk c = it.next();
        Path p = files.path(c.fileKey()).orElseThrow(() -> new UncheckedIOException(new IOException("A chunk of the upload is missing")));
        try {
          return new BufferedInputStream(Files.newInputStream(p), 64 * 1024);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static Reply json(Map<String, ?> values) { return Reply.text(Gallery.json(values), "application/json"); }
}
