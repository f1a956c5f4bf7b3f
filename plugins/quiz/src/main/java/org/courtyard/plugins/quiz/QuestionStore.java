package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.courtyard.api.data.Database;

/** The question bank: categories, questions and their options. */
final class QuestionStore {
  record Category(long id, String name, long questions) {}

  private static final String COLUMNS = "q.id, q.space_id, q.category_id, c.name, q.qtype, q.title, q.prompt, q.points, q.case_sensitive,"
      + " q.num_answer, q.tolerance, q.gap_text, q.feedback, q.image_key, q.image_type, q.audio_key, q.audio_type";
  private static final String FROM = " FROM qz_questions q LEFT JOIN qz_categories c ON c.id = q.category_id";
  private final Database db;

  @Inject
  QuestionStore(Database db) { this.db = db; }

  List<Category> categories(long spaceId) {
    return db.query("SELECT c.id, c.name, (SELECT COUNT(*) FROM qz_questions q WHERE q.category_id = c.id AND q.deleted = FALSE)"
        + " FROM qz_categories c WHERE c.space_id = ? ORDER BY c.name", rs -> new Category(rs.getLong(1), rs.getString(2), rs.getLong(3)), spaceId);
  }

  Optional<Category> category(long spaceId, long id) {
    return categories(spaceId).stream().filter(c -> c.id() == id).findFirst();
  }

  /** The category of that name in the space, made if it is new. */
  long categoryNamed(long spaceId, String name) {
    return db.transaction(() -> db.queryOne("SELECT id FROM qz_categories WHERE space_id = ? AND name = ?", rs -> rs.getLong(1), spaceId, name)
        .orElseGet(() -> db.insert("INSERT INTO qz_categories (space_id, name) VALUES (?, ?)", spaceId, name)));
  }

  /** The bank of a space, by category then title. */
  List<Question> questions(long spaceId) {
    return withChoices(db.query("SELECT " + COLUMNS + FROM + " WHERE q.space_id = ? AND q.deleted = FALSE ORDER BY c.name, q.title, q.id",
        QuestionStore::question, spaceId), "SELECT ch.question_id, ch.pos, ch.text, ch.correct, ch.match_text FROM qz_choices ch"
        + " JOIN qz_questions q ON q.id = ch.question_id WHERE q.space_id = ? AND q.deleted = FALSE ORDER BY ch.question_id, ch.pos", spaceId);
  }

  Optional<Question> question(long spaceId, long id) {
    return db.queryOne("SELECT " + COLUMNS + FROM + " WHERE q.id = ? AND q.space_id = ? AND q.deleted = FALSE", QuestionStore::question, id, spaceId)
        .map(q -> withChoices(List.of(q), "SELECT question_id, pos, text, correct, match_text FROM qz_choices WHERE question_id = ? ORDER BY pos", id).get(0));
  }

  /**
   * Questions with their options, by id, deleted ones included (an attempt still shows them). Looked
   * up by key only: a scan of the answer tables would wait on every learner saving at that moment.
   */
  Map<Long, Question> withOptions(Collection<Long> ids) {
    if (ids.isEmpty()) return Map.of();
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    Object[] params = ids.toArray();
    List<Question> qs = withChoices(db.query("SELECT " + COLUMNS + FROM + " WHERE q.id IN (" + marks + ")", QuestionStore::question, params),
        "SELECT question_id, pos, text, correct, match_text FROM qz_choices WHERE question_id IN (" + marks + ") ORDER BY question_id, pos", params);
    return qs.stream().collect(Collectors.toMap(Question::id, q -> q));
  }

  /** Questions by id, deleted ones included (results of past attempts name them); one query, choices not loaded. */
  Map<Long, Question> byIds(long spaceId, Collection<Long> ids) {
    if (ids.isEmpty()) return Map.of();
    List<Object> params = new ArrayList<>(ids);
    params.add(spaceId);
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return db.query("SELECT " + COLUMNS + FROM + " WHERE q.id IN (" + marks + ") AND q.space_id = ?", QuestionStore::question, params.toArray())
        .stream().collect(Collectors.toMap(Question::id, q -> q));
  }

  /** The ids of the questions in the bank now (not taken out). */
  java.util.Set<Long> liveIds(long spaceId) {
    return new java.util.HashSet<>(db.query("SELECT id FROM qz_questions WHERE space_id = ? AND deleted = FALSE", rs -> rs.getLong(1), spaceId));
  }

  List<Long> idsInCategory(long spaceId, long categoryId) {
    return db.query("SELECT id FROM qz_questions WHERE space_id = ? AND category_id = ? AND deleted = FALSE ORDER BY id", rs -> rs.getLong(1), spaceId, categoryId);
  }

