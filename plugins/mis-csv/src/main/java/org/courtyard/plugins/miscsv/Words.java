package org.courtyard.plugins.miscsv;

import org.courtyard.api.i18n.Message;

/**
 * The importer's own words for the ICT leader (messages/mis-csv*.properties). The problems the plugin
 * API's {@link org.courtyard.api.roster.CsvReader} and {@link org.courtyard.api.roster.RosterLimits}
 * describe come in the same language from their Texts overloads.
 */
final class Words {
  static final Message TITLE = Message.of("mis-csv.title");
  static final Message NO_COLUMNS = Message.of("mis-csv.file.noColumns");
  /** What the file lists too many of, for {@link org.courtyard.api.roster.RosterLimits#checkCount}. */
  static final Message LEARNERS = Message.of("mis-csv.file.learners");
  static final Message WHERE_LINE = Message.of("mis-csv.row.line");
  static final Message NO_ID = Message.of("mis-csv.row.noId");
  static final Message NO_NAME = Message.of("mis-csv.row.noName");
  static final Message NO_YEAR = Message.of("mis-csv.row.noYear");
  static final Message TOO_LONG = Message.of("mis-csv.row.tooLong");
  static final Message BAD_PARENT_EMAIL = Message.of("mis-csv.row.badParentEmail");
  static final Message PARENT_TOO_LONG = Message.of("mis-csv.row.parentTooLong");

  private Words() {}
}
