package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.courtyard.api.i18n.Texts;
import org.courtyard.testkit.TestTexts;
import org.junit.jupiter.api.Test;

class UpnTest {
  static final Texts EN = TestTexts.english("mis-ctf");

  @Test
  void checkLettersOfKnownGoodUpns() {
    assertEquals('X', Upn.checkLetter("820200115001"));
    assertEquals('L', Upn.checkLetter("820200115002"));
    assertNull(Upn.problem("A820200115003", EN));
    assertNull(Upn.problem("H82020011500A", EN), "a temporary UPN ends in a letter");
  }

  @Test
  void badUpnsSayWhy() {
    assertTrue(Upn.problem("B820200115004", EN).contains("should be P"));
    assertTrue(Upn.problem("820200115005", EN).contains("malformed"));
    assertTrue(Upn.problem("X82020011500O", EN).contains("never used"));
    assertTrue(Upn.problem("", EN).contains("no UPN"));
  }
}
