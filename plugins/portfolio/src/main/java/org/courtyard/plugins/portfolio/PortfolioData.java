package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
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

  /** A record's kind, field name or value in the language of the person the download is about (messages portfolio.data.*). */
  private static String w(DataExport out, String key) { return out.text(Message.of("portfolio.data." + key)); }

  @Override
  public void export(long userId, DataExport out) {
    for (PortfolioStore.Collection col : store.collections(userId)) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put(w(out, "collectionName"), col.title());
      c.put(w(out, "about"), col.description());
      if (col.lang() != null) c.put(w(out, "language"), col.lang());
      c.put(w(out, "whoSees"), col.staffOnly() ? w(out, "staffOnly") : out.text(col.visibility().message()));
      c.put(w(out, "commentsAllowed"), w(out, col.commentsAllowed() ? "yes" : "no"));
      c.put(w(out, "made"), store.madeAt(col.id()));
      out.record(w(out, "collection"), c);
      for (PortfolioStore.Artefact a : store.artefacts(col.id())) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(w(out, "collectionName"), col.title());
        m.put(w(out, "title"), a.title());
        m.put(w(out, "kind"), w(out, a.isText() ? "kind.writing" : a.isFile() ? "kind.file" : "kind.link"));
        m.put(w(out, "writingOrNote"), a.body() == null ? "" : a.body());
        if (a.lang() != null) m.put(w(out, "language"), a.lang());
        m.put(w(out, "file"), a.isFile() ? ExchangeRoutes.safeName(a.id(), a.fileName()) : "");
        m.put(w(out, "link"), a.link() == null ? "" : a.link());
        m.put(w(out, "added"), store.addedAt(a.id()));
        out.record(w(out, "work"), m);
        if (a.isFile()) out.file(w(out, "files"), ExchangeRoutes.safeName(a.id(), a.fileName()), a.fileKey());
      }
      for (PortfolioStore.Comment cm : store.comments(col.id())) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(w(out, "collectionName"), col.title());
        f.put(w(out, "from"), cm.erased() ? out.text(PortfolioRoutes.FORMER) : cm.authorName());
        f.put(w(out, "comment"), cm.erased() ? out.text(PortfolioRoutes.REMOVED) : cm.body());
        if (cm.lang() != null) f.put(w(out, "language"), cm.lang());
        f.put(w(out, "when"), cm.at());
        out.record(w(out, "commentOnTheirs"), f);
      }
    }
    for (PortfolioStore.Written wr : store.commentsBy(userId)) {
      if (wr.ownerId() == userId) continue; // already listed with their own collections
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "whose"), core.directory().user(wr.ownerId()).map(UserRef::displayName).orElse(out.text(PortfolioRoutes.FORMER)));
      m.put(w(out, "collectionName"), wr.collectionTitle());
      m.put(w(out, "comment"), wr.body());
      if (wr.lang() != null) m.put(w(out, "language"), wr.lang());
      m.put(w(out, "when"), wr.at());
      out.record(w(out, "commentTheyWrote"), m);
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
