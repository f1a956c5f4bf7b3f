package org.courtyard.plugins.forum;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** The forum's small rules, kept apart so each is easy to read and test. */
final class Rules {
  private Rules() {}

  /** Quiet hours: posting is open between from and until (an overnight window wraps); blank means always open. */
  static boolean postingOpen(String from, String until, LocalTime now) {
    if (from == null || until == null || from.isBlank() || until.isBlank()) return true;
    LocalTime f;
    LocalTime u;
    try {
      f = LocalTime.parse(from.trim());
      u = LocalTime.parse(until.trim());
    } catch (DateTimeParseException e) {
      return true; // a malformed setting must not silence the forum
    }
    if (f.equals(u)) return true;
    return f.isBefore(u) ? !now.isBefore(f) && now.isBefore(u) : !now.isBefore(f) || now.isBefore(u);
  }

  /** The first word of the school's list found in the text (whole words, any case), or null. */
  static String filteredWord(String list, String text) {
    if (list == null || list.isBlank() || text == null) return null;
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(list.split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
        .filter(w -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])").matcher(lower).find())
        .findFirst().orElse(null);
  }

  /**
   * Q&A mode: until a learner has answered, the only post by someone else they see is the question
   * (the discussion's first post); moderators see every post. The discussion page, the search and the
   * space page's newest posts all ask this one rule, so none of them gives an answer away.
   */
  static boolean hiddenUntilAnswered(boolean qa, boolean moderator, boolean answered, long questionId, long postId, long authorId, long viewerId) {
    return qa && !moderator && !answered && postId != questionId && authorId != viewerId;
  }
}
