package org.courtyard.core.calendar;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.courtyard.core.db.Db;

/** Term dates and closures a school sets: whole days in its own time zone, shown on everyone's calendar there. */
@Singleton
public final class SchoolDates {
  /** A term (or half term) or a closure (a training day, snow). */
  public enum Kind { TERM, HOLIDAY, CLOSURE }

  public record SchoolDate(long id, long schoolId, Kind kind, String name, LocalDate starts, LocalDate ends) {}

  private final Db db;

  @Inject
  public SchoolDates(Db db) { this.db = db; }

  /** Dates that touch the period from {@code from} to {@code to}, inclusive, earliest first. */
  public List<SchoolDate> between(long schoolId, LocalDate from, LocalDate to) {
    return db.query("SELECT id, school_id, kind, name, starts, ends FROM school_dates WHERE school_id = ? AND starts <= ? AND ends >= ? ORDER BY starts, id",
        rs -> new SchoolDate(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getDate(5).toLocalDate(),
            rs.getDate(6).toLocalDate()), schoolId, java.sql.Date.valueOf(to), java.sql.Date.valueOf(from));
  }

  public List<SchoolDate> all(long schoolId) { return between(schoolId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)); }

  public long add(long schoolId, Kind kind, String name, LocalDate starts, LocalDate ends) {
    if (ends.isBefore(starts)) throw new IllegalArgumentException("ends before it starts");
    return db.insert("INSERT INTO school_dates (school_id, kind, name, starts, ends) VALUES (?, ?, ?, ?, ?)",
        schoolId, kind.name(), name, java.sql.Date.valueOf(starts), java.sql.Date.valueOf(ends));
  }

  public Optional<SchoolDate> byId(long schoolId, long id) {
    return all(schoolId).stream().filter(d -> d.id() == id).findFirst();
  }

  public boolean delete(long schoolId, long id) { return db.update("DELETE FROM school_dates WHERE school_id = ? AND id = ?", schoolId, id) > 0; }
}
