package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.courtyard.api.UserRef;
import org.courtyard.api.data.Database;

/** Quizzes, what they are made of, attempts and the answers saved in them. */
final class QuizStore {
  /** When learners see feedback: straight after submitting, or once the quiz has closed. */
  static final String FEEDBACK_IMMEDIATE = "immediate";
  static final String FEEDBACK_AFTER_CLOSE = "after-close";

  static final String OPEN = "open";
  static final String MARKING = "marking";
  static final String DONE = "done";

  record Quiz(long id, long spaceId, String title, String intro, Integer timeLimitMin, Instant opensAt, Instant closesAt,
              int attemptsAllowed, boolean shuffle, String feedback, boolean published) {
    boolean unlimited() { return attemptsAllowed <= 0; }
  }

  /** A fixed question, or {@code pick} questions at random from a category. */
  record Item(Long questionId, Long categoryId, int pick) {}

  record Attempt(long id, long quizId, long userId, String userName, int attemptNo, long seed, Instant startedAt, Instant deadline,
                 Instant submittedAt, boolean timedOut, String state, Double score, double maxScore) {
    boolean open() { return OPEN.equals(state); }

    /** The share of the marks earned, 0 to 1 (0 until marked). */
    double fraction() { return score == null ? 0 : score / Math.max(1e-9, maxScore); }
  }

  /** A learner's best fully marked try, by share of the marks (tries can differ in marks when questions are random). */
  static Optional<Attempt> best(List<Attempt> attempts) {
    return attempts.stream().filter(a -> DONE.equals(a.state()) && a.score() != null).max(java.util.Comparator.comparingDouble(Attempt::fraction));
  }

  record Slot(int slot, long questionId, String answer, Double score, String comment) {}

  private static final String QUIZ = "id, space_id, title, intro, time_limit_min, opens_at, closes_at, attempts_allowed, shuffle, feedback, published";
  private static final String ATTEMPT = "id, quiz_id, user_id, user_name, attempt_no, seed, started_at, deadline, submitted_at, timed_out, state, score, max_score";
  private final Database db;

  @Inject
  QuizStore(Database db) { this.db = db; }

  List<Quiz> quizzes(long spaceId) {
    return db.query("SELECT " + QUIZ + " FROM qz_quizzes WHERE space_id = ? ORDER BY created_at DESC, id DESC", QuizStore::quiz, spaceId);
  }

  Optional<Quiz> quiz(long spaceId, long id) {
    return db.queryOne("SELECT " + QUIZ + " FROM qz_quizzes WHERE id = ? AND space_id = ?", QuizStore::quiz, id, spaceId);
  }

  List<Item> items(long quizId) {
    return db.query("SELECT question_id, category_id, pick FROM qz_quiz_items WHERE quiz_id = ? ORDER BY pos", rs -> {
      long q = rs.getLong(1);
      Long questionId = rs.wasNull() ? null : q;
      long c = rs.getLong(2);
      Long categoryId = rs.wasNull() ? null : c;
      return new Item(questionId, categoryId, rs.getInt(3));
    }, quizId);
  }

  /** Saves a new quiz (id 0) or changes one, with what it is made of; returns its id. */
  long save(Quiz q, List<Item> items, long by) {
    return db.transaction(() -> {
      long id = q.id();
      if (id == 0) {
        id = db.insert("INSERT INTO qz_quizzes (space_id, title, intro, time_limit_min, opens_at, closes_at, attempts_allowed, shuffle, feedback,"
            + " published, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", q.spaceId(), q.title(), q.intro(), q.timeLimitMin(), q.opensAt(),
            q.closesAt(), q.attemptsAllowed(), q.shuffle(), q.feedback(), q.published(), by);
      } else {
        db.update("UPDATE qz_quizzes SET title = ?, intro = ?, time_limit_min = ?, opens_at = ?, closes_at = ?, attempts_allowed = ?, shuffle = ?,"
            + " feedback = ?, published = ? WHERE id = ?", q.title(), q.intro(), q.timeLimitMin(), q.opensAt(), q.closesAt(), q.attemptsAllowed(),
            q.shuffle(), q.feedback(), q.published(), id);
        db.update("DELETE FROM qz_quiz_items WHERE quiz_id = ?", id);
      }
      for (int i = 0; i < items.size(); i++) {
        Item it = items.get(i);
        db.update("INSERT INTO qz_quiz_items (quiz_id, pos, question_id, category_id, pick) VALUES (?, ?, ?, ?, ?)", id, i, it.questionId(), it.categoryId(), it.pick());
      }
      return id;
    });
  }

