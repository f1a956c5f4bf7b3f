package org.courtyard.plugins.misctf;

import java.io.IOException;
import java.io.InputStream;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.RosterLimits;
import org.courtyard.api.roster.SafeXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The importer's words for the ICT leader (messages/mis-ctf*.properties), and the same words for the
 * problems the plugin API's {@link SafeXml#parse} and {@link RosterLimits} describe in English only.
 */
final class Words {
  static final Message TITLE = Message.of("mis-ctf.title");
  static final Message UNREADABLE = Message.of("mis-ctf.file.unreadable");
  static final Message XML_TOO_DEEP = Message.of("mis-ctf.xml.tooDeep");
  static final Message XML_DOCTYPE = Message.of("mis-ctf.xml.doctype");
  static final Message XML_BROKEN_AT = Message.of("mis-ctf.xml.brokenAtLine");
  static final Message XML_BROKEN = Message.of("mis-ctf.xml.broken");
  static final Message XML_UNREADABLE = Message.of("mis-ctf.xml.unreadable");
  static final Message NOT_CTF = Message.of("mis-ctf.file.notCtf");
  static final Message NO_PUPIL_DATA = Message.of("mis-ctf.file.noPupilData");
  static final Message NO_PUPILS = Message.of("mis-ctf.file.noPupils");
  static final Message TOO_MANY_PUPILS = Message.of("mis-ctf.file.tooManyPupils");
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

  /**
   * {@link SafeXml#parse} with its refusals in the reader's language: the same safe parser
   * ({@link SafeXml#documentBuilder()}: no DOCTYPE, no external entities, a depth limit), the same refusals.
   * The parser's own detail ({problem}) is the Java XML parser's words.
   */
  static Document parseXml(InputStream in, Texts texts) throws RosterException {
    try {
      return SafeXml.documentBuilder().parse(in);
    } catch (SAXParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("maxElementDepth")) throw new RosterException(texts.text(XML_TOO_DEEP, "max", SafeXml.MAX_DEPTH), e);
      if (msg.contains("DOCTYPE")) throw new RosterException(texts.text(XML_DOCTYPE), e);
      throw new RosterException(texts.text(XML_BROKEN_AT, "line", String.valueOf(e.getLineNumber()), "problem", msg), e);
    } catch (SAXException e) {
      throw new RosterException(texts.text(XML_BROKEN, "problem", String.valueOf(e.getMessage())), e);
    } catch (IOException e) {
      throw new RosterException(texts.text(XML_UNREADABLE, "problem", String.valueOf(e.getMessage())), e);
    }
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

  /** The arguments with {@code name, value} put in front. */
  static Object[] with(Object[] args, String name, Object value) {
    Object[] out = new Object[args.length + 2];
    out[0] = name;
    out[1] = value;
    System.arraycopy(args, 0, out, 2, args.length);
    return out;
  }
}
