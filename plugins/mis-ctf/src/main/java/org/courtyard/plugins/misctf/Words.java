package org.courtyard.plugins.misctf;

import org.courtyard.api.i18n.Message;

/**
 * The importer's own words for the ICT leader (messages/mis-ctf*.properties). The problems the plugin
 * API's {@link org.courtyard.api.roster.SafeXml#parse} and {@link org.courtyard.api.roster.RosterLimits}
 * describe come in the same language from their Texts overloads.
 */
final class Words {
  static final Message TITLE = Message.of("mis-ctf.title");
  static final Message UNREADABLE = Message.of("mis-ctf.file.unreadable");
  static final Message NOT_CTF = Message.of("mis-ctf.file.notCtf");
  static final Message NO_PUPIL_DATA = Message.of("mis-ctf.file.noPupilData");
  static final Message NO_PUPILS = Message.of("mis-ctf.file.noPupils");
  /** What the file lists too many of, for {@link org.courtyard.api.roster.RosterLimits#checkCount}. */
  static final Message PUPILS = Message.of("mis-ctf.file.pupils");
  static final Message WHERE_PUPIL = Message.of("mis-ctf.where.pupil");
  static final Message WHERE_PUPIL_NAMED = Message.of("mis-ctf.where.pupilNamed");
  static final Message WHERE_CONTACT = Message.of("mis-ctf.where.contact");
  static final Message NO_UPN = Message.of("mis-ctf.pupil.noUpn");
  static final Message MALFORMED_UPN = Message.of("mis-ctf.pupil.malformedUpn");
  static final Message UPN_LETTER_NEVER_USED = Message.of("mis-ctf.pupil.upnLetterNeverUsed");
  static final Message UPN_CHECK_LETTER = Message.of("mis-ctf.pupil.upnCheckLetter");
  static final Message NO_NAME = Message.of("mis-ctf.pupil.noName");
  static final Message BAD_DOB = Message.of("mis-ctf.pupil.badDateOfBirth");
  static final Message PUPIL_TOO_LONG = Message.of("mis-ctf.pupil.tooLong");
  static final Message CONTACT_NO_NAME_OR_EMAIL = Message.of("mis-ctf.contact.noNameOrEmail");
  static final Message CONTACT_TOO_LONG = Message.of("mis-ctf.contact.tooLong");

  private Words() {}
}