  List<Attempt> attempts(long quizId) {
    return db.query("SELECT " + ATTEMPT + " FROM qz_attempts WHERE quiz_id = ? ORDER BY user_name, attempt_no", QuizStore::attempt, quizId);
  }

  List<Attempt> attemptsOf(long quizId, long userId) {
    return db.query("SELECT " + ATTEMPT + " FROM qz_attempts WHERE quiz_id = ? AND user_id = ? ORDER BY attempt_no", QuizStore::attempt, quizId, userId);
  }

  Optional<Attempt> attempt(long quizId, long id) {
    return db.queryOne("SELECT " + ATTEMPT + " FROM qz_attempts WHERE id = ? AND quiz_id = ?", QuizStore::attempt, id, quizId);
  }

  /** Open attempts, in any space, whose time ran out before {@code before} (for the closing job). */
  List<Attempt> overdueEverywhere(Instant before) {
    return db.query("SELECT " + ATTEMPT + " FROM qz_attempts WHERE state = ? AND deadline < ? ORDER BY deadline", QuizStore::attempt, OPEN, before);
  }

  /** A quiz by id alone (for jobs, which have no space in hand). */
  Optional<Quiz> quizById(long id) {
    return db.queryOne("SELECT " + QUIZ + " FROM qz_quizzes WHERE id = ?", QuizStore::quiz, id);
  }

  /** Quizzes that have closed and whose closing nobody has been told of yet. */
  List<Quiz> closedUntold(Instant now) {
    return db.query("SELECT " + QUIZ + " FROM qz_quizzes WHERE close_told = FALSE AND closes_at IS NOT NULL AND closes_at <= ? ORDER BY closes_at",
        QuizStore::quiz, now);
  }

  /** Claims the telling of a quiz's closing; false if another run got there first. */
  boolean claimCloseTold(long quizId) {
    return db.update("UPDATE qz_quizzes SET close_told = TRUE WHERE id = ? AND close_told = FALSE", quizId) == 1;
  }

  /** Whoever set the quiz (0 once they were erased). */
  long creatorOf(long quizId) {
    return db.queryOne("SELECT created_by FROM qz_quizzes WHERE id = ?", rs -> rs.getLong(1), quizId).orElse(0L);
  }

  // ---- exports waiting to be cleared ----

  void exported(String fileKey, Instant at) { db.insert("INSERT INTO qz_exports (file_key, made_at) VALUES (?, ?)", fileKey, at); }

  record Export(long id, String fileKey) {}

  List<Export> exportsBefore(Instant before) {
    return db.query("SELECT id, file_key FROM qz_exports WHERE made_at < ? ORDER BY id", rs -> new Export(rs.getLong(1), rs.getString(2)), before);
  }

  void exportCleared(long id) { db.update("DELETE FROM qz_exports WHERE id = ?", id); }

  // ---- the agenda: what is waiting for a person and what is dated for them ----

  /** A quiz with tries waiting for a teacher's marking (written answers): how many, and since when the oldest. */
  record ToMark(long quizId, long spaceId, String title, int count, Instant oldest) {}

  private static String marks(int n) { return String.join(", ", java.util.Collections.nCopies(n, "?")); }

  private static Object[] params(Object... parts) {
    List<Object> out = new java.util.ArrayList<>();
    for (Object p : parts) {
      if (p instanceof java.util.Collection<?> c) out.addAll(c);
      else out.add(p);
    }
    return out.toArray();
  }

