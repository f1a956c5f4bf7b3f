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

  @Test
  void inQuestionAndAnswerModeOthersAnswersWaitForTheLearnersOwn() {
    long question = 10;
    long me = 7;
    assertTrue(Rules.hiddenUntilAnswered(true, false, false, question, 11, 8, me), "someone else's answer, before mine");
    assertFalse(Rules.hiddenUntilAnswered(true, false, false, question, question, 8, me), "the question is always shown");
    assertFalse(Rules.hiddenUntilAnswered(true, false, false, question, 12, me, me), "my own post");
    assertFalse(Rules.hiddenUntilAnswered(true, false, true, question, 11, 8, me), "after I answered");
    assertFalse(Rules.hiddenUntilAnswered(true, true, false, question, 11, 8, me), "moderators see everything");
    assertFalse(Rules.hiddenUntilAnswered(false, false, false, question, 11, 8, me), "not a Q&A forum");
  }
}
