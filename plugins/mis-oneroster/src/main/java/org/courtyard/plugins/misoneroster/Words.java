package org.courtyard.plugins.misoneroster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterLimits;

/**
 * The importer's words for the ICT leader (messages/mis-oneroster*.properties), and the same words for
 * the problems the plugin API's {@link org.courtyard.api.roster.CsvReader}, {@link org.courtyard.api.roster.SafeZip}
 * and {@link RosterLimits} describe in English only.
 *
 * <p>OneRoster's own words — file names ({@code users.csv}), column names ({@code sourcedId}), values
 * ({@code bulk}, {@code delta}, {@code tobedeleted}, roles such as {@code student}) — are defined by the
 * standard and are what the files say: they are arguments or stay as they are inside every language's
 * sentence, never translated.
 */
final class Words {
  static final Message TITLE = Message.of("mis-oneroster.title");
  // The upload as a whole.
  static final Message NOT_ZIP = Message.of("mis-oneroster.file.notZip");
  static final Message NO_ROOM = Message.of("mis-oneroster.file.noRoom");
  static final Message UNREADABLE = Message.of("mis-oneroster.file.unreadable");
  static final Message SEVERAL_EXPORTS = Message.of("mis-oneroster.file.severalExports");
  static final Message NO_MANIFEST = Message.of("mis-oneroster.file.noManifest");
  static final Message MISSING_FILE = Message.of("mis-oneroster.file.missing");
  static final Message FILE_TOO_BIG = Message.of("mis-oneroster.file.tooBig");
  static final Message TOO_MANY_RECORDS = Message.of("mis-oneroster.file.tooManyRecords");
  static final Message NOT_UTF8 = Message.of("mis-oneroster.file.notUtf8");
  static final Message EMPTY = Message.of("mis-oneroster.file.empty");
  static final Message TEXT_AFTER_QUOTE = Message.of("mis-oneroster.file.textAfterQuote");
  static final Message QUOTE_NOT_CLOSED = Message.of("mis-oneroster.file.quoteNotClosed");
  static final Message TOO_MANY_FIELDS = Message.of("mis-oneroster.file.tooManyFields");
  static final Message MISSING_COLUMNS = Message.of("mis-oneroster.file.missingColumns");
  static final Message ZIP_TOO_MANY_FILES = Message.of("mis-oneroster.zip.tooManyFiles");
  static final Message ZIP_PATH_OUTSIDE = Message.of("mis-oneroster.zip.pathOutside");
  static final Message ZIP_TOO_BIG = Message.of("mis-oneroster.zip.tooBig");
  static final Message ZIP_EMPTY = Message.of("mis-oneroster.zip.empty");
  static final Message ZIP_INVALID = Message.of("mis-oneroster.zip.invalid");
  static final Message ZIP_UNREADABLE = Message.of("mis-oneroster.zip.unreadable");
  // manifest.csv
  static final Message MANIFEST_COLUMNS = Message.of("mis-oneroster.manifest.columns");
  static final Message MANIFEST_VERSION = Message.of("mis-oneroster.manifest.manifestVersion");
  static final Message MANIFEST_NO_VERSION = Message.of("mis-oneroster.manifest.noVersion");
  static final Message MANIFEST_OTHER_VERSION = Message.of("mis-oneroster.manifest.otherVersion");
  static final Message MANIFEST_BAD_MODE = Message.of("mis-oneroster.manifest.badMode");
  static final Message MANIFEST_NOTHING = Message.of("mis-oneroster.manifest.nothing");
  static final Message MANIFEST_MIXED = Message.of("mis-oneroster.manifest.mixed");
  static final Message MANIFEST_BULK_INCOMPLETE = Message.of("mis-oneroster.manifest.bulkIncomplete");
  static final Message NO_ROLE_COLUMN_11 = Message.of("mis-oneroster.users.noRoleColumn11");
  static final Message NO_ROLE_COLUMN_12 = Message.of("mis-oneroster.users.noRoleColumn12");
  // A rejected row: where, and why.
  static final Message WHERE_LINE = Message.of("mis-oneroster.where.line");
  static final Message UNKNOWN_STATUS = Message.of("mis-oneroster.row.unknownStatus");
  static final Message ROLES_NO_USER_OR_ROLE = Message.of("mis-oneroster.roles.noUserOrRole");
  static final Message USER_NO_ID = Message.of("mis-oneroster.user.noId");
  static final Message USER_NO_ROLE = Message.of("mis-oneroster.user.noRole");
  static final Message USER_NO_ROLE_IN_ROLES = Message.of("mis-oneroster.user.noRoleInRoles");
  static final Message USER_UNKNOWN_ROLE = Message.of("mis-oneroster.user.unknownRole");
  static final Message USER_NO_NAME = Message.of("mis-oneroster.user.noName");
  static final Message USER_TOO_LONG = Message.of("mis-oneroster.user.tooLong");
  static final Message AGENT_MISSING = Message.of("mis-oneroster.user.agentMissing");
  static final Message AGENT_WRONG_KINDS = Message.of("mis-oneroster.user.agentWrongKinds");
  static final Message CLASS_NO_ID = Message.of("mis-oneroster.class.noId");
  static final Message CLASS_TOO_LONG = Message.of("mis-oneroster.class.tooLong");
  static final Message CLASS_NO_TITLE = Message.of("mis-oneroster.class.noTitle");
  static final Message CLASS_TWICE = Message.of("mis-oneroster.class.usedTwice");
  static final Message ENROLLMENT_NO_IDS = Message.of("mis-oneroster.enrollment.noIds");
  static final Message ENROLLMENT_NO_ROLE = Message.of("mis-oneroster.enrollment.noRole");
  static final Message ENROLLMENT_ROLE_NOT_IMPORTED = Message.of("mis-oneroster.enrollment.roleNotImported");
  static final Message ENROLLMENT_UNKNOWN_ROLE = Message.of("mis-oneroster.enrollment.unknownRole");
  static final Message ENROLLMENT_ID_TOO_LONG = Message.of("mis-oneroster.enrollment.idTooLong");
  static final Message ENROLLMENT_CLASS_REJECTED = Message.of("mis-oneroster.enrollment.classRejected");
  static final Message ENROLLMENT_CLASS_MISSING = Message.of("mis-oneroster.enrollment.classMissing");
  static final Message ENROLLMENT_USER_REJECTED = Message.of("mis-oneroster.enrollment.userRejected");
  static final Message ENROLLMENT_USER_MISSING = Message.of("mis-oneroster.enrollment.userMissing");
  static final Message ENROLLMENT_PARENT = Message.of("mis-oneroster.enrollment.parent");
  static final Message GRADES_TOO_LONG = Message.of("mis-oneroster.grades.tooLong");

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

