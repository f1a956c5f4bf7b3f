package org.courtyard.plugins.forum;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.i18n.Message;
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

  /** A record's or field's name, in the language of the person the download is about. */
  private static String w(DataExport out, String key) { return out.text(Message.of("forum.data." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    for (ForumStore.OwnDiscussion d : store.discussionsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "title"), d.title());
      m.put(w(out, "forum"), d.forumByTool() ? ForumWords.forumName(out, spaceName(d.spaceId())) : d.forumTitle());
      m.put(w(out, "space"), spaceName(d.spaceId()));
      m.put(w(out, "started"), d.at());
      if (d.lang() != null) m.put(w(out, "language"), d.lang());
      out.record(w(out, "discussionStarted"), m);
    }
    for (ForumStore.OwnPost p : store.postsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "discussion"), ForumWords.title(out, p.discussionTitle()));
      m.put(w(out, "space"), spaceName(p.spaceId()));
      m.put(w(out, "wrote"), p.body());
      if (p.lang() != null) m.put(w(out, "language"), p.lang());
      m.put(w(out, "written"), p.at());
      m.put(w(out, "whoCanSee"), switch (p.status()) {
        case ForumStore.PENDING -> w(out, "seenWaiting");
        case ForumStore.HIDDEN -> w(out, "seenHidden");
        default -> w(out, "seenEveryone");
      });
      m.put(w(out, "whyWaited"), p.heldReason() == null ? "" : ForumRoutes.heldReason(out, p.heldReason()));
      m.put(w(out, "whyHidden"), p.hiddenReason() == null ? "" : p.hiddenReason());
      out.record(w(out, "post"), m);
    }
    for (ForumStore.Attachment a : store.attachmentsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "fileName"), a.fileName());
      m.put(w(out, "fileKind"), a.contentType());
      m.put(w(out, "size"), a.size());
      out.record(w(out, "attachment"), m);
      out.file(w(out, "attachment"), a.fileName(), a.fileKey());
    }
    for (ForumStore.OwnReport r : store.reportsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "discussion"), ForumWords.title(out, r.discussionTitle()));
      m.put(w(out, "reason"), ForumRoutes.reportReason(out, r.reason()));
      m.put(w(out, "reported"), r.at());
      out.record(w(out, "report"), m);
    }
    for (String title : store.followedBy(userId)) out.record(w(out, "followed"), Map.of(w(out, "discussion"), ForumWords.title(out, title)));
    for (String title : store.readBy(userId)) out.record(w(out, "read"), Map.of(w(out, "discussion"), ForumWords.title(out, title)));
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
