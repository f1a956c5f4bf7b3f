package org.courtyard.api.service;

import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;

/**
 * What happened where, for the ICT leader's usage pages. The tool's id is filled in by the core.
 * {@code action} is a short name of the kind of thing ("post", "upload"); its name on the usage page
 * is the tool's message {@code <tool>.action.<action>} when the bundle has one.
 */
public interface ActivityLog {
  /** With a summary in words already written (English, for API 2.0 tools). */
  void record(UserRef who, SpaceRef where, String action, String summary);

  /**
   * With a summary from the tool's messages, kept as its key and arguments and shown in the language
   * of whoever reads the usage page: {@code record(user, space, "post", POSTED, "title", title)}.
   *
   * @since 2.1.0
   */
  default void record(UserRef who, SpaceRef where, String action, Message summary, Object... namesAndValues) {
    record(who, where, action, "[" + summary.key() + "]");
  }
}
