package org.courtyard.core.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) calendar for a phone to subscribe to: CRLF line ends, lines folded at
 * 75 octets without splitting a character, TEXT values escaped, times in UTC (so no VTIMEZONE is
 * needed and every device shows them in its own zone) and all-day items as dates with an exclusive end.
 */
public final class ICalendar {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private final StringBuilder out = new StringBuilder();
  private final Instant stamp;

  public ICalendar(String name, String zoneId, Instant stamp) {
    this.stamp = stamp;
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Courtyard//Calendar//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + text(name));
    line("X-WR-TIMEZONE:" + zoneId);
  }

  /** An event at a moment or from {@code start} to {@code end} (null: a moment, such as a deadline). */
  public ICalendar event(String uid, String summary, Instant start, Instant end, String url, String category) {
    line("BEGIN:VEVENT");
    line("UID:" + text(uid));
    line("DTSTAMP:" + UTC.format(stamp));
    line("DTSTART:" + UTC.format(start));
    line("DTEND:" + UTC.format(end == null ? start : end));
    common(summary, url, category);
    return this;
  }

  /** An all-day event over whole days, {@code last} inclusive (the file's end is the day after). */
  public ICalendar allDay(String uid, String summary, LocalDate first, LocalDate last, String url, String category) {
    line("BEGIN:VEVENT");
    line("UID:" + text(uid));
    line("DTSTAMP:" + UTC.format(stamp));
    line("DTSTART;VALUE=DATE:" + DATE.format(first));
    line("DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
    line("TRANSP:TRANSPARENT");
    common(summary, url, category);
    return this;
  }

  private void common(String summary, String url, String category) {
    line("SUMMARY:" + text(summary));
    if (category != null) line("CATEGORIES:" + text(category));
    if (url != null) line("URL:" + url);
    line("END:VEVENT");
  }

  public String end() {
    line("END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
  static String text(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> { if (c >= 0x20 || c == '\t') b.append(c); }
      }
    }
    return b.toString();
  }

  /** One content line, folded so no physical line is longer than 75 octets (never inside a UTF-8 character). */
  private void line(String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
        limit = 75;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
