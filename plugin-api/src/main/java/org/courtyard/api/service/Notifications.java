package org.courtyard.api.service;

/**
 * Tells a person something happened: an in-app notice (shown on their notifications page with an
 * unread count in the header) and, where the school has e-mail set up and the person has an
 * address, an e-mail through the core's mailer.
 */
public interface Notifications {
  /** {@code url} is a path on this site, e.g. the discussion that got a reply. */
  void notify(long userId, String title, String url);

  /**
   * A notification whose title comes from the tool's messages, in the recipient's own language (the
   * one they chose, or their school's), arguments given as name, value, name, value... The e-mail
   * that may go with it is in their language too.
   *
   * @since 2.1.0
   */
  default void notify(long userId, org.courtyard.api.i18n.Message title, String url, Object... namesAndValues) {
    notify(userId, "[" + title.key() + "]", url);
  }

  /**
   * A notification of a kind the tool declared ({@code ToolInfo.notification("handed-in", ...)}): each
   * person chooses per kind whether it reaches them on the site only, by e-mail at once, in a daily
   * digest, or not at all (the school sets the defaults per role), and every e-mail of the kind carries
   * a one-click unsubscribe for it.
   * <pre>
   * core.notifications().notify("handed-in", teacherId, HANDED_IN, "/s/" + space.slug() + "/homework/" + taskId, "name", learner);
   * </pre>
   *
   * @since 2.2.0
   */
  default void notify(String kind, long userId, org.courtyard.api.i18n.Message title, String url, Object... namesAndValues) {
    notify(userId, title, url, namesAndValues);
  }
}