  /** Saves a new question (id 0) or changes one; returns its id. */
  long save(Question q, long by) {
    return db.transaction(() -> {
      Object[] values = {q.categoryId(), q.type().name(), q.title(), q.prompt(), q.points(), q.caseSensitive(), q.number(), q.tolerance(), q.gapText(),
          q.feedback(), key(q.image()), type(q.image()), key(q.audio()), type(q.audio())};
      long id = q.id();
      if (id == 0) {
        Object[] params = new Object[values.length + 2];
        params[0] = q.spaceId();
        System.arraycopy(values, 0, params, 1, values.length);
        params[params.length - 1] = by;
        id = db.insert("INSERT INTO qz_questions (space_id, category_id, qtype, title, prompt, points, case_sensitive, num_answer, tolerance,"
            + " gap_text, feedback, image_key, image_type, audio_key, audio_type, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
      } else {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        db.update("UPDATE qz_questions SET category_id = ?, qtype = ?, title = ?, prompt = ?, points = ?, case_sensitive = ?, num_answer = ?,"
            + " tolerance = ?, gap_text = ?, feedback = ?, image_key = ?, image_type = ?, audio_key = ?, audio_type = ? WHERE id = ?", params);
        db.update("DELETE FROM qz_choices WHERE question_id = ?", id);
      }
      for (int i = 0; i < q.choices().size(); i++) {
        Question.Choice c = q.choices().get(i);
        db.update("INSERT INTO qz_choices (question_id, pos, text, correct, match_text) VALUES (?, ?, ?, ?, ?)", id, i, c.text(), c.correct(), c.match());
      }
      return id;
    });
  }

  /** Saves new questions all together, or none of them. */
  void saveAll(List<Question> questions, long by) {
    db.transaction(() -> {
      for (Question q : questions) save(q, by);
      return null;
    });
  }

  /** Questions a person wrote, in any space (deleted ones too: they are still theirs). */
  List<Question> writtenBy(long userId) {
    return db.query("SELECT " + COLUMNS + FROM + " WHERE q.created_by = ? ORDER BY q.id", QuestionStore::question, userId);
  }

  /** Unlinks the questions a person wrote: the bank keeps them for the class. */
  long unlinkAuthor(long userId) { return db.update("UPDATE qz_questions SET created_by = 0 WHERE created_by = ?", userId); }

  /** Takes a question out of the bank; attempts that used it still show it. */
  void delete(long spaceId, long id) {
    db.update("UPDATE qz_questions SET deleted = TRUE WHERE id = ? AND space_id = ?", id, spaceId);
  }

  private static String key(Question.Media m) { return m == null ? null : m.key(); }

  private static String type(Question.Media m) { return m == null ? null : m.contentType(); }

  private List<Question> withChoices(List<Question> questions, String choicesSql, Object... params) {
    Map<Long, List<Question.Choice>> byQuestion = new HashMap<>();
    for (var row : db.query(choicesSql, rs -> Map.entry(rs.getLong(1), new Question.Choice(rs.getString(3), rs.getBoolean(4), rs.getString(5))), params)) {
      byQuestion.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
    }
    List<Question> out = new ArrayList<>();
    for (Question q : questions) {
      out.add(new Question(q.id(), q.spaceId(), q.categoryId(), q.categoryName(), q.type(), q.title(), q.prompt(), q.points(), q.caseSensitive(),
          q.number(), q.tolerance(), q.gapText(), q.feedback(), q.image(), q.audio(), List.copyOf(byQuestion.getOrDefault(q.id(), List.of()))));
    }
    return out;
  }

  private static Question question(ResultSet rs) throws SQLException {
    long cat = rs.getLong(3);
    Long categoryId = rs.wasNull() ? null : cat;
    double num = rs.getDouble(10);
    Double number = rs.wasNull() ? null : num;
    double tol = rs.getDouble(11);
    Double tolerance = rs.wasNull() ? null : tol;
    Question.Media image = rs.getString(14) == null ? null : new Question.Media(rs.getString(14), rs.getString(15));
    Question.Media audio = rs.getString(16) == null ? null : new Question.Media(rs.getString(16), rs.getString(17));
    return new Question(rs.getLong(1), rs.getLong(2), categoryId, rs.getString(4), QuestionType.valueOf(rs.getString(5)), rs.getString(6),
        rs.getString(7), rs.getDouble(8), rs.getBoolean(9), number, tolerance, rs.getString(12), rs.getString(13), image, audio, List.of());
  }
}
