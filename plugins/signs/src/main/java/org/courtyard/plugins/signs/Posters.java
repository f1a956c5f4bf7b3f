package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Upload;

/**
 * A still picture for a video, taken by {@code ffmpeg} where the machine has it (the
 * {@code courtyard.signs.ffmpeg} system property, else {@code ffmpeg} on the PATH). It runs as a
 * process with a time limit and its arguments as a list (no shell); without ffmpeg, or if it fails,
 * there is no poster and the pages use the placeholder picture. The picture it makes goes through the
 * uploads service like any other picture, so only a real JPEG is kept.
 */
final class Posters {
  static final String PROPERTY = "courtyard.signs.ffmpeg";
  private static final Logger LOG = Logger.getLogger(Posters.class.getName());
  private static final long TIMEOUT_SECONDS = 20;
  private static final long MAX_POSTER_BYTES = 5L * 1024 * 1024;
  private final ToolServices core;

  @Inject
  Posters(ToolServices core) { this.core = core; }

  /** The ffmpeg to run, if there is one. */
  static Optional<Path> ffmpeg() {
    String named = System.getProperty(PROPERTY);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named.trim());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      Path p = Path.of(dir, "ffmpeg");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Takes a frame 1 s in (or the first frame of a shorter clip); returns the poster's file key. */
  Optional<String> make(Path video) {
    Optional<Path> ffmpeg = ffmpeg();
    if (ffmpeg.isEmpty()) return Optional.empty();
    Path out = null;
    try {
      out = Files.createTempFile("signs-poster", ".jpg");
      for (String at : List.of("1", "0")) {
        Files.deleteIfExists(out);
        if (run(ffmpeg.get(), at, video, out) && Files.isRegularFile(out)) {
          try {
            Uploads.Stored s = core.uploads().accept(new Upload("poster", "poster.jpg", "image/jpeg", Files.size(out), out), "poster", MAX_POSTER_BYTES,
                Uploads.Kind.IMAGE);
            if ("image/jpeg".equals(s.contentType())) return Optional.of(s.key());
            core.files().delete(s.key());
          } catch (InputProblem notAPicture) {
            // empty or not a picture: try the next frame, or go without
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "No poster for " + video.getFileName() + ": " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a stray temporary picture is harmless
        }
      }
    }
  }

  private static boolean run(Path ffmpeg, String at, Path video, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ffmpeg.toString(), "-nostdin", "-loglevel", "error", "-y", "-ss", at, "-i", video.toString(),
        "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-f", "image2", "-c:v", "mjpeg", out.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      LOG.warning("ffmpeg took longer than " + TIMEOUT_SECONDS + " s on " + video.getFileName() + "; no poster");
      return false;
    }
    return p.exitValue() == 0;
  }
}
