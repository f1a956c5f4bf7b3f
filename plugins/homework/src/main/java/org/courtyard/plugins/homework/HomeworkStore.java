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
  record Task(long id, long spaceId, String title, String instructions, Instant dueAt, boolean forAll, boolean closesAtDue, long createdBy) {}

  /** {@code lang}, {@code feedbackLang}: the languages the answer and the teacher's comment are in, null for the page's. */
  record Submission(long id, long taskId, long userId, String userName, String body, String link, Instant submittedAt, boolean late,
                    String mark, String feedback, String markedBy, boolean returned, String lang, String feedbackLang) {
    /** Marked by someone on the staff whose data was erased (the row keeps {@link #FORMER_STAFF}). */
    public boolean markedByFormerStaff() { return FORMER_STAFF.equals(markedBy); }
  }

  record FileItem(long id, long submissionId, String fileKey, String fileName, String contentType) {}

  private static final String TASK = "id, space_id, title, instructions, due_at, for_all, closes_at_due, created_by";
  private static final String SUB = "id, task_id, user_id, user_name, body, link, submitted_at, late, mark, feedback, marked_by, returned, lang, feedback_lang";
  private final Database db;

  @Inject
  HomeworkStore(Database db) { this.db = db; }

  long create(long spaceId, String title, String instructions, Instant due, boolean closesAtDue, List<Long> named, long by, Instant now) {
    return db.transaction(() -> {
      long id = db.insert("INSERT INTO hw_tasks (space_id, title, instructions, due_at, for_all, closes_at_due, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          spaceId, title, instructions, due, named.isEmpty(), closesAtDue, by, now);
      for (long u : named) db.update("INSERT INTO hw_assignees (task_id, user_id) VALUES (?, ?)", id, u);
      return id;
    });
  }

  List<Task> tasks(long spaceId) {
    return db.query("SELECT " + TASK + " FROM hw_tasks WHERE space_id = ? ORDER BY due_at DESC", HomeworkStore::task, spaceId);
  }

  Optional<Task> task(long spaceId, long id) {
    return db.queryOne("SELECT " + TASK + " FROM hw_tasks WHERE id = ? AND space_id = ?", HomeworkStore::task, id, spaceId);
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

  /** Tasks whose due time has passed and whose teacher has not yet been told. */
  List<Task> pastDeadlineUntold(Instant now) {
    return db.query("SELECT " + TASK + " FROM hw_tasks WHERE deadline_passed = FALSE AND due_at <= ? ORDER BY due_at", HomeworkStore::task, now);
  }

  /** Claims the telling of a task's deadline; false if it was already claimed. */
  boolean markDeadlinePassed(long taskId) {
    return db.update("UPDATE hw_tasks SET deadline_passed = TRUE WHERE id = ? AND deadline_passed = FALSE", taskId) == 1;
  }

  /** Hands in (or hands in again, while not yet returned). */
  long handIn(long taskId, UserRef who, String body, String link, boolean late, Instant at, String lang) {
    Optional<Submission> old = submissionOf(taskId, who.id());
    if (old.isPresent()) {
      db.update("UPDATE hw_submissions SET body = ?, link = ?, submitted_at = ?, late = ?, lang = ? WHERE id = ?", body, link, at, late, lang, old.get().id());
      return old.get().id();
    }
    return db.insert("INSERT INTO hw_submissions (task_id, user_id, user_name, body, link, late, submitted_at, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        taskId, who.id(), who.displayName(), body, link, late, at, lang);
  }

  void mark(long id, String mark, String feedback, String feedbackLang, UserRef by, boolean returned) {
    db.update("UPDATE hw_submissions SET mark = ?, feedback = ?, feedback_lang = ?, marked_by = ?, marked_by_id = ?, returned = ? WHERE id = ?",
        mark, feedback, feedbackLang, by.displayName(), by.id(), returned, id);
  }

  // ---- The agenda: what is waiting for a person and what is dated for them ----

  /** A task with hand-ins not yet marked: how many, and when the oldest came in. */
  record ToMark(long taskId, long spaceId, String title, int count, Instant oldest) {}

  /**
   * A task set for one learner, as it stands for them: their own due time (an extension if they have
   * one), and their hand-in if there is one ({@code handedIn} false, {@code late} and {@code returned}
   * meaningless, when there is none).
   */
  record Own(long taskId, long spaceId, String title, Instant setAt, Instant due, boolean closesAtDue, boolean handedIn, boolean late,
             boolean returned) {}

  private static String marks(int n) { return String.join(", ", java.util.Collections.nCopies(n, "?")); }

  private static Object[] params(Object... parts) {
    List<Object> out = new java.util.ArrayList<>();
    for (Object p : parts) {
      if (p instanceof java.util.Collection<?> c) out.addAll(c);
      else out.add(p);
    }
    return out.toArray();
  }

  /** Per task in these spaces, the hand-ins with no mark yet: one query for every space. */
  List<ToMark> toMark(java.util.Collection<Long> spaceIds) {
    if (spaceIds.isEmpty()) return List.of();
    return db.query("SELECT t.id, t.space_id, t.title, COUNT(*), MIN(s.submitted_at) FROM hw_tasks t JOIN hw_submissions s ON s.task_id = t.id"
        + " WHERE t.space_id IN (" + marks(spaceIds.size()) + ") AND s.mark IS NULL GROUP BY t.id, t.space_id, t.title",
        rs -> new ToMark(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant()), params(spaceIds));
  }

  /**
   * The tasks set for a learner (for everyone in {@code classSpaces}, or naming them in any of {@code
   * spaces}) with where each stands for them: one query. {@code notHandedIn} keeps only those with no
   * hand-in; {@code from}/{@code to}, when given, keep only those whose due time (theirs) falls between.
   */
  List<Own> setFor(long userId, java.util.Collection<Long> spaces, java.util.Collection<Long> classSpaces, boolean notHandedIn,
                   Instant from, Instant to) {
    if (spaces.isEmpty()) return List.of();
    String forAll = classSpaces.isEmpty() ? "" : "(t.for_all = TRUE AND t.space_id IN (" + marks(classSpaces.size()) + ")) OR ";
    String due = "COALESCE(e.due_at, t.due_at)";
    String sql = "SELECT t.id, t.space_id, t.title, t.created_at, " + due + ", t.closes_at_due, s.id, s.late, s.returned FROM hw_tasks t"
        + " LEFT JOIN hw_extensions e ON e.task_id = t.id AND e.user_id = ? LEFT JOIN hw_submissions s ON s.task_id = t.id AND s.user_id = ?"
        + " WHERE t.space_id IN (" + marks(spaces.size()) + ") AND (" + forAll
        + "EXISTS (SELECT 1 FROM hw_assignees a WHERE a.task_id = t.id AND a.user_id = ?))"
        + (notHandedIn ? " AND s.id IS NULL" : "")
        + (from != null ? " AND ((e.due_at >= ? AND e.due_at < ?) OR (e.due_at IS NULL AND t.due_at >= ? AND t.due_at < ?))" : "")
        + " ORDER BY " + due;
    Object[] p = from != null ? params(userId, userId, spaces, classSpaces, userId, from, to, from, to) : params(userId, userId, spaces, classSpaces, userId);
    return db.query(sql, rs -> {
      rs.getLong(7);
      boolean in = !rs.wasNull();
      return new Own(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6),
          in, in && rs.getBoolean(8), in && rs.getBoolean(9));
    }, p);
  }

  /** Every task in these spaces due from {@code from} to {@code to}: one query. */
  List<Task> dueBetween(java.util.Collection<Long> spaceIds, Instant from, Instant to) {
    if (spaceIds.isEmpty()) return List.of();
    return db.query("SELECT " + TASK + " FROM hw_tasks WHERE space_id IN (" + marks(spaceIds.size()) + ") AND due_at >= ? AND due_at < ? ORDER BY due_at",
        HomeworkStore::task, params(spaceIds, from, to));
  }

  // ---- Personal data ----

  /** Every hand-in of one learner, with the task's title and space. */
  List<Submission> submissionsOf(long userId) {
    return db.query("SELECT " + SUB + " FROM hw_submissions WHERE user_id = ? ORDER BY submitted_at", HomeworkStore::submission, userId);
  }

  /** Task id → title, for the export. */
  Optional<Task> taskById(long id) {
    return db.queryOne("SELECT " + TASK + " FROM hw_tasks WHERE id = ?", HomeworkStore::task, id);
  }

  List<Task> tasksSetBy(long userId) {
    return db.query("SELECT " + TASK + " FROM hw_tasks WHERE created_by = ? ORDER BY due_at", HomeworkStore::task, userId);
  }

  record Extension(long taskId, Instant dueAt) {}

  List<Extension> extensionsOf(long userId) {
    return db.query("SELECT task_id, due_at FROM hw_extensions WHERE user_id = ? ORDER BY task_id",
        rs -> new Extension(rs.getLong(1), rs.getTimestamp(2).toInstant()), userId);
  }

  /** The learner's files (for deleting from the file store). */
  List<FileItem> filesOf(long userId) {
    return db.query("SELECT f.id, f.submission_id, f.file_key, f.file_name, f.content_type FROM hw_files f JOIN hw_submissions s ON s.id = f.submission_id"
        + " WHERE s.user_id = ? ORDER BY f.id", HomeworkStore::fileItem, userId);
  }

  void deleteFile(long fileId) { db.update("DELETE FROM hw_files WHERE id = ?", fileId); }

  /**
   * Removes what is the learner's (hand-ins, extensions, being named on a task) and anonymises what the
   * class still needs (tasks they set, the name shown with marks they gave); returns the rows touched.
   */
  long eraseRowsOf(long userId, String formerName) {
    return db.transaction(() -> {
      long n = db.update("DELETE FROM hw_files WHERE submission_id IN (SELECT id FROM hw_submissions WHERE user_id = ?)", userId);
      n += db.update("DELETE FROM hw_submissions WHERE user_id = ?", userId);
      n += db.update("DELETE FROM hw_extensions WHERE user_id = ?", userId);
      n += db.update("DELETE FROM hw_assignees WHERE user_id = ?", userId);
      n += db.update("UPDATE hw_tasks SET created_by = 0 WHERE created_by = ?", userId);
      n += db.update("UPDATE hw_submissions SET marked_by = ?, marked_by_id = NULL WHERE marked_by_id = ?", FORMER_STAFF, userId);
      if (formerName != null) {
        // Marks given before marked_by_id was kept: matched by the name they were given under.
        n += db.update("UPDATE hw_submissions SET marked_by = ? WHERE marked_by_id IS NULL AND marked_by = ?", FORMER_STAFF, formerName);
      }
      return n;
    });
  }

  /** Kept in the row for marks an erased teacher gave; pages show it in the reader's words (homework.submission.formerStaff). */
  static final String FORMER_STAFF = "a former member of staff";

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
    return new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6),
        rs.getBoolean(7), rs.getLong(8));
  }

  private static Submission submission(ResultSet rs) throws SQLException {
    return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12),
        rs.getString(13), rs.getString(14));
  }
}
