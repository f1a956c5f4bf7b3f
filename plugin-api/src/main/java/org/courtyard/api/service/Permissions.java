package org.courtyard.api.service;

/** The one rule the core uses everywhere: may this user use this capability in this space? */
public interface Permissions {
  boolean can(long userId, String capability, long spaceId);
}
