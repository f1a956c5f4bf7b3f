package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** The tool's table. Parameters are always bound: never build SQL from input. */
final class NoteStore {
  record Note(long id, String author, String body, Instant at, String lang) {}

  private final Database db;

  @Inject
  NoteStore(Database db) { this.db = db; }

  List<Note> latest(SpaceRef space) {
    return db.query("SELECT id, author_name, body, created_at, lang FROM hello_notes WHERE space_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST 50 ROWS ONLY",
        rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)), space.id());
  }

  long add(SpaceRef space, UserRef author, String body, Instant at, String lang) {
    return db.insert("INSERT INTO hello_notes (space_id, author_id, author_name, body, created_at, lang) VALUES (?, ?, ?, ?, ?, ?)",
        space.id(), author.id(), author.displayName(), body, Timestamp.from(at), lang);
  }

  /** One person's notes, in every space, for their subject access download. */
  List<Note> by(long authorId) {
    return db.query("SELECT id, author_name, body, created_at, lang FROM hello_notes WHERE author_id = ? ORDER BY created_at, id",
        rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)), authorId);
  }

  int deleteBy(long authorId) { return db.update("DELETE FROM hello_notes WHERE author_id = ?", authorId); }

  int deleteOlderThan(Instant cutoff) { return db.update("DELETE FROM hello_notes WHERE created_at < ?", Timestamp.from(cutoff)); }
}
