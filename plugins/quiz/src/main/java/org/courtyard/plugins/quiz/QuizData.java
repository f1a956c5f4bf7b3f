package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.Directory;

/**
 * What quizzes keep about a person: a learner's tries (when, the mark) and every answer in them with
 * its mark and the teacher's comment; a teacher's quizzes and questions (with their pictures and
 * recordings). Erasing deletes the learner's tries and answers; quizzes and questions a teacher wrote
 * stay in the class's bank, no longer linked to them.
 */
final class QuizData implements PersonalData {
  private final QuizStore quizzes;
  private final QuestionStore bank;
  private final Directory directory;

  @Inject
  QuizData(QuizStore quizzes, QuestionStore bank, Directory directory) {
    this.quizzes = quizzes;
    this.bank = bank;
    this.directory = directory;
  }

  @Override
  public void export(long userId, DataExport out) {
    for (QuizStore.Attempt a : quizzes.attemptsByUser(userId)) {
      QuizStore.Quiz q = quizzes.quizById(a.quizId()).orElse(null);
      String title = q == null ? "" : q.title();
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("Quiz", title);
      t.put("Class", q == null ? "" : spaceName(q.spaceId()));
      t.put("Try", a.attemptNo());
      t.put("Started", a.startedAt());
      t.put("Handed in", a.submittedAt() == null ? "" : a.submittedAt());
      t.put("State", a.open() ? "in progress" : QuizStore.MARKING.equals(a.state()) ? "waiting for marking" : a.timedOut() ? "handed in when time ran out" : "handed in");
      t.put("Mark", a.open() || a.score() == null ? "" : Answers.display(a.score()) + " / " + Answers.display(a.maxScore()));
      out.record("Quiz try", t);
      List<QuizStore.Slot> slots = quizzes.slots(a.id());
      Map<Long, Question> questions = bank.withOptions(QuizStore.questionIds(slots));
      for (QuizStore.Slot s : slots) {
        Question question = questions.get(s.questionId());
        if (question == null) continue;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Quiz", title);
        m.put("Try", a.attemptNo());
        m.put("Question", question.title());
        m.put("Their answer", Answers.describe(question, Answers.decode(question.type(), s.answer())));
        m.put("Mark", s.score() == null ? "" : Answers.display(s.score()) + " of " + Answers.display(question.points()));
        m.put("Teacher's comment", s.comment() == null ? "" : s.comment());
        out.record("Quiz answer", m);
      }
    }
    for (QuizStore.Quiz q : quizzes.quizzesSetBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Title", q.title());
      m.put("Class", spaceName(q.spaceId()));
      m.put("Closes", q.closesAt() == null ? "" : q.closesAt());
      out.record("Quiz set", m);
    }
    for (Question q : bank.writtenBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Title", q.title());
      m.put("Kind", q.type().label());
      m.put("Question", q.prompt());
      m.put("Class", spaceName(q.spaceId()));
      out.record("Quiz question written", m);
      if (q.image() != null) out.file("Question picture", "question-" + q.id() + "-picture" + extension(q.image()), q.image().key());
      if (q.audio() != null) out.file("Question recording", "question-" + q.id() + "-recording" + extension(q.audio()), q.audio().key());
    }
  }

  /** ".png" for image/png, ".mp3" for audio/mpeg: so the file opens when the download is unpacked. */
  static String extension(Question.Media media) {
    String type = media.contentType() == null ? "" : media.contentType();
    String sub = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "";
    return switch (sub) {
      case "jpeg" -> ".jpg";
      case "mpeg" -> ".mp3";
      case "mp4" -> ".m4a";
      case "" -> "";
      default -> "." + sub.replaceAll("[^a-z0-9]", "");
    };
  }

  private String spaceName(long spaceId) { return directory.space(spaceId).map(SpaceRef::name).orElse(""); }

  @Override
  public long erase(long userId) {
    return quizzes.eraseRowsOf(userId) + bank.unlinkAuthor(userId);
  }
}
