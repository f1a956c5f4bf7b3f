package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** Tasks, who they are for, extensions, hand-ins and marks. */
final class HomeworkStore {
  record Task(long id, long spaceId, String title, String instructions, Instant dueAt, boolean forAll) {}

  record Submission(long id, long taskId, long userId, String userName, String body, String link, Instant submittedAt, boolean late,
                    String mark, String feedback, String markedBy, boolean returned) {}

  record FileItem(long id, long submissionId, String fileKey, String fileName, String contentType) {}

  private static final String SUB = "id, task_id, user_id, user_name, body, link, submitted_at, late, mark, feedback, marked_by, returned";
  private final Database db;

  @Inject
  HomeworkStore(Database db) { this.db = db; }

  long create(long spaceId, String title, String instructions, Instant due, List<Long> named, long by) {
    return db.transaction(() -> {
      long id = db.insert("INSERT INTO hw_tasks (space_id, title, instructions, due_at, for_all, created_by) VALUES (?, ?, ?, ?, ?, ?)",
          spaceId, title, instructions, due, named.isEmpty(), by);
      for (long u : named) db.update("INSERT INTO hw_assignees (task_id, user_id) VALUES (?, ?)", id, u);
      return id;
    });
  }

  List<Task> tasks(long spaceId) {
    return db.query("SELECT id, space_id, title, instructions, due_at, for_all FROM hw_tasks WHERE space_id = ? ORDER BY due_at DESC", HomeworkStore::task, spaceId);
  }

  Optional<Task> task(long spaceId, long id) {
    return db.queryOne("SELECT id, space_id, title, instructions, due_at, for_all FROM hw_tasks WHERE id = ? AND space_id = ?", HomeworkStore::task, id, spaceId);
  }

  List<Long> named(long taskId) { return db.query("SELECT user_id FROM hw_assignees WHERE task_id = ?", rs -> rs.getLong(1), taskId); }

  /** The learner's own due time: their extension if they have one. */
  Instant dueFor(Task t, long userId) {
    return db.queryOne("SELECT due_at FROM hw_extensions WHERE task_id = ? AND user_id = ?", rs -> rs.getTimestamp(1).toInstant(), t.id(), userId).orElse(t.dueAt());
  }

  void extend(long taskId, long userId, Instant due) {
    if (db.update("UPDATE hw_extensions SET due_at = ? WHERE task_id = ? AND user_id = ?", due, taskId, userId) == 0) {
      db.update("INSERT INTO hw_extensions (task_id, user_id, due_at) VALUES (?, ?, ?)", taskId, userId, due);
    }
  }

  Optional<Submission> submissionOf(long taskId, long userId) {
    return db.queryOne("SELECT " + SUB + " FROM hw_submissions WHERE task_id = ? AND user_id = ?", HomeworkStore::submission, taskId, userId);
  }

  Optional<Submission> submission(long taskId, long id) {
    return db.queryOne("SELECT " + SUB + " FROM hw_submissions WHERE id = ? AND task_id = ?", HomeworkStore::submission, id, taskId);
  }

  List<Submission> submissions(long taskId) {
    return db.query("SELECT " + SUB + " FROM hw_submissions WHERE task_id = ? ORDER BY user_name", HomeworkStore::submission, taskId);
  }

  /** Hands in (or hands in again, while not yet returned). */
  long handIn(long taskId, UserRef who, String body, String link, boolean late) {
    Optional<Submission> old = submissionOf(taskId, who.id());
    if (old.isPresent()) {
      db.update("UPDATE hw_submissions SET body = ?, link = ?, submitted_at = CURRENT_TIMESTAMP, late = ? WHERE id = ?", body, link, late, old.get().id());
      return old.get().id();
    }
    return db.insert("INSERT INTO hw_submissions (task_id, user_id, user_name, body, link, late) VALUES (?, ?, ?, ?, ?, ?)",
        taskId, who.id(), who.displayName(), body, link, late);
  }

  void mark(long id, String mark, String feedback, String by, boolean returned) {
    db.update("UPDATE hw_submissions SET mark = ?, feedback = ?, marked_by = ?, returned = ? WHERE id = ?", mark, feedback, by, returned, id);
  }

  void addFile(long submissionId, String key, String name, String type) {
    db.insert("INSERT INTO hw_files (submission_id, file_key, file_name, content_type) VALUES (?, ?, ?, ?)", submissionId, key, name, type);
  }

  List<FileItem> files(long submissionId) {
    return db.query("SELECT id, submission_id, file_key, file_name, content_type FROM hw_files WHERE submission_id = ? ORDER BY id",
        HomeworkStore::fileItem, submissionId);
  }

  Optional<FileItem> file(long id) {
    return db.queryOne("SELECT id, submission_id, file_key, file_name, content_type FROM hw_files WHERE id = ?",
        HomeworkStore::fileItem, id);
  }

  Optional<Submission> submissionById(long id) {
    return db.queryOne("SELECT " + SUB + " FROM hw_submissions WHERE id = ?", HomeworkStore::submission, id);
  }

  private static FileItem fileItem(ResultSet rs) throws SQLException {
    return new FileItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  private static Task task(ResultSet rs) throws SQLException {
    return new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6));
  }

  private static Submission submission(ResultSet rs) throws SQLException {
    return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12));
  }
}
