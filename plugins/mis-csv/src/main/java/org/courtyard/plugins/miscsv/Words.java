package org.courtyard.plugins.miscsv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterLimits;

/**
 * The importer's words for the ICT leader (messages/mis-csv*.properties), and the same words for the
 * problems the plugin API's {@link org.courtyard.api.roster.CsvReader} and {@link RosterLimits} describe
 * in English only.
 */
final class Words {
  static final Message TITLE = Message.of("mis-csv.title");
  static final Message NOT_UTF8 = Message.of("mis-csv.file.notUtf8");
  static final Message UNREADABLE = Message.of("mis-csv.file.unreadable");
  static final Message EMPTY = Message.of("mis-csv.file.empty");
  static final Message TEXT_AFTER_QUOTE = Message.of("mis-csv.file.textAfterQuote");
  static final Message QUOTE_NOT_CLOSED = Message.of("mis-csv.file.quoteNotClosed");
  static final Message TOO_MANY_FIELDS = Message.of("mis-csv.file.tooManyFields");
  static final Message NO_COLUMNS = Message.of("mis-csv.file.noColumns");
  static final Message TOO_MANY_LEARNERS = Message.of("mis-csv.file.tooManyLearners");
  static final Message WHERE_LINE = Message.of("mis-csv.row.line");
  static final Message NO_ID = Message.of("mis-csv.row.noId");
  static final Message NO_NAME = Message.of("mis-csv.row.noName");
  static final Message NO_YEAR = Message.of("mis-csv.row.noYear");
  static final Message TOO_LONG = Message.of("mis-csv.row.tooLong");
  static final Message BAD_PARENT_EMAIL = Message.of("mis-csv.row.badParentEmail");
  static final Message PARENT_TOO_LONG = Message.of("mis-csv.row.parentTooLong");

  private Words() {}

  /**
   * CsvReader's refusal in the reader's language. It writes English sentences of a known shape; each is
   * matched (with the file's name) and written again from messages. One it does not know stays as it is.
   */
  static RosterException csv(RosterException e, String file, Texts texts) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    String f = Pattern.quote(file);
    Matcher x;
    if (m.startsWith(file + " is not UTF-8 text.")) return new RosterException(texts.text(NOT_UTF8, "file", file), e);
    if (m.equals(file + " is empty.")) return new RosterException(texts.text(EMPTY, "file", file), e);
    if ((x = Pattern.compile(f + " could not be read: (.*)", Pattern.DOTALL).matcher(m)).matches()) {
      return new RosterException(texts.text(UNREADABLE, "file", file, "problem", x.group(1)), e);
    }
    if ((x = Pattern.compile(f + ", line (\\d+): text after a closing quote\\.").matcher(m)).matches()) {
      return new RosterException(texts.text(TEXT_AFTER_QUOTE, "file", file, "line", x.group(1)), e);
    }
    if ((x = Pattern.compile(f + ": a quoted field starting on line (\\d+) is never closed\\.").matcher(m)).matches()) {
      return new RosterException(texts.text(QUOTE_NOT_CLOSED, "file", file, "line", x.group(1)), e);
    }
    if ((x = Pattern.compile(f + ", line (\\d+): (\\d+) fields, but the header has (\\d+)\\.").matcher(m)).matches()) {
      return new RosterException(texts.text(TOO_MANY_FIELDS, "file", file, "line", x.group(1), "fields", x.group(2), "headers", x.group(3)), e);
    }
    return e;
  }

  /**
   * Which field of a person the core could not keep ({@code id}, {@code name}, {@code email}), with
   * the limit; null when it can keep them. The same checks as {@link RosterLimits#problem(Roster.Person)}.
   */
  static Object[] tooLong(Roster.Person p) {
    if (p.externalId() != null && p.externalId().length() > RosterLimits.MAX_ID) return new Object[] {"field", "id", "max", RosterLimits.MAX_ID};
    if (p.displayName().length() > RosterLimits.MAX_NAME) return new Object[] {"field", "name", "max", RosterLimits.MAX_NAME};
    if (p.email() != null && p.email().length() > RosterLimits.MAX_EMAIL) return new Object[] {"field", "email", "max", RosterLimits.MAX_EMAIL};
    return null;
  }

  /** As above for a year group ({@code yearId}, {@code yearName}) or class ({@code classId}, {@code className}). */
  static Object[] tooLong(Roster.Group g) {
    String kind = g.kind() == SpaceKind.YEAR_GROUP ? "year" : "class";
    if (g.externalId() != null && g.externalId().length() > RosterLimits.MAX_ID) return new Object[] {"field", kind + "Id", "max", RosterLimits.MAX_ID};
    if (g.name() != null && g.name().length() > RosterLimits.MAX_NAME) return new Object[] {"field", kind + "Name", "max", RosterLimits.MAX_NAME};
    return null;
  }
}
