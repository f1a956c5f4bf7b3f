package org.courtyard.plugins.misctf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpnTest {
  @Test
  void checkLettersOfKnownGoodUpns() {
    assertEquals('X', Upn.checkLetter("820200115001"));
    assertEquals('L', Upn.checkLetter("820200115002"));
    assertNull(Upn.problem("A820200115003"));
    assertNull(Upn.problem("H82020011500A"), "a temporary UPN ends in a letter");
  }

  @Test
  void badUpnsSayWhy() {
    assertTrue(Upn.problem("B820200115004").contains("should be P"));
    assertTrue(Upn.problem("820200115005").contains("malformed"));
    assertTrue(Upn.problem("X82020011500O").contains("never used"));
    assertTrue(Upn.problem("").contains("no UPN"));
  }
}
