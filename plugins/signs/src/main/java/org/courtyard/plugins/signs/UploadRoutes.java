package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
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
 *       session — refused (422) if the size is over the school's limit — and answers
 *       {@code {"token","received":0,"size"}};</li>
 *   <li>{@code POST uploads/:token/chunk?offset=N} with one multipart file field {@code chunk}: N must be
 *       the number of bytes the server already has (else 409); answers {@code {"received","size"}};</li>
 *   <li>{@code GET uploads/:token} answers how many bytes the server has, to resume from there;</li>
 *   <li>{@code POST uploads/:token/complete} joins the chunks, has the uploads service check the bytes are a
 *       video (422 if not, and nothing is kept) and answers {@code {"location"}} of the new sign.</li>
 * </ol>
 * Every request carries the CSRF token (the script sends it as the {@code X-CSRF-Token} header) and
 * only the person who started an upload can continue it. Chunks go to disk as they arrive; the first
 * one is checked by the uploads service as soon as it is long enough to tell, so a renamed file is
 * refused before the rest is sent. Refusals are {@link InputProblem}s: the page's 422, whose message
 * the script shows.
 */
final class UploadRoutes implements Routes {
  /** Fewer first bytes than this cannot tell a video from another file. */
  private static final int ENOUGH_TO_TELL = 64;
  static final Message TITLE = Message.of("signs.upload.pageTitle");
  static final Message CHOOSE_VIDEO = Message.of("signs.problem.chooseVideo");
  static final Message ADDED = Message.of("signs.flash.added");
  static final Message ADDED_PENDING = Message.of("signs.flash.addedPending");
  static final Message SIZE_FIELD = Message.of("signs.upload.sizeField");
  static final Message NO_UPLOAD = Message.of("signs.problem.noUpload");
  static final Message NEED_OFFSET = Message.of("signs.problem.needOffset");
  static final Message ONE_CHUNK = Message.of("signs.problem.oneChunk");
  static final Message SERVER_HAS = Message.of("signs.problem.serverHas");
  static final Message TOO_MUCH = Message.of("signs.problem.tooMuch");
  static final Message SENT_FIRST = Message.of("signs.problem.sentFirst");
  static final Message NOT_ALL_ARRIVED = Message.of("signs.problem.notAllArrived");
  private final Gallery gallery;
  private final UploadStore uploads;
  private final ToolServices core;

  @Inject
  UploadRoutes(Gallery gallery, UploadStore uploads, ToolServices core) {
    this.gallery = gallery;
    this.uploads = uploads;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/new", SignsTool.UPLOAD, this::form);
    r.post("/new", SignsTool.UPLOAD, this::single, this::form);
    r.post("/uploads", SignsTool.UPLOAD, this::start);
    r.get("/uploads/:token", SignsTool.UPLOAD, this::status);
    r.post("/uploads/:token/chunk", SignsTool.UPLOAD, this::chunk);
    r.post("/uploads/:token/complete", SignsTool.UPLOAD, this::complete);
    r.post("/uploads/:token/cancel", SignsTool.UPLOAD, this::cancel);
  }

  /** The form; shown again with the problems and what was typed when the no-JavaScript post is refused. */
  private Reply form(ToolRequest req) {
    gallery.requireUpload(req);
    Map<String, Object> m = new HashMap<>();
    m.put("categories", gallery.categoryChoices(req));
    m.put("maxMb", Gallery.maxBytes(req) / (1024 * 1024));
    m.put("maxBytes", Gallery.maxBytes(req));
    m.put("teacher", req.can(SignsTool.APPROVE));
    Map<String, String> values = new HashMap<>();
    for (String f : List.of("word", "gloss", "notes", "category", "tags", "signer", "lang")) values.put(f, req.form(f));
    m.put("values", values);
    return Page.of("signs/upload", m).title(req.text(TITLE, "space", req.space().name()));
  }

  /** The no-JavaScript way: the whole video in one request. */
  private Reply single(ToolRequest req) {
    gallery.requireUpload(req);
    SignStore.Details d = gallery.details(req);
    Upload u = req.uploads().stream().filter(x -> x.field().equals("video") && x.size() > 0).findFirst()
        .orElseThrow(() -> InputProblem.of("video", req.text(CHOOSE_VIDEO)));
    Uploads.Stored video = core.uploads().accept(u, "video", Gallery.maxBytes(req), Uploads.Kind.VIDEO);
    long id = gallery.publish(req, d, video.key(), video.contentType(), video.size());
    return Reply.redirect("v/" + id).flash(req.text(req.can(SignsTool.APPROVE) ? ADDED : ADDED_PENDING));
  }

  private Reply start(ToolRequest req) {
    gallery.requireUpload(req);
    SignStore.Details d = gallery.details(req);
    long size = req.formNumber("size", req.text(SIZE_FIELD), 1, Long.MAX_VALUE);
    if (size > Gallery.maxBytes(req)) throw InputProblem.of("video", Gallery.tooBig(req, size));
    for (UploadStore.Session old : uploads.surplus(req.space().id(), req.user().id())) gallery.deleteFiles(uploads.delete(old.id()));
    String name = req.form("name");
    if (name.length() > 200) name = name.substring(name.length() - 200);
    UploadStore.Session s = uploads.create(req.space().id(), req.user().id(), name, size, d);
    return Reply.json(Map.of("token", s.token(), "received", 0, "size", size));
  }

