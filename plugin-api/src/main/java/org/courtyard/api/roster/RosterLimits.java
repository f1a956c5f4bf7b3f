package org.courtyard.api.roster;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import java.util.Locale;

/**
 * What the core keeps of an imported record, so that an importer turns a record the core could not
 * store into a {@link Roster.Rejection} with its reason (seen in the preview) instead of the whole
 * import failing when it is applied; and how much one file may hold, so a file is refused with a
 * message before it fills the server's memory or one transaction.
 */
public final class RosterLimits {
  /** An MIS id (UPN, sourcedId, CSV id, or one an importer derives from an e-mail). */
  public static final int MAX_ID = 100;
  /** A person's name as shown (preferred or given name and family name), a class's or year group's name. */
  public static final int MAX_NAME = 200;
  public static final int MAX_EMAIL = 254;
  /** People in one file: the largest schools have a few thousand learners, staff and parents. */
  public static final int MAX_PEOPLE = 50_000;
  /** Classes and year groups in one file. */
  public static final int MAX_GROUPS = 10_000;
  /** Rows of enrolments in one file: ten classes for each of 50,000 people. */
  public static final int MAX_ENROLMENTS = 500_000;

  private RosterLimits() {}

  /** Why the core cannot keep this person, or null when it can. */
  public static String problem(Roster.Person p) { return problem(p, ApiWords.ENGLISH); }

  /** As above, in the words of {@code texts} (the reader's language). @since 2.1.0 */
  public static String problem(Roster.Person p, Texts texts) {
    if (p.externalId() != null && p.externalId().length() > MAX_ID) return texts.text(Message.of("roster.limits.idTooLong"), "max", MAX_ID);
    if (p.displayName().length() > MAX_NAME) return texts.text(Message.of("roster.limits.nameTooLong"), "max", MAX_NAME);
    if (p.email() != null && p.email().length() > MAX_EMAIL) return texts.text(Message.of("roster.limits.emailTooLong"), "max", MAX_EMAIL);
    return null;
  }

  /** Why the core cannot keep this class or year group, or null when it can. */
  public static String problem(Roster.Group g) { return problem(g, ApiWords.ENGLISH); }

  /** As above, in the words of {@code texts} (the reader's language). @since 2.1.0 */
  public static String problem(Roster.Group g, Texts texts) {
    if (g.externalId() != null && g.externalId().length() > MAX_ID) return texts.text(Message.of("roster.limits.groupIdTooLong"), "kind", kind(g, texts), "max", MAX_ID);
    if (g.name() != null && g.name().length() > MAX_NAME) return texts.text(Message.of("roster.limits.groupNameTooLong"), "kind", kind(g, texts), "max", MAX_NAME);
    return null;
  }

  /**
   * An id an importer makes from something else (a parent's e-mail): {@code prefix + key} while that
   * fits {@link #MAX_ID}, else the prefix and a SHA-256 of the key, which still names the same person
   * in every import.
   */
  public static String derivedId(String prefix, String key) {
    String id = prefix + key;
    if (id.length() <= MAX_ID) return id;
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return prefix + java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }

  /** Refuses a file with more records of a kind than one import takes, naming the file and the limit. */
  public static void checkCount(String file, int count, int max, String what) throws RosterException {
    checkCount(file, count, max, what, ApiWords.ENGLISH);
  }

  /** As above, in the words of {@code texts}; {@code what} ("learners") is already in them. @since 2.1.0 */
  public static void checkCount(String file, int count, int max, String what, Texts texts) throws RosterException {
    if (count > max) throw new RosterException(texts.text(Message.of("roster.limits.tooMany"), "file", file, "count", count, "what", what, "max", max));
  }

  private static String kind(Roster.Group g, Texts texts) {
    return texts.text(Message.of(g.kind() == null ? "roster.kind.group" : KIND_PREFIX + g.kind().name()));
  }

  private static final String KIND_PREFIX = "roster.kind.";
}
