package org.courtyard.plugins.misctf;

import org.courtyard.api.i18n.Texts;

/**
 * The DfE Unique Pupil Number: a check letter and 12 characters (LA code, establishment, year,
 * serial; a temporary UPN ends in a letter). The check letter is the weighted sum of characters
 * 2–13 (weights 2–13) modulo 23, as a letter of A–Z without I, O and S.
 */
final class Upn {
  static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Upn() {}

  /** Null when valid; otherwise why not, in words for the preview (the ICT leader's language). */
  static String problem(String upn, Texts texts) {
    if (upn == null || upn.isBlank()) return texts.text(Words.NO_UPN);
    String u = upn.trim();
    if (!u.matches("[A-Z][0-9]{11}[0-9A-Z]")) return texts.text(Words.MALFORMED_UPN, "upn", u);
    if (Character.isLetter(u.charAt(12)) && LETTERS.indexOf(u.charAt(12)) < 0) return texts.text(Words.UPN_LETTER_NEVER_USED, "upn", u);
    char expected = checkLetter(u.substring(1));
    if (u.charAt(0) != expected) return texts.text(Words.UPN_CHECK_LETTER, "upn", u, "expected", String.valueOf(expected));
    return null;
  }

  /** The check letter for the 12 characters after it. */
  static char checkLetter(String twelve) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = twelve.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
      sum += value * (i + 2);
    }
    return LETTERS.charAt(sum % 23);
  }
}
