package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;

/**
 * Every change to how someone signs in goes through here: it is saved, audited with who did it, and
 * ends the person's other sessions (a reset by someone else ends all of them), in one transaction.
 * Who may do it is decided before ({@code Authority.looksAfter}); this class only does it properly.
 */
@Singleton
public final class Credentials {
  private final Db db;
  private final UserStore users;
  private final AuditLog audit;
  private final SessionEnder sessions;

  @Inject
  public Credentials(Db db, UserStore users, AuditLog audit, SessionEnder sessions) {
    this.db = db;
    this.users = users;
    this.audit = audit;
    this.sessions = sessions;
  }

  /** The person chose a new password; their other sessions end, this one stays. */
  public void changeOwnPassword(User self, String password, String thisSessionId) {
    db.transaction(() -> {
      users.setPassword(self.id(), password);
      audit.record(AuditLog.Action.PASSWORD_CHANGED, self, self, "");
      sessions.endSessionsOf(self.id(), thisSessionId);
      return null;
    });
  }

  /** The learner chose new pictures; their other sessions end. */
  public void changeOwnPictures(User self, List<String> pictures, String thisSessionId) {
    db.transaction(() -> {
      users.setPictureSequence(self.id(), pictures);
      audit.record(AuditLog.Action.PICTURES_CHANGED, self, self, "");
      sessions.endSessionsOf(self.id(), thisSessionId);
      return null;
    });
  }

  /** A teacher or the school admin set a new password: every session of the person ends. */
  public void resetPassword(User by, User person, String password) {
    db.transaction(() -> {
      users.setPassword(person.id(), password);
      users.unlock(person.id());
      audit.record(AuditLog.Action.PASSWORD_RESET, by, person, "");
      sessions.endSessionsOf(person.id(), null);
      return null;
    });
  }

  /** A teacher or the school admin set new pictures: every session of the learner ends. */
  public void resetPictures(User by, User person, List<String> pictures) {
    db.transaction(() -> {
      users.setPictureSequence(person.id(), pictures);
      users.unlock(person.id());
      audit.record(AuditLog.Action.PICTURES_RESET, by, person, "");
      sessions.endSessionsOf(person.id(), null);
      return null;
    });
  }

  public void unlock(User by, User person) {
    db.transaction(() -> {
      users.unlock(person.id());
      audit.record(AuditLog.Action.UNLOCKED, by, person, "");
      return null;
    });
  }

  /** Signs the person out everywhere (a lost tablet, a shared computer left signed in). */
  public int endSessions(User by, User person) {
    return db.transaction(() -> {
      int ended = sessions.endSessionsOf(person.id(), null);
      audit.record(AuditLog.Action.SESSIONS_ENDED, by, person, ended + " sessions");
      return ended;
    });
  }
}
