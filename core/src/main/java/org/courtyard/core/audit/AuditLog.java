package org.courtyard.core.audit;

import org.courtyard.core.i18n.Words;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.User;

/**
 * The school's record of who changed whose credentials, roles, memberships and relationships, of
 * imports, and of sign-in failures and lock-outs. Written in the same transaction as the change it
 * records (a change that rolls back leaves no entry); read and filtered by the ICT leader; kept for
 * the number of days the school chose.
 */
@Singleton
public final class AuditLog {
  /** What happened. The label is what the ICT leader reads. */
  public enum Action {
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_IN_THROTTLED("Sign-in held back after too many tries"),
    SIGN_IN_LOCKED("Picture sign-in paused after too many tries"),
    UNLOCKED("Unlocked"),
    PASSWORD_CHANGED("Changed own password"),
    PASSWORD_RESET("Password reset by someone else"),
    PICTURES_CHANGED("Changed own picture password"),
    PICTURES_RESET("Picture password set by someone else"),
    SESSIONS_ENDED("Signed out everywhere"),
    ACCOUNT_CREATED("Account created"),
    ACCOUNT_CHANGED("Account details changed"),
    ACCOUNT_DISABLED("Account switched off"),
    ACCOUNT_ENABLED("Account switched on"),
    MEMBER_ADDED("Added to a space"),
    ROLE_CHANGED("Role in a space changed"),
    MEMBER_REMOVED("Removed from a space"),
    CARER_LINKED("Parent or carer linked"),
    CARER_UNLINKED("Parent or carer unlinked"),
    SAFEGUARDING_LEAD("Safeguarding lead changed"),
    PICTURE_DEVICE("Picture sign-in device set up"),
    IMPORT_APPLIED("Import applied"),
    IMPORT_UNDONE("Import undone"),
    AUDIT_SETTINGS("Audit log settings changed"),
    LEFT("Marked as a leaver"),
    DATA_EXPORTED("Personal data downloaded (subject access)"),
    DATA_ERASED("Personal data erased"),
    PRIVACY_SETTINGS("Privacy settings changed"),
    SCHOOL_YEAR_ENDED("School year ended"),
    PLUGIN_INSTALLED("Plugin installed"),
    PLUGIN_UPGRADED("Plugin upgraded"),
    PLUGIN_REFUSED("Plugin refused or its upgrade undone"),
    PLUGIN_REMOVED("Plugin removed"),
    PLUGIN_DATA_EXPORTED("Plugin's data downloaded"),
    PLUGIN_DATA_DELETED("Plugin's data deleted");

    private final String label;

    Action(String label) { this.label = label; }

    /** In English, for the log and the command line. */
    public String label() { return label; }

    /** What the ICT leader reads, in their language: {@code audit.action.<name in camel case>}. */
    public Words words() { return Words.of(KEY_PREFIX + camel(name())); }

    private static final String KEY_PREFIX = "audit.action.";