  /** SafeZip's refusal in the reader's language, matched as {@link #csv} does. */
  static RosterException zip(RosterException e, Texts texts) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    Matcher x;
    if ((x = Pattern.compile("The zip holds more than (\\d+) files\\.").matcher(m)).matches()) {
      return new RosterException(texts.text(ZIP_TOO_MANY_FILES, "max", x.group(1)), e);
    }
    if ((x = Pattern.compile("The zip contains a path outside its folder \\((.*)\\), so it was refused\\.", Pattern.DOTALL).matcher(m)).matches()) {
      return new RosterException(texts.text(ZIP_PATH_OUTSIDE, "path", x.group(1)), e);
    }
    if ((x = Pattern.compile("The zip unpacks to more than (\\d+) MB, so it was refused\\.").matcher(m)).matches()) {
      return new RosterException(texts.text(ZIP_TOO_BIG, "mb", x.group(1)), e);
    }
    if (m.equals("The file is not a zip, or the zip is empty.")) return new RosterException(texts.text(ZIP_EMPTY), e);
    if ((x = Pattern.compile("The file is not a valid zip: (.*)", Pattern.DOTALL).matcher(m)).matches()) {
      return new RosterException(texts.text(ZIP_INVALID, "problem", x.group(1)), e);
    }
    if ((x = Pattern.compile("The zip could not be read: (.*)", Pattern.DOTALL).matcher(m)).matches()) {
      return new RosterException(texts.text(ZIP_UNREADABLE, "problem", x.group(1)), e);
    }
    return e;
  }

  /**
   * Which field of a person the core could not keep ({@code id}, {@code name}, {@code email}), with
   * the limit, as arguments for a message; null when it can keep them. The checks of {@link RosterLimits#problem(Roster.Person)}.
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
