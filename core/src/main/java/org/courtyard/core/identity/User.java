package org.courtyard.core.identity;

import java.time.Instant;
import org.courtyard.api.UserKind;
import org.courtyard.api.UserRef;

/** An account as the core sees it. Hashes never leave the identity package's stores. */
public record User(long id, Long schoolId, String username, String displayName, UserKind kind, String email,
                   String avatar, boolean disabled, boolean siteAdmin, Instant lockedUntil, int failedLogins,
                   boolean hasPassword, boolean hasPicturePassword, int pictureLength, String externalId, String source) {

  public UserRef ref() { return new UserRef(id, username, displayName, kind); }

  public boolean lockedAt(Instant now) { return lockedUntil != null && lockedUntil.isAfter(now); }

  public String firstName() {
    int space = displayName.indexOf(' ');
    return space > 0 ? displayName.substring(0, space) : displayName;
  }
}
