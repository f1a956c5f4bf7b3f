package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checks a password or picture sequence, counting failures and locking the account after too many. */
@Singleton
public final class SignIn {
  public static final String LOCKOUT_ATTEMPTS = "lockout.attempts";
  public static final String LOCKOUT_MINUTES = "lockout.minutes";
  private final UserStore users;
  private final int attempts;
  private final Duration lockFor;
  private final Clock clock;

  @Inject
  public SignIn(UserStore users, @Named(LOCKOUT_ATTEMPTS) int attempts, @Named(LOCKOUT_MINUTES) int minutes, Clock clock) {
    this.users = users;
    this.attempts = attempts;
    this.lockFor = Duration.ofMinutes(minutes);
    this.clock = clock;
  }

  /** The outcome, with the message to show when it failed (never saying whether the username exists). */
  public record Result(Optional<User> user, String message, boolean mustChoosePassword) {
    static Result ok(User u) { return new Result(Optional.of(u), null, false); }

    static Result no(String message) { return new Result(Optional.empty(), message, false); }
  }

  public static final String WRONG = "That username and password do not match. Check them and try again.";

  public Result withPassword(String username, String password) {
    Optional<User> found = users.byUsername(username);
    if (found.isEmpty()) {
      users.passwordMatches(-1, password == null ? "" : password); // same cost as a real check
      return Result.no(WRONG);
    }
    User u = found.get();
    if (password != null && !u.hasPassword() && users.firstLoginCodeMatches(u.id(), password)) {
      // An imported account's first sign-in, with the code from the class letter: they must choose a password next.
      Result r = check(u, true, WRONG);
      return r.user().isPresent() ? new Result(r.user(), null, true) : r;
    }
    return check(u, password != null && users.passwordMatches(u.id(), password), WRONG);
  }

  public Result withPictures(User u, List<String> pictures) {
    return check(u, users.pictureSequenceMatches(u.id(), pictures), "Those pictures are not right. Try again!");
  }

  private Result check(User u, boolean matches, String wrong) {
    Instant now = clock.instant();
    if (u.lockedAt(now)) return Result.no(lockedMessage());
    if (u.disabled()) return Result.no(matches ? "This account is switched off. Ask the school office." : wrong);
    if (matches) {
      users.recordSuccess(u.id());
      return Result.ok(u);
    }
    boolean locked = users.recordFailure(u.id(), attempts, now.plus(lockFor));
    return Result.no(locked ? lockedMessage() : wrong);
  }

  private String lockedMessage() {
    return "Too many wrong tries, so this account is locked for " + lockFor.toMinutes()
        + " minutes. A teacher or the ICT leader can unlock it sooner.";
  }
}
