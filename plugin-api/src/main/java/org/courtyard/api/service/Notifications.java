package org.courtyard.api.service;

/**
 * Tells a person something happened: an in-app notice (shown on their notifications page with an
 * unread count in the header) and, where the school has e-mail set up and the person has an
 * address, an e-mail through the core's mailer.
 */
public interface Notifications {
  /** {@code url} is a path on this site, e.g. the discussion that got a reply. */
  void notify(long userId, String title, String url);
}
