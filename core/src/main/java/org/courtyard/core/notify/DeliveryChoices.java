package org.courtyard.core.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.UserKind;
import org.courtyard.core.db.Db;

/**
 * Who gets which kind of notification how: a person's own choice for the kind, else their own choice
 * for every kind, else their school's default for people of their kind, else the built-in default
 * (parents and learners by e-mail at once — most young learners have no address, and a learner's
 * e-mail waits for the end of the school's quiet hours — staff in one daily digest, as a teacher's
 * day brings many). Guests on the site only.
 */
@Singleton
public final class DeliveryChoices {
  /** A person's choice for every kind they have not chosen one by one. */
  public static final String EVERY_KIND = "*";
  /** The name a digest's unsubscribe link stops: no more digests (every kind on the site only). */
  public static final String EVERY_KIND_DIGEST = "digest";

  private final Db db;

  @Inject
  public DeliveryChoices(Db db) { this.db = db; }

  public static Delivery builtIn(UserKind kind) {
    return switch (kind) {
      case PARENT, LEARNER -> Delivery.EMAIL;
      case STAFF -> Delivery.DIGEST;
      case GUEST -> Delivery.SITE;
    };
  }

  /** How {@code kindKey} reaches the person. */
  public Delivery delivery(long userId, Long schoolId, UserKind userKind, String kindKey) {
    Map<String, Delivery> own = own(userId);
    if (kindKey != null && own.containsKey(kindKey)) return own.get(kindKey);
    if (own.containsKey(EVERY_KIND)) return own.get(EVERY_KIND);
    return schoolDefaults(schoolId).getOrDefault(userKind, builtIn(userKind));
  }

  /** The person's own choices by kind ({@link #EVERY_KIND} for all). */
  public Map<String, Delivery> own(long userId) {
    Map<String, Delivery> out = new HashMap<>();
    for (String[] r : db.query("SELECT kind_key, delivery FROM notification_choices WHERE user_id = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, userId)) {
      out.put(r[0], Delivery.of(r[1], Delivery.SITE));
    }
    return out;
  }

  public void choose(long userId, String kindKey, Delivery delivery) {
    db.transaction(() -> {
      db.update("DELETE FROM notification_choices WHERE user_id = ? AND kind_key = ?", userId, kindKey);
      if (delivery != null) db.update("INSERT INTO notification_choices (user_id, kind_key, delivery) VALUES (?, ?, ?)", userId, kindKey, delivery.name());
      return null;
    });
  }

  /** The school's defaults per kind of person (built-in ones where it set none). */
  public Map<UserKind, Delivery> schoolDefaults(Long schoolId) {
    Map<UserKind, Delivery> out = new EnumMap<>(UserKind.class);
    if (schoolId == null) return out;
    for (String[] r : db.query("SELECT user_kind, delivery FROM notification_defaults WHERE school_id = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, schoolId)) {
      try {
        out.put(UserKind.valueOf(r[0]), Delivery.of(r[1], Delivery.SITE));
      } catch (IllegalArgumentException e) {
        // a kind of person this version does not know: ignored
      }
    }
    return out;
  }

  public void setSchoolDefault(long schoolId, UserKind kind, Delivery delivery) {
    db.transaction(() -> {
      db.update("DELETE FROM notification_defaults WHERE school_id = ? AND user_kind = ?", schoolId, kind.name());
      db.update("INSERT INTO notification_defaults (school_id, user_kind, delivery) VALUES (?, ?, ?)", schoolId, kind.name(), delivery.name());
      return null;
    });
  }

  /** Learners' quiet hours at the school, if it set them: from, to (may wrap past midnight). */
  public record QuietHours(LocalTime from, LocalTime to) {
    /** Whether {@code t} falls inside them. */
    public boolean covers(LocalTime t) {
      return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
  }

  public Optional<QuietHours> quietHours(Long schoolId) {
    if (schoolId == null) return Optional.empty();
    return db.queryOne("SELECT quiet_from, quiet_to FROM schools WHERE space_id = ?", rs -> {
      int from = rs.getInt(1);
      if (rs.wasNull()) return null;
      int to = rs.getInt(2);
      if (rs.wasNull() || from == to) return null;
      return new QuietHours(LocalTime.ofSecondOfDay(from * 60L), LocalTime.ofSecondOfDay(to * 60L));
    }, schoolId);
  }

  public void setQuietHours(long schoolId, LocalTime from, LocalTime to) {
    db.update("UPDATE schools SET quiet_from = ?, quiet_to = ? WHERE space_id = ?",
        from == null ? null : from.getHour() * 60 + from.getMinute(), to == null ? null : to.getHour() * 60 + to.getMinute(), schoolId);
  }
}
