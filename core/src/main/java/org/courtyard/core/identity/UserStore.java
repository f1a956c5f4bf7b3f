package org.courtyard.core.identity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.UserKind;
import org.courtyard.api.event.UserCreated;
import org.courtyard.core.db.Db;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.i18n.Refusal;
import org.courtyard.core.i18n.Words;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.relationships.RelationshipsChanged;

/** Accounts and parent–child links. */
@Singleton
public final class UserStore {
  private static final String COLUMNS = "id, school_id, username, display_name, kind, email, avatar, disabled, site_admin,"
      + " locked_until, failed_logins, password_hash, picture_hash, picture_length, external_id, source";
  private final Db db;
  private final Passwords passwords;
  private final EventHub events;
  private final SignInCounters counters;

  @Inject
  public UserStore(Db db, Passwords passwords, EventHub events, SignInCounters counters) {
    this.counters = counters;
    this.db = db;
    this.passwords = passwords;
    this.events = events;
  }

  /** What a new account needs; password and picture sequence are optional. */
  public record NewUser(Long schoolId, String username, String displayName, UserKind kind, String email,
                        String password, String avatar, boolean siteAdmin) {}

  public User create(NewUser n) {
    String username = normaliseUsername(n.username());
    if (!username.matches("[a-z0-9][a-z0-9._-]{1,79}")) {
      throw new Refusal("people.usernameRule");
    }
    if (n.displayName() == null || n.displayName().isBlank()) throw new Refusal("people.enterName");
    if (byUsername(username).isPresent()) throw new Refusal("people.usernameTaken", "username", username);
    String hash = null;
    if (n.password() != null && !n.password().isEmpty()) {
      Words weak = Passwords.weakness(n.password(), username);
      if (weak != null) throw new Refusal(weak);
      hash = passwords.hash(n.password());
    }
    String avatar = n.avatar() != null ? n.avatar() : Pictures.AVATARS.get(Math.floorMod(username.hashCode(), Pictures.AVATARS.size())).name();
    long id = db.insert("INSERT INTO users (school_id, username, display_name, kind, email, password_hash, avatar, site_admin)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        n.schoolId(), username, n.displayName().trim(), n.kind(), blankToNull(n.email()), hash, avatar, n.siteAdmin());
    User user = byId(id).orElseThrow();
    events.publishAfterCommit(new UserCreated(id, n.schoolId() == null ? 0 : n.schoolId(), n.kind()));
    return user;
  }

  public Optional<User> byId(long id) {
    return db.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::map, id);
  }

