package org.courtyard.api.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
  static ByteArrayInputStream nested(int depth) {
    return new ByteArrayInputStream(("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileOfNothingButNestedTagsIsRefusedBeforeAnyoneWalksIt() {
    RosterException e = assertThrows(RosterException.class, () -> SafeXml.parse(nested(100_000)));
    assertTrue(e.getMessage().contains("nests its elements more than 500 deep"), e.getMessage());
  }

  @Test
  void realFilesNestFarLessAndParse() throws RosterException {
    assertEquals("a", SafeXml.parse(nested(SafeXml.MAX_DEPTH)).getDocumentElement().getNodeName());
  }
}
