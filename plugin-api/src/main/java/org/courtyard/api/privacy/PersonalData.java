package org.courtyard.api.privacy;

/**
 * A tool's answer to the two questions the law asks of a school about one person: "what do you hold
 * about me?" (a subject access request) and "erase me" (or, after a school-set time, a leaver). The
 * core asks every running tool and assembles one download, or one erasure, recorded in the audit log.
 *
 * <p>Export what the person wrote, uploaded or had recorded about them (marks, feedback, moderation
 * decisions about their posts), not other people's content that merely mentions them. Erase means:
 * delete what is theirs alone (their posts, hand-ins, files), and anonymise what others need to keep
 * making sense (a reply's parent post becomes "Deleted user"). After {@link #erase} the same person's
 * {@link #export} must find nothing.
 *
 * @since 2.0.0
 */
public interface PersonalData {
  /** Adds everything this tool keeps about the person to {@code out}. */
  void export(long userId, DataExport out) throws Exception;

  /**
   * Erases or anonymises everything this tool keeps about the person, files included; returns how
   * many records were removed or changed (for the audit log). Must be safe to run twice.
   */
  long erase(long userId) throws Exception;
}