  /** Several accounts in one query (a teacher's list of pupils), in no particular order. */
  public List<User> byIds(java.util.Collection<Long> ids) {
    List<User> out = new java.util.ArrayList<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      out.addAll(db.query("SELECT " + COLUMNS + " FROM users WHERE id IN (" + marks + ")", UserStore::map, chunk.toArray()));
    }
    return out;
  }

  public Optional<User> byUsername(String username) {
    return db.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", UserStore::map, normaliseUsername(username));
  }

  public List<User> bySchool(long schoolId) {
    return db.query("SELECT " + COLUMNS + " FROM users WHERE school_id = ? ORDER BY display_name", UserStore::map, schoolId);
  }

  public List<User> search(long schoolId, String text, int limit) {
    String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    return db.query("SELECT " + COLUMNS + " FROM users WHERE school_id = ? AND (LOWER(display_name) LIKE ? OR username LIKE ?)"
        + " ORDER BY display_name FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
        UserStore::map, schoolId, like, like);
  }

  public void update(long id, String displayName, UserKind kind, String email) {
    if (displayName == null || displayName.isBlank()) throw new Refusal("people.enterName");
    db.update("UPDATE users SET display_name = ?, kind = ?, email = ? WHERE id = ?", displayName.trim(), kind, blankToNull(email), id);
    relationshipsChanged(id);
  }

  /** A change to who someone is (kind, name, on/off) changes who is whose; every node forgets what it knew. */
  private void relationshipsChanged(long userId) {
    byId(userId).ifPresent(u -> events.publishAfterCommit(new RelationshipsChanged(u.schoolId() == null ? 0 : u.schoolId())));
  }

  public void setPassword(long id, String password) {
    User u = byId(id).orElseThrow();
    Words weak = Passwords.weakness(password, u.username());
    if (weak != null) throw new Refusal(weak);
    db.transaction(() -> {
      db.update("UPDATE users SET password_hash = ? WHERE id = ?", passwords.hash(password), id);
      // A chosen password replaces the first-login code an import handed out.
      db.update("DELETE FROM first_login_codes WHERE user_id = ?", id);
      return null;
    });
  }

  /** Whether this is the account's first-login code from an import (compared in constant time). */
  public boolean firstLoginCodeMatches(long id, String code) {
    String stored = db.queryOne("SELECT code FROM first_login_codes WHERE user_id = ?", rs -> rs.getString(1), id).orElse(null);
    if (stored == null || code == null) return false;
    return java.security.MessageDigest.isEqual(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        code.trim().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public boolean hasFirstLoginCode(long id) { return db.count("SELECT COUNT(*) FROM first_login_codes WHERE user_id = ?", id) > 0; }

  public boolean passwordMatches(long id, String password) {
    String hash = db.queryOne("SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    return passwords.matches(password, hash);
  }

  public void setPictureSequence(long id, List<String> pictures) {
    db.update("UPDATE users SET picture_hash = ?, picture_length = ? WHERE id = ?", passwords.hash(Pictures.sequence(pictures)), pictures.size(), id);
  }

  public boolean pictureSequenceMatches(long id, List<String> pictures) {
    String hash = db.queryOne("SELECT picture_hash FROM users WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    String attempt;
    try {
      attempt = Pictures.attempt(pictures);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return passwords.matches(attempt, hash);
  }

  public void setAvatar(long id, String avatar) { db.update("UPDATE users SET avatar = ? WHERE id = ?", avatar, id); }

  /** Switches an account off or on; switching on also forgets that the person left. */
  public void setDisabled(long id, boolean disabled) {
    if (disabled) db.update("UPDATE users SET disabled = TRUE WHERE id = ?", id);
    else db.update("UPDATE users SET disabled = FALSE, left_at = NULL WHERE id = ?", id);
    relationshipsChanged(id);
  }

  /**
   * Marks a person as a leaver: the account is switched off, their work kept until the school's
   * retention time after {@code at} passes, and tools hear of it ({@link org.courtyard.api.event.PersonLeft}).
   */
  public void markLeft(long id, java.time.Instant at) {
    db.update("UPDATE users SET disabled = TRUE, left_at = ? WHERE id = ? AND left_at IS NULL", java.sql.Timestamp.from(at), id);
    db.update("UPDATE users SET disabled = TRUE WHERE id = ?", id);
    relationshipsChanged(id);
    byId(id).ifPresent(u -> events.publishAfterCommit(new org.courtyard.api.event.PersonLeft(id, u.schoolId() == null ? 0 : u.schoolId())));
  }

  public void setSiteAdmin(long id, boolean admin) { db.update("UPDATE users SET site_admin = ? WHERE id = ?", admin, id); }

  public void recordSuccess(long id) {
    db.update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)", id);
  }

  /** Lets the person try again at once: clears the pause and every sign-in counter of the account, from every address. */
  public void unlock(long id) {
    recordSuccess(id);
    byId(id).ifPresent(u -> {
      counters.clear("child", Long.toString(id));
      counters.clear("acct", u.username());
    });
  }

  /** Shows the account as paused until then (picture sign-in after too many wrong tries). */
  public void lockUntil(long id, Instant until) { db.update("UPDATE users SET locked_until = ? WHERE id = ?", until, id); }

  public void linkParent(long parentId, long childId) { linkParent(parentId, childId, "Parent", Relationships.CarerLevel.FULL); }

  /** Links a parent or carer to a learner ({@code relation} as the school names it: "Mother", "Foster carer"…), or updates the link. */
  public void linkParent(long parentId, long childId, String relation, Relationships.CarerLevel level) {
    String named = relation == null || relation.isBlank() ? "Parent" : relation.trim();
    if (named.length() > 40) throw new Refusal("people.relationTooLong", "max", 40);
    User parent = byId(parentId).orElseThrow(() -> new Refusal("people.noSuchParent"));
    User child = byId(childId).orElseThrow(() -> new Refusal("people.noSuchLearner"));
    if (parent.kind() != UserKind.PARENT) throw new Refusal("people.notParent", "name", parent.displayName());
    if (child.kind() != UserKind.LEARNER) throw new Refusal("people.notLearner", "name", child.displayName());
    if (parent.schoolId() == null || !parent.schoolId().equals(child.schoolId())) {
      throw new Refusal("people.notSameSchool", "parent", parent.displayName(), "child", child.displayName());
    }
    if (db.update("UPDATE parent_links SET relation = ?, carer_level = ? WHERE parent_id = ? AND child_id = ?", named, level.name(), parentId, childId) == 0) {
      db.update("INSERT INTO parent_links (parent_id, child_id, relation, carer_level) VALUES (?, ?, ?, ?)", parentId, childId, named, level.name());
    }
    relationshipsChanged(childId);
  }

  public void unlinkParent(long parentId, long childId) {
    if (db.update("DELETE FROM parent_links WHERE parent_id = ? AND child_id = ?", parentId, childId) > 0) relationshipsChanged(childId);
  }

  public List<User> childrenOf(long parentId) {
    return db.query("SELECT " + prefixed("u") + " FROM users u JOIN parent_links p ON p.child_id = u.id WHERE p.parent_id = ? ORDER BY u.display_name",
        UserStore::map, parentId);
  }

  public List<User> parentsOf(long childId) {
    return db.query("SELECT " + prefixed("u") + " FROM users u JOIN parent_links p ON p.parent_id = u.id WHERE p.child_id = ? ORDER BY u.display_name",
        UserStore::map, childId);
  }

  public boolean isParentOf(long parentId, long childId) {
    return db.count("SELECT COUNT(*) FROM parent_links WHERE parent_id = ? AND child_id = ?", parentId, childId) > 0;
  }

  public long count() { return db.count("SELECT COUNT(*) FROM users"); }

  /** How many accounts of each kind a school has, for the admin overview. */
  public java.util.Map<UserKind, Long> countsByKind(long schoolId) {
    java.util.Map<UserKind, Long> m = new java.util.EnumMap<>(UserKind.class);
    db.query("SELECT kind, COUNT(*) FROM users WHERE school_id = ? GROUP BY kind", rs -> m.put(UserKind.valueOf(rs.getString(1)), rs.getLong(2)), schoolId);
    return m;
  }

  public static String normaliseUsername(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  private static String prefixed(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

  static User map(ResultSet rs) throws SQLException {
    long school = rs.getLong("school_id");
    Long schoolId = rs.wasNull() ? null : school;
    return new User(rs.getLong("id"), schoolId, rs.getString("username"), rs.getString("display_name"),
        UserKind.valueOf(rs.getString("kind")), rs.getString("email"), rs.getString("avatar"), rs.getBoolean("disabled"),
        rs.getBoolean("site_admin"), Db.instant(rs, "locked_until"), rs.getInt("failed_logins"),
        rs.getString("password_hash") != null, rs.getString("picture_hash") != null, rs.getInt("picture_length"),
        rs.getString("external_id"), rs.getString("source"));
  }
}
