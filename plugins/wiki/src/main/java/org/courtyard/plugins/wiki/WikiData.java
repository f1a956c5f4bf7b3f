package org.courtyard.plugins.wiki;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.Directory;

/**
 * What the wiki keeps about one person: every change they saved (with the page's text as they left it)
 * and the pages of their own wiki. Erasing removes their own wikis, pages only they wrote and their
 * changes to other pages; what others wrote stays, under their names.
 */
final class WikiData implements PersonalData {
  private final WikiStore store;
  private final Directory directory;

  @Inject
  WikiData(WikiStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  /** A record's or field's name (or a value that is the wiki's words), in the language of the person the download is about. */
  private static String w(DataExport out, String key) { return out.text(Message.of("wiki.data." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    for (WikiStore.OwnRevision r : store.revisionsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "page"), r.pageTitle());
      m.put(w(out, "space"), spaceName(r.spaceId()));
      m.put(w(out, "wiki"), w(out, r.ownerId() == 0 ? "wikiShared" : r.ownerId() == userId ? "wikiTheirOwn" : "wikiALearners"));
      m.put(w(out, "pageSaid"), r.body());
      if (r.lang() != null) m.put(w(out, "language"), r.lang());
      m.put(w(out, "note"), WikiRoutes.note(out, r.kind(), r.note()));
      m.put(w(out, "kind"), w(out, switch (r.kind()) {
        case "restore" -> "kindRestore";
        case WikiStore.CONFLICT -> "kindConflict";
        default -> "kindEdit";
      }));
      m.put(w(out, "when"), r.at());
      out.record(w(out, "change"), m);
    }
    for (WikiStore.OwnPage p : store.ownPages(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "page"), p.title());
      m.put(w(out, "space"), spaceName(p.spaceId()));
      m.put(w(out, "saysNow"), p.body());
      if (p.lang() != null) m.put(w(out, "language"), p.lang());
      out.record(w(out, "ownPage"), m);
    }
  }

  @Override
  public long erase(long userId) {
    return store.eraseWritingOf(userId);
  }

  private String spaceName(long spaceId) {
    return directory.space(spaceId).map(SpaceRef::name).orElse("");
  }
}
