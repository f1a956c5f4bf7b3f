package org.courtyard.api.roster;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks in quotes), UTF-8 only with an optional
 * byte-order mark; a file in another encoding is refused with a message rather than read as mojibake.
 */
public final class CsvReader {
  /** One data row: its line number in the file and its fields by lower-cased header name. */
  public record Row(int line, Map<String, String> fields) {
    public String get(String header) {
      String v = fields.get(header.toLowerCase(Locale.ROOT));
      return v == null ? "" : v.trim();
    }
  }

  public record Table(List<String> headers, List<Row> rows) {
    public boolean has(String header) { return headers.contains(header.toLowerCase(Locale.ROOT)); }
  }

  private CsvReader() {}

  /** Reads with problems in English. */
  public static Table read(Path file, String name) throws RosterException { return read(file, name, ApiWords.ENGLISH); }

  /** Reads with problems in the words of {@code texts} (the reader's language). @since 2.1.0 */
  public static Table read(Path file, String name, Texts texts) throws RosterException {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RosterException(texts.text(Message.of("roster.csv.notUtf8"), "file", name));
    } catch (IOException e) {
      throw new RosterException(texts.text(Message.of("roster.csv.unreadable"), "file", name, "problem", String.valueOf(e.getMessage())));
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return parse(new java.io.StringReader(text), name, texts);
  }

  static Table parse(Reader in, String name) throws RosterException { return parse(in, name, ApiWords.ENGLISH); }

  static Table parse(Reader in, String name, Texts texts) throws RosterException {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    try {
      int c;
      while ((c = in.read()) != -1) {
        char ch = (char) c;
        if (quoted) {
          if (ch == '"') {
            in.mark(1);
            int next = in.read();
            if (next == '"') field.append('"');
            else {
              quoted = false;
              if (next != -1) {
                char n = (char) next;
                if (n == ',') { record.add(field.toString()); field.setLength(0); fieldStarted = false; }
                else if (n == '\n' || n == '\r') {
                  if (n == '\r') { in.mark(1); if (in.read() != '\n') in.reset(); }
                  record.add(field.toString()); field.setLength(0); fieldStarted = false;
                  records.add(record); lines.add(recordLine); record = new ArrayList<>(); line++; recordLine = line;
                } else throw new RosterException(texts.text(Message.of("roster.csv.afterQuote"), "file", name, "line", String.valueOf(line)));
              }
            }
          } else {
            if (ch == '\n') line++;
            field.append(ch);
          }
        } else if (ch == '"' && !fieldStarted) {
          quoted = true;
          fieldStarted = true;
        } else if (ch == ',') {
          record.add(field.toString());
          field.setLength(0);
          fieldStarted = false;
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') { in.mark(1); if (in.read() != '\n') in.reset(); }
          record.add(field.toString());
          field.setLength(0);
          fieldStarted = false;
          records.add(record);
          lines.add(recordLine);
          record = new ArrayList<>();
          line++;
          recordLine = line;
        } else {
          field.append(ch);
          fieldStarted = true;
        }
      }
    } catch (IOException e) {
      throw new RosterException(texts.text(Message.of("roster.csv.unreadable"), "file", name, "problem", String.valueOf(e.getMessage())));
    }
    if (quoted) throw new RosterException(texts.text(Message.of("roster.csv.unclosed"), "file", name, "line", String.valueOf(recordLine)));
    if (fieldStarted || !record.isEmpty() || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
      lines.add(recordLine);
    }
    // Drop blank lines.
    List<List<String>> kept = new ArrayList<>();
    List<Integer> keptLines = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) continue;
      kept.add(r);
      keptLines.add(lines.get(i));
    }
    if (kept.isEmpty()) throw new RosterException(texts.text(Message.of("roster.csv.empty"), "file", name));
    List<String> headers = new ArrayList<>();
    for (String h : kept.get(0)) headers.add(h.trim().toLowerCase(Locale.ROOT));
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < kept.size(); i++) {
      List<String> r = kept.get(i);
      if (r.size() > headers.size()) throw new RosterException(texts.text(Message.of("roster.csv.tooManyFields"), "file", name, "line", String.valueOf(keptLines.get(i)), "count", r.size(), "headers", headers.size()));
      Map<String, String> m = new HashMap<>();
      for (int j = 0; j < headers.size(); j++) m.put(headers.get(j), j < r.size() ? r.get(j) : "");
      rows.add(new Row(keptLines.get(i), m));
    }
    return new Table(headers, rows);
  }
}
