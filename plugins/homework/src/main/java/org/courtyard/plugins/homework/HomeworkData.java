package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.FileStore;

/**
 * What homework keeps about a person: a learner's hand-ins (what they wrote, their link and files, the
 * mark and comment on them) and extensions; a teacher's tasks. Erasing deletes the learner's hand-ins
 * and files; tasks a teacher set stay for the class, no longer linked to them, and marks they gave
 * show "a former member of staff".
 */
final class HomeworkData implements PersonalData {
  private final HomeworkStore store;
  private final Directory directory;
  private final FileStore files;

  @Inject
  HomeworkData(HomeworkStore store, Directory directory, FileStore files) {
    this.store = store;
    this.directory = directory;
    this.files = files;
  }

  /** A record's kind, field name or value in the language of the person the download is about (messages homework.data.*). */
  private static String w(DataExport out, String key) { return out.text(Message.of("homework.data." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    for (HomeworkStore.Submission s : store.submissionsOf(userId)) {
      HomeworkStore.Task t = store.taskById(s.taskId()).orElse(null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "task"), t == null ? "" : t.title());
      m.put(w(out, "class"), t == null ? "" : spaceName(t.spaceId()));
      m.put(w(out, "wrote"), s.body());
      if (s.lang() != null) m.put(w(out, "language"), s.lang());
      m.put(w(out, "link"), s.link() == null ? "" : s.link());
      m.put(w(out, "handedInAt"), s.submittedAt());
      m.put(w(out, "late"), w(out, s.late() ? "yes" : "no"));
      m.put(w(out, "mark"), s.mark() == null ? "" : s.mark());
      m.put(w(out, "feedback"), s.feedback() == null ? "" : s.feedback());
      if (s.feedback() != null && s.feedbackLang() != null) m.put(w(out, "feedbackLanguage"), s.feedbackLang());
      m.put(w(out, "markedBy"), s.markedBy() == null ? "" : s.markedByFormerStaff() ? out.text(HomeworkRoutes.FORMER_STAFF) : s.markedBy());
      m.put(w(out, "returned"), w(out, s.returned() ? "yes" : "no"));
      out.record(w(out, "handedIn"), m);
      for (HomeworkStore.FileItem f : store.files(s.id())) out.file(w(out, "file"), f.fileName(), f.fileKey());
    }
    for (HomeworkStore.Extension e : store.extensionsOf(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "task"), store.taskById(e.taskId()).map(HomeworkStore.Task::title).orElse(""));
      m.put(w(out, "newDue"), e.dueAt());
      out.record(w(out, "extension"), m);
    }
    for (HomeworkStore.Task t : store.tasksSetBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "title"), t.title());
      m.put(w(out, "class"), spaceName(t.spaceId()));
      m.put(w(out, "instructions"), t.instructions());
      m.put(w(out, "due"), t.dueAt());
      out.record(w(out, "taskSet"), m);
    }
  }

  private String spaceName(long spaceId) { return directory.space(spaceId).map(SpaceRef::name).orElse(""); }

  @Override
  public long erase(long userId) throws Exception {
    long n = 0;
    for (HomeworkStore.FileItem f : store.filesOf(userId)) {
      files.delete(f.fileKey());
      store.deleteFile(f.id());
      n++;
    }
    String name = directory.user(userId).map(UserRef::displayName).orElse(null);
    return n + store.eraseRowsOf(userId, name);
  }
}
