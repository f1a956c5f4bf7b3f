package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.courtyard.core.db.Db;
import org.courtyard.core.spaces.SpaceStore;

/** Creating an account is more than a row: it comes with a personal space, in one transaction. */
@Singleton
public final class Accounts {
  private final Db db;
  private final UserStore users;
  private final SpaceStore spaces;

  @Inject
  public Accounts(Db db, UserStore users, SpaceStore spaces) {
    this.db = db;
    this.users = users;
    this.spaces = spaces;
  }

  public User create(UserStore.NewUser n) {
    return db.transaction(() -> {
      User user = users.create(n);
      spaces.ensurePersonalSpace(user);
      return user;
    });
  }
}
