package org.courtyard.testkit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server log of one installation: every log record of the JVM while it runs, written to
 * {@code <home>/logs/server.log} (one line a record, then its stack trace). The extension prints the
 * part that matters when a test fails; {@link CourtyardExtension#logFor(String)} finds the record
 * behind an error reference. Two installations running at once in one JVM both see all records.
 */
final class ServerLog {
  /** How a record starts in the file: "12:34:56.789 SEVERE logger: message". */
  static final Pattern RECORD_START = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d [A-Z]+ ");
  private static final Pattern REFERENCE = Pattern.compile("(?:reference|ref)\\s+([0-9a-f]{8})\\b");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  static {
    // Outside this repository nobody hands the JVM a logging configuration: use the testkit's, which keeps
    // the console to warnings (everything still reaches the file).
    if (System.getProperty("java.util.logging.config.file") == null && System.getProperty("java.util.logging.config.class") == null) {
      try (InputStream in = ServerLog.class.getResourceAsStream("logging.properties")) {
        if (in != null) LogManager.getLogManager().readConfiguration(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Path file;
  private final Handler handler;
  private BufferedWriter out;

  ServerLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    handler = new Handler() {
      @Override public void publish(LogRecord r) { write(r); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    handler.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(handler);
  }

  Path file() { return file; }

  private synchronized void write(LogRecord r) {
    if (out == null) return;
    StringBuilder line = new StringBuilder();
    line.append(TIME.format(r.getInstant())).append(' ').append(r.getLevel().getName()).append(' ')
        .append(r.getLoggerName()).append(": ").append(message(r)).append('\n');
    if (r.getThrown() != null) {
      StringWriter trace = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    try {
      out.write(line.toString());
      out.flush();
    } catch (IOException e) {
      // the test goes on without its log
    }
  }

  private static String message(LogRecord r) {
    try {
      return new java.util.logging.SimpleFormatter().formatMessage(r);
    } catch (RuntimeException e) {
      return String.valueOf(r.getMessage());
    }
  }

  /** Stops writing (the file stays, in the home). */
  synchronized void close() {
    Logger.getLogger("").removeHandler(handler);
    try {
      if (out != null) out.close();
    } catch (IOException e) {
      // nothing to do
    }
    out = null;
  }

  /** Every line of the file so far. */
  List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines the file has now (to print only what a test logged). */
  int mark() { return lines().size(); }

  /**
   * The records that mention the reference (e.g. "5134fcba", or "reference 5134fcba" as an error page
   * words it), each with its stack trace; empty when there are none.
   */
  List<String> about(String reference) {
    String ref = reference.trim();
    Matcher m = REFERENCE.matcher(ref);
    if (m.find()) ref = m.group(1);
    List<String> lines = lines();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!RECORD_START.matcher(lines.get(i)).find() || !lines.get(i).contains(ref)) continue;
      found.add(lines.get(i));
      for (int j = i + 1; j < lines.size() && !RECORD_START.matcher(lines.get(j)).find(); j++) found.add(lines.get(j));
    }
    return found;
  }

  /** The error references ("reference 5134fcba") in a text, such as a failed assertion's message holding a 500 page. */
  static List<String> references(String text) {
    List<String> refs = new ArrayList<>();
    if (text == null) return refs;
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) if (!refs.contains(m.group(1))) refs.add(m.group(1));
    return refs;
  }

  /**
   * What to show for a failed test: the records behind any error reference in the failure, then the
   * last {@code max} lines logged since {@code from}.
   */
  String report(Throwable failure, int from, int max) {
    StringBuilder s = new StringBuilder();
    List<String> refs = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) refs.addAll(references(t.getMessage()));
    for (String ref : refs) {
      List<String> about = about(ref);
      if (!about.isEmpty()) s.append("-- The server's log about reference ").append(ref).append(":\n").append(String.join("\n", about)).append('\n');
    }
    List<String> lines = lines();
    List<String> since = lines.subList(Math.min(from, lines.size()), lines.size());
    if (since.size() > max) {
      s.append("-- The last ").append(max).append(" of ").append(since.size()).append(" lines the server logged during the test (all in ").append(file).append("):\n");
      since = since.subList(since.size() - max, since.size());
    } else {
      s.append("-- What the server logged during the test (").append(file).append("):\n");
    }
    if (since.isEmpty()) s.append("(nothing)\n");
    for (String l : since) s.append(l).append('\n');
    return s.toString();
  }
}
