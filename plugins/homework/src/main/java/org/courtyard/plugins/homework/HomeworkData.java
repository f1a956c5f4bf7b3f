package org.courtyard.plugins.homework;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
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

  @Override
  public void export(long userId, DataExport out) {
    for (HomeworkStore.Submission s : store.submissionsOf(userId)) {
      HomeworkStore.Task t = store.taskById(s.taskId()).orElse(null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Task", t == null ? "" : t.title());
      m.put("Class", t == null ? "" : spaceName(t.spaceId()));
      m.put("What they wrote", s.body());
      m.put("Link", s.link() == null ? "" : s.link());
      m.put("Handed in", s.submittedAt());
      m.put("Late", s.late() ? "Yes" : "No");
      m.put("Mark", s.mark() == null ? "" : s.mark());
      m.put("Teacher's comment", s.feedback() == null ? "" : s.feedback());
      m.put("Marked by", s.markedBy() == null ? "" : s.markedBy());
      m.put("Returned to them", s.returned() ? "Yes" : "No");
      out.record("Homework handed in", m);
      for (HomeworkStore.FileItem f : store.files(s.id())) out.file("Homework file", f.fileName(), f.fileKey());
    }
    for (HomeworkStore.Extension e : store.extensionsOf(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Task", store.taskById(e.taskId()).map(HomeworkStore.Task::title).orElse(""));
      m.put("New due time", e.dueAt());
      out.record("Homework extension", m);
    }
    for (HomeworkStore.Task t : store.tasksSetBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Title", t.title());
      m.put("Class", spaceName(t.spaceId()));
      m.put("Instructions", t.instructions());
      m.put("Due", t.dueAt());
      out.record("Homework task set", m);
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
