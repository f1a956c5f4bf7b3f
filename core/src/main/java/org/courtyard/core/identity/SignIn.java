package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.config.Config;
import org.courtyard.core.i18n.Words;
import org.courtyard.core.spaces.Space;

/**
 * Checks a password or a picture sequence. Every try is first taken from limits held in the database
 * ({@link SignInCounters}), so parallel tries cannot slip past them, and only then checked:
 * <ul>
 *   <li>Passwords: per account and address, five free tries and then a growing wait (1 s, 2 s, 4 s …
 *       15 min) — never a hard lock, so a stranger elsewhere cannot lock a teacher out; per account,
 *       a ceiling a day from all addresses; per address, a ceiling at all accounts.</li>
 *   <li>Pictures: per child, a pause after five wrong tries (a teacher can unlock at once); per class
 *       page, a small number of wrong tries a day from devices its teacher has not set up and a larger
 *       one from those they have; per address, the same ceiling as passwords.</li>
 * </ul>
 * Unknown usernames, wrong passwords and held-back tries get one and the same answer.
 */
@Singleton
public final class SignIn {
  /** The one answer to a wrong, unknown or held-back password try (shown in the reader's language). */
  public static final Words WRONG_TRY = Words.of("login.wrong");
  public static final Words WRONG_PICTURES_TRY = Words.of("pictureLogin.wrong");
  public static final Words SWITCHED_OFF = Words.of("login.switchedOff");
  /** The same in English (logs, tests). */
  public static final String WRONG = WRONG_TRY.english();
  public static final String WRONG_PICTURES = WRONG_PICTURES_TRY.english();
  private static final long DAY_MS = 24 * 3_600_000L;
  private static final long QUARTER_HOUR_MS = 15 * 60_000L;

  private final UserStore users;
  private final SignInCounters counters;
  private final AuditLog audit;
  private final Clock clock;
  private final int freeTries;
  private final long pauseMs;
  private final int accountDaily;
  private final int addressTries;
  private final int classTries;
  private final int deviceTries;

  @Inject
  public SignIn(UserStore users, SignInCounters counters, AuditLog audit, Config config, Clock clock) {
    this.users = users;
    this.counters = counters;
    this.audit = audit;
    this.clock = clock;
    this.freeTries = config.getInt(Config.LOCKOUT_ATTEMPTS, 5);
    this.pauseMs = config.getInt(Config.LOCKOUT_MINUTES, 15) * 60_000L;
    this.accountDaily = config.getInt(Config.ACCOUNT_DAILY_TRIES, 100);
    this.addressTries = config.getInt(Config.ADDRESS_TRIES, 1000);
    this.classTries = config.getInt(Config.PICTURE_CLASS_TRIES, 6);
    this.deviceTries = config.getInt(Config.PICTURE_DEVICE_TRIES, 300);
  }

  /**
   * The outcome, with the words to show when it failed (never saying whether the username exists), put
   * into the reader's language by the page.
   */
  public record Result(Optional<User> user, Words refusal, boolean mustChoosePassword) {
    static Result ok(User u) { return new Result(Optional.of(u), null, false); }

    static Result no(Words refusal) { return new Result(Optional.empty(), refusal, false); }

    /** The refusal in English, or null after a success. */
    public String message() { return refusal == null ? null : refusal.english(); }
  }

  public Result withPassword(String username, String password, String address) {
    String name = UserStore.normaliseUsername(username);
    long now = clock.millis();
    List<SignInCounters.Limit> limits = List.of(
        SignInCounters.Limit.of("addr", address, addressTries, QUARTER_HOUR_MS),
        SignInCounters.Limit.of("acct", name, accountDaily, DAY_MS).ofOnePerson(),
        SignInCounters.Limit.progressive("acct", name + "|" + address, freeTries, DAY_MS).ofOnePerson());
    // A held-back try is not written to the audit log one by one (a stranger hammering away would
    // flood it); the moment a hold begins is (see failed()).
    if (!reserveAll(limits, now)) return Result.no(WRONG_TRY);
    Optional<User> found = users.byUsername(name);
    if (found.isEmpty()) {
      users.passwordMatches(-1, password == null ? "" : password); // same cost as a real check
      failed(limits, now, null, address, "unknown username");
      return Result.no(WRONG_TRY);
    }
    User u = found.get();
    boolean firstCode = password != null && !u.hasPassword() && users.firstLoginCodeMatches(u.id(), password);
    boolean matches = firstCode || (password != null && users.passwordMatches(u.id(), password));
    if (!matches) {
      failed(limits, now, u, address, "wrong password");
      return Result.no(WRONG_TRY);
    }
    succeeded(limits);
    if (u.disabled()) return Result.no(SWITCHED_OFF);
    users.recordSuccess(u.id());
    // An imported account's first sign-in, with the code from the class letter: they must choose a password next.
    return firstCode ? new Result(Optional.of(u), null, true) : Result.ok(u);
  }

