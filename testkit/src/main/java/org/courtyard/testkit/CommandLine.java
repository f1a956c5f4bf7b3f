package org.courtyard.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/courtyard}'s main class in a separate JVM on a home folder, as an ICT leader would
 * run the command: real files, real exit code, everything it prints.
 */
public final class CommandLine {
  private final Path home;

  public CommandLine(Path home) { this.home = home; }

  public record Result(int exit, String output) {
    @Override public String toString() { return "exit " + exit + "\n" + output; }
  }

  public Result run(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dcourtyard.home=" + home, "-Dcourtyard.security.bcrypt-cost=4", "-cp", System.getProperty("java.class.path"),
        "org.courtyard.core.cli.Main"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("courtyard " + String.join(" ", args) + " did not finish in 120 s:\n" + out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
