package org.courtyard.plugins.blog;

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
 * What the blog keeps about one person: the posts they wrote (with their pictures and sounds) and their
 * comments. Erasing deletes their posts (with the comments under them, which answer only that post) and
 * their media files, and their comments on other people's posts; everyone else's posts stay.
 */
final class BlogData implements PersonalData {
  private final BlogStore store;
  private final FileStore files;
  private final Directory directory;

  @Inject
  BlogData(BlogStore store, FileStore files, Directory directory) {
    this.store = store;
    this.files = files;
    this.directory = directory;
  }

  /** A record's kind, field name or state in the language of the person the download is about (messages blog.data.*). */
  private static String w(DataExport out, String key) { return out.text(Message.of("blog.data." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    for (BlogStore.Post p : store.postsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "title"), p.title());
      m.put(w(out, "space"), spaceName(p.spaceId()));
      m.put(w(out, "wrote"), p.body());
      if (p.lang() != null) m.put(w(out, "language"), p.lang());
      m.put(w(out, "state"), w(out, p.draft() ? "draft" : p.scheduled() ? "scheduled" : "published"));
      m.put(w(out, "appearsFrom"), p.publishAt() == null ? "" : p.publishAt());
      m.put(w(out, "changed"), p.updatedAt());
      out.record(w(out, "post"), m);
      for (BlogStore.Media media : store.media(p.id())) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(w(out, "onPost"), p.title());
        f.put(w(out, "fileName"), media.fileName());
        f.put(w(out, "fileKind"), media.contentType());
        out.record(w(out, "media"), f);
        out.file(w(out, "mediaFile"), media.fileName(), media.fileKey());
      }
    }
    for (BlogStore.Comment c : store.commentsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "onThePost"), store.postTitle(c.postId()));
      m.put(w(out, "wrote"), c.body());
      if (c.lang() != null) m.put(w(out, "language"), c.lang());
      m.put(w(out, "state"), w(out, c.pending() ? "waiting" : c.hidden() ? "hiddenByTeacher" : "shown"));
      m.put(w(out, "written"), c.at());
      out.record(w(out, "comment"), m);
    }
  }

  @Override
  public long erase(long userId) throws IOException {
    long n = 0;
    for (BlogStore.Post p : store.postsBy(userId)) {
      for (BlogStore.Media media : store.media(p.id())) files.delete(media.fileKey());
      n += store.deletePost(p.id());
    }
    return n + store.deleteCommentsBy(userId);
  }

  private String spaceName(long spaceId) {
    return directory.space(spaceId).map(SpaceRef::name).orElse("");
  }
}