  /**
   * A child's pictures on their class's picture page. {@code setUpDevice} says whether the device is
   * one the class's teacher set up (a classroom tablet), which has a larger daily allowance of wrong tries.
   */
  public Result withPictures(User child, Space cls, boolean setUpDevice, List<String> pictures, String address) {
    long now = clock.millis();
    SignInCounters.Limit childLimit = SignInCounters.Limit.of("child", Long.toString(child.id()), freeTries, pauseMs).ofOnePerson();
    List<SignInCounters.Limit> limits = List.of(
        SignInCounters.Limit.of("addr", address, addressTries, QUARTER_HOUR_MS),
        setUpDevice ? SignInCounters.Limit.of("class-device", Long.toString(cls.id()), deviceTries, DAY_MS)
            : SignInCounters.Limit.of("class", Long.toString(cls.id()), classTries, DAY_MS),
        childLimit);
    if (child.disabled() || !reserveAll(limits, now)) return Result.no(WRONG_PICTURES_TRY);
    // An old three-picture sequence is too easy to guess from anywhere: it works only on a set-up device.
    boolean matches = (setUpDevice || child.pictureLength() >= Pictures.SEQUENCE_LENGTH) && users.pictureSequenceMatches(child.id(), pictures);
    if (!matches) {
      List<SignInCounters.Limit> usedUp = failed(limits, now, child, address, "wrong pictures on " + cls.name());
      if (usedUp.contains(childLimit)) {
        users.lockUntil(child.id(), java.time.Instant.ofEpochMilli(now + pauseMs));
        audit.record(child.schoolId(), AuditLog.Action.SIGN_IN_LOCKED, null, child, cls.id(), "picture sign-in paused", address);
      }
      return Result.no(WRONG_PICTURES_TRY);
    }
    succeeded(limits);
    users.recordSuccess(child.id());
    return Result.ok(child);
  }

  /**
   * Takes a try from every limit, or from none: a refusal gives back what it had taken. A progressive
   * limit goes last in the list: past its free tries, taking a try holds the others until this one's
   * outcome is known, so nothing after it may refuse.
   */
  private boolean reserveAll(List<SignInCounters.Limit> limits, long now) {
    List<SignInCounters.Limit> taken = new ArrayList<>();
    for (SignInCounters.Limit l : limits) {
      if (!counters.reserve(l, now)) {
        taken.forEach(t -> counters.succeeded(t, false));
        return false;
      }
      taken.add(l);
    }
    return true;
  }

  /** Records a failure against each limit; returns the limits this failure used up. */
  private List<SignInCounters.Limit> failed(List<SignInCounters.Limit> limits, long now, User who, String address, String what) {
    List<SignInCounters.Limit> usedUp = new ArrayList<>();
    for (SignInCounters.Limit l : limits) if (counters.failed(l, now)) usedUp.add(l);
    Long school = who == null ? null : who.schoolId();
    audit.record(school, AuditLog.Action.SIGN_IN_FAILED, null, who, null, what, address);
    if (!usedUp.isEmpty() && who != null) {
      audit.record(school, AuditLog.Action.SIGN_IN_THROTTLED, null, who, null,
          "further tries held back (" + String.join(", ", usedUp.stream().map(l -> l.key().substring(0, l.key().indexOf(':'))).toList()) + ")", address);
    }
    return usedUp;
  }

  /** A success gives its try back: the person's own counters start again, shared ones get one back. */
  private void succeeded(List<SignInCounters.Limit> limits) {
    for (SignInCounters.Limit l : limits) counters.succeeded(l, l.personal());
  }
}
