package org.courtyard.plugins.wiki;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
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

  @Override
  public void export(long userId, DataExport out) {
    for (WikiStore.OwnRevision r : store.revisionsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Page", r.pageTitle());
      m.put("Space", spaceName(r.spaceId()));
      m.put("Wiki", r.ownerId() == 0 ? "Shared by the space" : r.ownerId() == userId ? "Their own" : "A learner's own");
      m.put("What the page said after the change", r.body());
      m.put("What they said they changed", r.note());
      m.put("Kind of change", switch (r.kind()) {
        case "restore" -> "Brought back an earlier text";
        case "conflict" -> "Collided with someone else's change; kept in the history";
        default -> "Edit";
      });
      m.put("When", r.at());
      out.record("Wiki change", m);
    }
    for (WikiStore.OwnPage p : store.ownPages(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Page", p.title());
      m.put("Space", spaceName(p.spaceId()));
      m.put("What it says now", p.body());
      out.record("Page in their own wiki", m);
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
