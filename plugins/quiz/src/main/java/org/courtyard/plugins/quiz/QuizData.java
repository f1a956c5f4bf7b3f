package org.courtyard.plugins.quiz;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.i18n.Message;
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

  /** A record's kind, a field's name or a state, in the language of the person the download is about. */
  private static String w(DataExport out, Message m) { return out.text(m); }

  static final Message TRY = Message.of("quiz.data.try");
  static final Message ANSWER = Message.of("quiz.data.answer");
  static final Message SET = Message.of("quiz.data.set");
  static final Message WRITTEN = Message.of("quiz.data.written");
  static final Message PICTURE = Message.of("quiz.data.picture");
  static final Message RECORDING = Message.of("quiz.data.recording");
  static final Message QUIZ = Message.of("quiz.data.quiz");
  static final Message CLASS = Message.of("quiz.data.class");
  static final Message TRY_NO = Message.of("quiz.data.tryNo");
  static final Message STARTED = Message.of("quiz.data.started");
  static final Message HANDED_IN = Message.of("quiz.data.handedIn");
  static final Message STATE = Message.of("quiz.data.state");
  static final Message MARK = Message.of("quiz.data.mark");
  static final Message QUESTION = Message.of("quiz.data.question");
  static final Message THEIR_ANSWER = Message.of("quiz.data.theirAnswer");
  static final Message COMMENT = Message.of("quiz.data.comment");
  static final Message TITLE = Message.of("quiz.data.title");
  static final Message CLOSES = Message.of("quiz.data.closes");
  static final Message KIND = Message.of("quiz.data.kind");
  static final Message IN_PROGRESS = Message.of("quiz.data.inProgress");
  static final Message WAITING = Message.of("quiz.data.waitingMarking");
  static final Message TIMED_OUT = Message.of("quiz.data.handedInTimedOut");
  static final Message DONE = Message.of("quiz.data.handedInState");
  static final Message SCORE_OF = Message.of("quiz.review.scoreOf");

  @Override
  public void export(long userId, DataExport out) {
    for (QuizStore.Attempt a : quizzes.attemptsByUser(userId)) {
      QuizStore.Quiz q = quizzes.quizById(a.quizId()).orElse(null);
      String title = q == null ? "" : q.title();
      Map<String, Object> t = new LinkedHashMap<>();
      t.put(w(out, QUIZ), title);
      t.put(w(out, CLASS), q == null ? "" : spaceName(q.spaceId()));
      t.put(w(out, TRY_NO), a.attemptNo());
      t.put(w(out, STARTED), a.startedAt());
      t.put(w(out, HANDED_IN), a.submittedAt() == null ? "" : a.submittedAt());
      t.put(w(out, STATE), w(out, a.open() ? IN_PROGRESS : QuizStore.MARKING.equals(a.state()) ? WAITING : a.timedOut() ? TIMED_OUT : DONE));
      t.put(w(out, MARK), a.open() || a.score() == null ? "" : Answers.display(a.score()) + " / " + Answers.display(a.maxScore()));
      out.record(w(out, TRY), t);
      List<QuizStore.Slot> slots = quizzes.slots(a.id());
      Map<Long, Question> questions = bank.withOptions(QuizStore.questionIds(slots));
      for (QuizStore.Slot s : slots) {
        Question question = questions.get(s.questionId());
        if (question == null) continue;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(w(out, QUIZ), title);
        m.put(w(out, TRY_NO), a.attemptNo());
        m.put(w(out, QUESTION), question.title());
        m.put(w(out, THEIR_ANSWER), Answers.describe(question, Answers.decode(question.type(), s.answer()), out));
        m.put(w(out, MARK), s.score() == null ? "" : out.text(SCORE_OF, "score", Answers.display(s.score()), "marks", Answers.display(question.points())));
        m.put(w(out, COMMENT), s.comment() == null ? "" : s.comment());
        out.record(w(out, ANSWER), m);
      }
    }
    for (QuizStore.Quiz q : quizzes.quizzesSetBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, TITLE), q.title());
      m.put(w(out, CLASS), spaceName(q.spaceId()));
      m.put(w(out, CLOSES), q.closesAt() == null ? "" : q.closesAt());
      out.record(w(out, SET), m);
    }
    for (Question q : bank.writtenBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, TITLE), q.title());
      m.put(w(out, KIND), w(out, q.type().message()));
      m.put(w(out, QUESTION), q.prompt());
      m.put(w(out, CLASS), spaceName(q.spaceId()));
      out.record(w(out, WRITTEN), m);
      if (q.image() != null) out.file(w(out, PICTURE), "question-" + q.id() + "-picture" + extension(q.image()), q.image().key());
      if (q.audio() != null) out.file(w(out, RECORDING), "question-" + q.id() + "-recording" + extension(q.audio()), q.audio().key());
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
