package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.Directory;
import org.courtyard.api.service.FileStore;

/**
 * What the forum keeps about one person: the discussions they started, their posts (with what
 * teachers decided about them), their attachments, their reports, and which discussions they follow
 * and have read. Erasing removes their words and files and keeps the conversations of others whole.
 */
final class ForumData implements PersonalData {
  private final ForumStore store;
  private final FileStore files;
  private final Directory directory;

  @Inject
  ForumData(ForumStore store, FileStore files, Directory directory) {
    this.store = store;
    this.files = files;
    this.directory = directory;
  }

  @Override
  public void export(long userId, DataExport out) {
    for (ForumStore.OwnDiscussion d : store.discussionsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Title", d.title());
      m.put("Forum", d.forumTitle());
      m.put("Space", spaceName(d.spaceId()));
      m.put("Started", d.at());
      out.record("Forum discussion started", m);
    }
    for (ForumStore.OwnPost p : store.postsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Discussion", p.discussionTitle());
      m.put("Space", spaceName(p.spaceId()));
      m.put("What they wrote", p.body());
      m.put("Written", p.at());
      m.put("Who can see it", switch (p.status()) {
        case ForumStore.PENDING -> "Waiting for a teacher to check it";
        case ForumStore.HIDDEN -> "Hidden by a teacher";
        default -> "Everyone in the space";
      });
      m.put("Why it waited for a teacher", p.heldReason() == null ? "" : p.heldReason());
      m.put("Why a teacher hid it", p.hiddenReason() == null ? "" : p.hiddenReason());
      out.record("Forum post", m);
    }
    for (ForumStore.Attachment a : store.attachmentsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("File name", a.fileName());
      m.put("Kind of file", a.contentType());
      m.put("Size in bytes", a.size());
      out.record("Forum attachment", m);
      out.file("Forum attachment", a.fileName(), a.fileKey());
    }
    for (ForumStore.OwnReport r : store.reportsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Discussion", r.discussionTitle());
      m.put("Reason given", r.reason());
      m.put("Reported", r.at());
      out.record("Post reported to a teacher", m);
    }
    for (String title : store.followedBy(userId)) out.record("Forum discussion followed", Map.of("Discussion", title));
    for (String title : store.readBy(userId)) out.record("Forum discussion read", Map.of("Discussion", title));
  }

  @Override
  public long erase(long userId) throws IOException {
    long n = 0;
    for (ForumStore.Attachment a : store.attachmentsBy(userId)) {
      files.delete(a.fileKey());
      store.deleteAttachment(a.id());
      n++;
    }
    return n + store.anonymise(userId);
  }

  private String spaceName(long spaceId) {
    return directory.space(spaceId).map(SpaceRef::name).orElse("");
  }
}
