package org.courtyard.plugins.misoneroster;

import org.courtyard.api.i18n.Message;

/**
 * The importer's own words for the ICT leader (messages/mis-oneroster*.properties). The problems the
 * plugin API's {@link org.courtyard.api.roster.CsvReader}, {@link org.courtyard.api.roster.SafeZip} and
 * {@link org.courtyard.api.roster.RosterLimits} describe come in the same language from their Texts overloads.
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
  // What a file lists too many of, for RosterLimits.checkCount: users.csv, classes.csv, enrollments.csv, roles.csv.
  static final Message USERS = Message.of("mis-oneroster.file.users");
  static final Message CLASSES = Message.of("mis-oneroster.file.classes");
  static final Message ENROLLMENTS = Message.of("mis-oneroster.file.enrollments");
  static final Message ROLES = Message.of("mis-oneroster.file.roles");
  static final Message MISSING_COLUMNS = Message.of("mis-oneroster.file.missingColumns");
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
}
