package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** The tool's table. Parameters are always bound: never build SQL from input. */
final class NoteStore {
  record Note(long id, String author, String body, Instant at) {}

  private final Database db;

  @Inject
  NoteStore(Database db) { this.db = db; }

  List<Note> latest(SpaceRef space) {
    return db.query("SELECT id, author_name, body, created_at FROM hello_notes WHERE space_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST 50 ROWS ONLY",
        rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), space.id());
  }

  long add(SpaceRef space, UserRef author, String body) {
    return db.insert("INSERT INTO hello_notes (space_id, author_id, author_name, body) VALUES (?, ?, ?, ?)",
        space.id(), author.id(), author.displayName(), body);
  }
}
