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
import org.courtyard.api.service.FileStore;
import org.courtyard.api.web.ContentTypes;

/**
 * A still picture for a video, taken by {@code ffmpeg} where the machine has it (the
 * {@code courtyard.signs.ffmpeg} system property, else {@code ffmpeg} on the PATH). It runs as a
 * process with a time limit and its arguments as a list (no shell); without ffmpeg, or if it fails,
 * there is no poster and the pages use the placeholder picture.
 */
final class Posters {
  static final String PROPERTY = "courtyard.signs.ffmpeg";
  private static final Logger LOG = Logger.getLogger(Posters.class.getName());
  private static final long TIMEOUT_SECONDS = 20;
  private final FileStore files;

  @Inject
  Posters(FileStore files) { this.files = files; }

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
        if (run(ffmpeg.get(), at, video, out) && Files.isRegularFile(out) && Files.size(out) > 0
            && "image/jpeg".equals(ContentTypes.sniff(out))) {
          return Optional.of(files.putFile(out));
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