  /** Per quiz in these spaces, the handed-in tries still to be marked by a teacher: one query for every space. */
  List<ToMark> toMark(java.util.Collection<Long> spaceIds) {
    if (spaceIds.isEmpty()) return List.of();
    return db.query("SELECT q.id, q.space_id, q.title, COUNT(*), MIN(a.submitted_at) FROM qz_quizzes q JOIN qz_attempts a ON a.quiz_id = q.id"
        + " WHERE q.space_id IN (" + marks(spaceIds.size()) + ") AND a.state = ? GROUP BY q.id, q.space_id, q.title",
        rs -> new ToMark(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), instant(rs, 5)), params(spaceIds, MARKING));
  }

  /** A quiz open now that the learner has not handed in a try of (one in progress counts as not handed in), and since when it has been open. */
  record ToTake(long quizId, long spaceId, String title, Instant since) {}

  /** The published quizzes open {@code now} in these spaces that the learner has not handed in: one query. */
  List<ToTake> toTake(long userId, java.util.Collection<Long> spaceIds, Instant now) {
    if (spaceIds.isEmpty()) return List.of();
    return db.query("SELECT q.id, q.space_id, q.title, q.opens_at, q.created_at FROM qz_quizzes q WHERE q.space_id IN (" + marks(spaceIds.size()) + ")"
        + " AND q.published = TRUE AND (q.opens_at IS NULL OR q.opens_at <= ?) AND (q.closes_at IS NULL OR q.closes_at > ?)"
        + " AND NOT EXISTS (SELECT 1 FROM qz_attempts a WHERE a.quiz_id = q.id AND a.user_id = ? AND a.state <> ?)",
        rs -> {
          Instant opens = instant(rs, 4);
          return new ToTake(rs.getLong(1), rs.getLong(2), rs.getString(3), opens != null ? opens : instant(rs, 5));
        }, params(spaceIds, now, now, userId, OPEN));
  }

  /** The published quizzes in these spaces opening or closing from {@code from} to {@code to}: one query. */
  List<Quiz> datedBetween(java.util.Collection<Long> spaceIds, Instant from, Instant to) {
    if (spaceIds.isEmpty()) return List.of();
    return db.query("SELECT " + QUIZ + " FROM qz_quizzes WHERE space_id IN (" + marks(spaceIds.size()) + ") AND published = TRUE"
        + " AND ((opens_at >= ? AND opens_at < ?) OR (closes_at >= ? AND closes_at < ?)) ORDER BY id", QuizStore::quiz, params(spaceIds, from, to, from, to));
  }

  /** A person's handed-in tries' states (not those in progress), by quiz, for these quizzes: one query. */
  Map<Long, List<String>> handedInStates(long userId, java.util.Collection<Long> quizIds) {
    if (quizIds.isEmpty()) return Map.of();
    Map<Long, List<String>> out = new java.util.HashMap<>();
    db.query("SELECT quiz_id, state FROM qz_attempts WHERE user_id = ? AND state <> ? AND quiz_id IN (" + marks(quizIds.size()) + ")",
        rs -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)), params(userId, OPEN, quizIds));
    return out;
  }

  // ---- personal data ----

  /** Every try of one person, in any space. */
  List<Attempt> attemptsByUser(long userId) {
    return db.query("SELECT " + ATTEMPT + " FROM qz_attempts WHERE user_id = ? ORDER BY started_at, id", QuizStore::attempt, userId);
  }

  List<Quiz> quizzesSetBy(long userId) {
    return db.query("SELECT " + QUIZ + " FROM qz_quizzes WHERE created_by = ? ORDER BY id", QuizStore::quiz, userId);
  }

  /** Deletes a person's tries and answers; unlinks the quizzes they set (the class keeps them). Returns the rows changed. */
  long eraseRowsOf(long userId) {
    return db.transaction(() -> {
      long n = db.update("DELETE FROM qz_slots WHERE attempt_id IN (SELECT id FROM qz_attempts WHERE user_id = ?)", userId);
      n += db.update("DELETE FROM qz_attempts WHERE user_id = ?", userId);
      n += db.update("UPDATE qz_quizzes SET created_by = 0 WHERE created_by = ?", userId);
      return n;
    });
  }

  /**
   * Starts the learner's next attempt with the questions chosen for it. Returns empty when another
   * request started the same attempt at the same moment (the unique attempt number refused this one).
   */
  Optional<Long> start(long quizId, UserRef who, int attemptNo, long seed, Instant startedAt, Instant deadline, List<Long> questionIds, double maxScore) {
    try {
      return Optional.of(db.transaction(() -> {
        long id = db.insert("INSERT INTO qz_attempts (quiz_id, user_id, user_name, attempt_no, seed, started_at, deadline, state, max_score)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", quizId, who.id(), who.displayName(), attemptNo, seed, startedAt, deadline, OPEN, maxScore);
        for (int i = 0; i < questionIds.size(); i++) {
          db.update("INSERT INTO qz_slots (attempt_id, slot, question_id) VALUES (?, ?, ?)", id, i, questionIds.get(i));
        }
        return id;
      }));
    } catch (RuntimeException e) {
      if (!db.query("SELECT id FROM qz_attempts WHERE quiz_id = ? AND user_id = ? AND attempt_no = ?", rs -> rs.getLong(1), quizId, who.id(), attemptNo).isEmpty()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static java.util.Set<Long> questionIds(List<Slot> slots) {
    return slots.stream().map(Slot::questionId).collect(java.util.stream.Collectors.toSet());
  }

  /** Whether the question is in a try by one of these people. */
  boolean inTryOf(long questionId, java.util.Set<Long> userIds) {
    for (long user : userIds) {
      if (db.count("SELECT COUNT(*) FROM qz_slots s JOIN qz_attempts a ON a.id = s.attempt_id WHERE s.question_id = ? AND a.user_id = ?", questionId, user) > 0) return true;
    }
    return false;
  }

  List<Slot> slots(long attemptId) {
    return db.query("SELECT slot, question_id, answer, score, comment FROM qz_slots WHERE attempt_id = ? ORDER BY slot", rs -> {
      double s = rs.getDouble(4);
      Double score = rs.wasNull() ? null : s;
      return new Slot(rs.getInt(1), rs.getLong(2), rs.getString(3), score, rs.getString(5));
    }, attemptId);
  }

  /**
   * Saves answers into an attempt that is still open (only those that changed since {@code saved});
   * false if it was closed meanwhile, and then nothing is saved.
   */
  boolean saveAnswers(long attemptId, Map<Integer, String> answers, List<Slot> saved) {
    Map<Integer, String> before = new java.util.HashMap<>();
    for (Slot s : saved) before.put(s.slot(), s.answer());
    return db.transaction(() -> {
      // Locks the attempt row, so a hand-in or the time running out cannot close it halfway through.
      if (db.update("UPDATE qz_attempts SET state = state WHERE id = ? AND state = ?", attemptId, OPEN) == 0) return false;
      for (var e : answers.entrySet()) {
        if (e.getValue().equals(before.get(e.getKey()))) continue;
        db.update("UPDATE qz_slots SET answer = ? WHERE attempt_id = ? AND slot = ?", e.getValue(), attemptId, e.getKey());
      }
      return true;
    });
  }

  /**
   * Closes an open attempt with each slot's marks; false if it was already closed (by the other of a
   * learner's submit and the time running out).
   */
  boolean finish(long attemptId, Map<Integer, Double> marks, Double total, boolean needsMarking, Instant at, boolean timedOut) {
    return db.transaction(() -> {
      int changed = db.update("UPDATE qz_attempts SET state = ?, score = ?, submitted_at = ?, timed_out = ? WHERE id = ? AND state = ?",
          needsMarking ? MARKING : DONE, total, at, timedOut, attemptId, OPEN);
      if (changed == 0) return false;
      for (var e : marks.entrySet()) db.update("UPDATE qz_slots SET score = ? WHERE attempt_id = ? AND slot = ?", e.getValue(), attemptId, e.getKey());
      return true;
    });
  }

  /** A teacher's marks for some slots; the attempt's total and state follow from every slot's mark. */
  void mark(long attemptId, Map<Integer, Double> scores, Map<Integer, String> comments) {
    db.transaction(() -> {
      for (var e : scores.entrySet()) {
        db.update("UPDATE qz_slots SET score = ?, comment = ? WHERE attempt_id = ? AND slot = ?", e.getValue(), comments.get(e.getKey()), attemptId, e.getKey());
      }
      long unmarked = db.count("SELECT COUNT(*) FROM qz_slots WHERE attempt_id = ? AND score IS NULL", attemptId);
      double total = slots(attemptId).stream().mapToDouble(s -> s.score() == null ? 0 : s.score()).sum();
      db.update("UPDATE qz_attempts SET score = ?, state = ? WHERE id = ?", total, unmarked == 0 ? DONE : MARKING, attemptId);
      return null;
    });
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Quiz quiz(ResultSet rs) throws SQLException {
    int limit = rs.getInt(5);
    Integer timeLimit = rs.wasNull() ? null : limit;
    return new Quiz(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), timeLimit, instant(rs, 6), instant(rs, 7), rs.getInt(8),
        rs.getBoolean(9), rs.getString(10), rs.getBoolean(11));
  }

  private static Attempt attempt(ResultSet rs) throws SQLException {
    double score = rs.getDouble(12);
    Double s = rs.wasNull() ? null : score;
    return new Attempt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getLong(6), instant(rs, 7), instant(rs, 8),
        instant(rs, 9), rs.getBoolean(10), rs.getString(11), s, rs.getDouble(13));
  }
}
