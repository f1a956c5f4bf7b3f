package org.courtyard.plugins.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void quietHoursOpenWindowsAndOvernightWindows() {
    assertTrue(Rules.postingOpen("", "", LocalTime.NOON), "no window: always open");
    assertTrue(Rules.postingOpen("15:30", "21:00", LocalTime.of(16, 0)));
    assertFalse(Rules.postingOpen("15:30", "21:00", LocalTime.of(10, 0)), "closed in lessons");
    assertTrue(Rules.postingOpen("18:00", "08:00", LocalTime.of(23, 0)), "overnight window");
    assertFalse(Rules.postingOpen("18:00", "08:00", LocalTime.of(12, 0)));
    assertTrue(Rules.postingOpen("soon", "later", LocalTime.NOON), "a broken setting does not silence the forum");
  }

  @Test
  void theWordFilterMatchesWholeWordsInAnyCase() {
    assertEquals("darn", Rules.filteredWord("darn, heck", "Oh DARN it"));
    assertNull(Rules.filteredWord("ass", "We went to the class assembly"), "not inside other words");
    assertNull(Rules.filteredWord("", "anything"));
  }
}
