package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.UserRef;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.ToolServices;

/**
 * What the portfolio keeps about one person: their own collections with everything in them (writing,
 * files, links), the comments teachers and parents left on them (feedback on their work, staff-only
 * education plans included), and comments they wrote on anyone's portfolio. Erasing deletes their
 * portfolio with its files and comments and any downloads of it; their comments on other people's
 * portfolios stay as "a former member" with the words removed, so the conversation still reads.
 */
final class PortfolioData implements PersonalData {
  private final PortfolioStore store;
  private final Downloads downloads;
  private final ToolServices core;

  @Inject
  PortfolioData(PortfolioStore store, Downloads downloads, ToolServices core) {
    this.store = store;
    this.downloads = downloads;
    this.core = core;
  }

  @Override
  public void export(long userId, DataExport out) {
    for (PortfolioStore.Collection col : store.collections(userId)) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("Collection", col.title());
      c.put("What it is about", col.description());
      c.put("Who can see it", col.staffOnly() ? "Staff and parents only (a staff-only section)" : col.visibility().label());
      c.put("Comments allowed", col.commentsAllowed() ? "yes" : "no");
      c.put("Made", store.madeAt(col.id()));
      out.record("Portfolio collection", c);
      for (PortfolioStore.Artefact a : store.artefacts(col.id())) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("Collection", col.title());
        w.put("Title", a.title());
        w.put("Kind", a.isText() ? "writing" : a.isFile() ? "file" : "link");
        w.put("Writing or note", a.body() == null ? "" : a.body());
        w.put("File", a.isFile() ? ExchangeRoutes.safeName(a.id(), a.fileName()) : "");
        w.put("Link", a.link() == null ? "" : a.link());
        w.put("Added", store.addedAt(a.id()));
        out.record("Portfolio work", w);
        if (a.isFile()) out.file("Portfolio file", ExchangeRoutes.safeName(a.id(), a.fileName()), a.fileKey());
      }
      for (PortfolioStore.Comment cm : store.comments(col.id())) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Collection", col.title());
        f.put("From", cm.authorName());
        f.put("Comment", cm.body());
        f.put("When", cm.at());
        out.record("Comment on their portfolio", f);
      }
    }
    for (PortfolioStore.Written w : store.commentsBy(userId)) {
      if (w.ownerId() == userId) continue; // already listed with their own collections
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Whose portfolio", core.directory().user(w.ownerId()).map(UserRef::displayName).orElse(PortfolioStore.FORMER));
      m.put("Collection", w.collectionTitle());
      m.put("Comment", w.body());
      m.put("When", w.at());
      out.record("Comment they wrote", m);
    }
  }

  @Override
  public long erase(long userId) {
    long n = 0;
    for (PortfolioStore.Collection col : store.collections(userId)) {
      downloads.delete(store.deleteCollection(col.id()));
      n++;
    }
    java.util.List<String> zips = store.takeDownloadsOf(userId);
    downloads.delete(zips);
    n += zips.size();
    n += store.anonymiseCommentsBy(userId);
    return n;
  }
}