  private UploadStore.Session session(ToolRequest req) {
    return uploads.session(req.pathParam("token"), req.space().id(), req.user().id())
        .orElseThrow(() -> HttpProblem.notFound(req.text(NO_UPLOAD)));
  }

  private Reply status(ToolRequest req) {
    UploadStore.Session s = session(req);
    return Reply.json(Map.of("received", Math.max(0, s.received()), "size", s.totalSize(), "complete", s.received() == s.totalSize()));
  }

  private Reply chunk(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    UploadStore.Session s = session(req);
    long offset = req.query("offset").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
        .orElseThrow(() -> InputProblem.of("offset", req.text(NEED_OFFSET)));
    List<Upload> parts = req.uploads().stream().filter(u -> u.field().equals("chunk")).toList();
    if (parts.size() != 1 || parts.get(0).size() == 0) throw InputProblem.of("chunk", req.text(ONE_CHUNK));
    Upload part = parts.get(0);
    if (offset != s.received()) {
      throw HttpProblem.conflict(req.text(SERVER_HAS, "bytes", Math.max(0, s.received())));
    }
    if (offset + part.size() > s.totalSize()) throw InputProblem.of("chunk", req.text(TOO_MUCH));
    String key;
    if (offset == 0 && (part.size() >= ENOUGH_TO_TELL || part.size() == s.totalSize())) {
      // The first bytes tell a video from a renamed file: the uploads service checks them (under the
      // upload's own name) and keeps the chunk, so a wrong file is refused before the rest is sent.
      try {
        key = core.uploads().accept(new Upload("video", s.fileName(), null, part.size(), part.file()), "video", Gallery.maxBytes(req),
            Uploads.Kind.VIDEO).key();
      } catch (InputProblem refused) {
        gallery.deleteFiles(uploads.delete(s.id()));
        throw refused;
      }
    } else {
      // A later piece of a file already checked at its start (and checked whole on completion).
      key = core.files().putFile(part.file());
    }
    if (!uploads.append(s.id(), offset, part.size(), key)) {
      gallery.deleteFiles(List.of(key));
      throw HttpProblem.conflict(req.text(SENT_FIRST));
    }
    return Reply.json(Map.of("received", offset + part.size(), "size", s.totalSize()));
  }

  private Reply complete(ToolRequest req) throws IOException {
    gallery.requireUpload(req);
    UploadStore.Session s = session(req);
    if (s.received() != s.totalSize() || !uploads.claim(s)) {
      throw HttpProblem.conflict(req.text(NOT_ALL_ARRIVED, "received", Math.max(0, s.received()), "size", s.totalSize()));
    }
    List<UploadStore.Chunk> chunks = uploads.chunks(s.id());
    Path joined = Files.createTempFile("signs-upload", ".part");
    Uploads.Stored video;
    try {
      try {
        join(s, chunks, joined);
      } catch (IOException | RuntimeException e) {
        uploads.unclaim(s);
        throw e;
      }
      // The joined video goes through the uploads service as if it had come in one piece.
      try {
        video = core.uploads().accept(new Upload("video", s.fileName(), null, Files.size(joined), joined), "video", Gallery.maxBytes(req),
            Uploads.Kind.VIDEO);
      } catch (InputProblem refused) {
        gallery.deleteFiles(uploads.delete(s.id()));
        throw refused;
      }
    } finally {
      Files.deleteIfExists(joined);
    }
    long id = gallery.publish(req, s.details(), video.key(), video.contentType(), video.size());
    gallery.deleteFiles(uploads.delete(s.id()));
    return Reply.json(Map.of("location", req.toolUrl() + "/v/" + id, "pending", !req.can(SignsTool.APPROVE)));
  }

  /** The chunk files one after another into {@code to}; a gap or a missing chunk is a fault, not the person's. */
  private void join(UploadStore.Session s, List<UploadStore.Chunk> chunks, Path to) throws IOException {
    long expected = 0;
    try (OutputStream out = Files.newOutputStream(to)) {
      for (UploadStore.Chunk c : chunks) {
        if (c.start() != expected) throw new IllegalStateException("Upload " + s.id() + " has a gap at byte " + expected);
        Path p = core.files().path(c.fileKey()).orElseThrow(() -> new IOException("A chunk of upload " + s.id() + " is missing"));
        try (InputStream in = Files.newInputStream(p)) {
          in.transferTo(out);
        }
        expected += c.length();
      }
    }
    if (expected != s.totalSize()) throw new IllegalStateException("Upload " + s.id() + " has " + expected + " of " + s.totalSize() + " bytes");
  }

  private Reply cancel(ToolRequest req) {
    UploadStore.Session s = session(req);
    gallery.deleteFiles(uploads.delete(s.id()));
    return Reply.json(Map.of("cancelled", true));
  }
}
