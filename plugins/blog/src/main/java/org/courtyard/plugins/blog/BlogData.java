package org.courtyard.plugins.blog;

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

  @Override
  public void export(long userId, DataExport out) {
    for (BlogStore.Post p : store.postsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Title", p.title());
      m.put("Space", spaceName(p.spaceId()));
      m.put("What they wrote", p.body());
      m.put("State", p.draft() ? "Draft: only the writer and teachers see it" : p.scheduled() ? "Scheduled to appear later" : "Published");
      m.put("Appears from", p.publishAt() == null ? "" : p.publishAt());
      m.put("Last changed", p.updatedAt());
      out.record("Blog post", m);
      for (BlogStore.Media media : store.media(p.id())) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Post", p.title());
        f.put("File name", media.fileName());
        f.put("Kind of file", media.contentType());
        out.record("Picture or sound in a blog post", f);
        out.file("Blog post media", media.fileName(), media.fileKey());
      }
    }
    for (BlogStore.Comment c : store.commentsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("On the post", store.postTitle(c.postId()));
      m.put("What they wrote", c.body());
      m.put("State", c.pending() ? "Waiting for a teacher" : c.hidden() ? "Hidden by a teacher" : "Shown");
      m.put("Written", c.at());
      out.record("Blog comment", m);
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