    private static String camel(String constant) {
      StringBuilder b = new StringBuilder();
      boolean up = false;
      for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
        if (c == '_') up = true;
        else {
          b.append(up ? Character.toUpperCase(c) : c);
          up = false;
        }
      }
      return b.toString();
    }
  }

  /** One entry as read back. {@code actorName}/{@code subjectName} are as they were at the time. */
  public record Entry(long id, Instant at, Action action, Long actorId, String actorName, Long subjectId, String subjectName,
                      Long spaceId, String detail, String address) {}

  /** What to look for; null fields match everything. */
  public record Filter(Action action, String person, Instant from, Instant to) {
    public static final Filter ALL = new Filter(null, null, null, null);
  }

  public static final int DEFAULT_DAYS = 365;
  private final Db db;
  private final Clock clock;

  @Inject
  public AuditLog(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records an entry; {@code actor} is null for a stranger (a failed sign-in) or the system (an import run from the command line). */
  public void record(Long schoolId, Action action, User actor, User subject, Long spaceId, String detail, String address) {
    db.update("INSERT INTO audit_log (school_id, happened_at, action, actor_id, actor_name, subject_id, subject_name, space_id, detail, address)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        schoolId, clock.instant(), action.name(), actor == null ? null : actor.id(), actor == null ? null : name(actor),
        subject == null ? null : subject.id(), subject == null ? null : name(subject), spaceId, cut(detail, 1000), cut(address, 64));
  }

  /** The same, for a change a person made to another person (or to themselves). */
  public void record(Action action, User actor, User subject, String detail) {
    Long school = subject != null && subject.schoolId() != null ? subject.schoolId() : actor == null ? null : actor.schoolId();
    record(school, action, actor, subject, null, detail, null);
  }

  public List<Entry> find(long schoolId, Filter f, int limit) {
    StringBuilder sql = new StringBuilder("SELECT id, happened_at, action, actor_id, actor_name, subject_id, subject_name, space_id, detail, address"
        + " FROM audit_log WHERE school_id = ?");
    List<Object> params = new ArrayList<>(List.of(schoolId));
    if (f.action() != null) {
      sql.append(" AND action = ?");
      params.add(f.action().name());
    }
    if (f.person() != null && !f.person().isBlank()) {
      String like = "%" + f.person().trim().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
      sql.append(" AND (LOWER(actor_name) LIKE ? OR LOWER(subject_name) LIKE ?)");
      params.add(like);
      params.add(like);
    }
    if (f.from() != null) {
      sql.append(" AND happened_at >= ?");
      params.add(f.from());
    }
    if (f.to() != null) {
      sql.append(" AND happened_at < ?");
      params.add(f.to());
    }
    sql.append(" ORDER BY happened_at DESC, id DESC FETCH FIRST ").append(Math.max(1, Math.min(limit, 100_000))).append(" ROWS ONLY");
    return db.query(sql.toString(), rs -> new Entry(rs.getLong(1), Db.instant(rs, "happened_at"), Action.valueOf(rs.getString(3)),
        nullableLong(rs, 4), rs.getString(5), nullableLong(rs, 6), rs.getString(7), nullableLong(rs, 8), rs.getString(9), rs.getString(10)),
        params.toArray());
  }

  public int days(long schoolId) {
    return db.queryOne("SELECT audit_days FROM schools WHERE space_id = ?", rs -> rs.getInt(1), schoolId).orElse(DEFAULT_DAYS);
  }

  /** A school keeps its log between 30 days and 7 years. */
  public void setDays(long schoolId, int days, User by) {
    if (days < 30 || days > 7 * 366) throw new IllegalArgumentException("Keep the log between 30 and 2,562 days (7 years).");
    db.transaction(() -> {
      db.update("UPDATE schools SET audit_days = ? WHERE space_id = ?", days, schoolId);
      record(schoolId, Action.AUDIT_SETTINGS, by, null, null, "keep entries for " + days + " days", null);
      return null;
    });
  }

  /** Deletes entries older than each school's chosen time; returns how many went. */
  public int purge() {
    Instant now = clock.instant();
    int gone = 0;
    for (long[] school : db.query("SELECT space_id, audit_days FROM schools", rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
      gone += db.update("DELETE FROM audit_log WHERE school_id = ? AND happened_at < ?", school[0], now.minus(Duration.ofDays(school[1])));
    }
    // Failed sign-ins with usernames nobody has belong to no school: kept for the default time.
    gone += db.update("DELETE FROM audit_log WHERE school_id IS NULL AND happened_at < ?", now.minus(Duration.ofDays(DEFAULT_DAYS)));
    return gone;
  }

  private static String name(User u) { return cut(u.displayName() + " (" + u.username() + ")", 200); }

  private static Long nullableLong(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static String cut(String s, int max) {
    if (s == null) return null;
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
