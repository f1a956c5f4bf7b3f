package org.courtyard.plugins.portfolio;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.SafeZip;
import org.courtyard.api.service.ToolServices;
import org.courtyard.api.service.Uploads;
import org.courtyard.api.web.HttpProblem;
import org.courtyard.api.web.InputProblem;
import org.courtyard.api.web.Reply;
import org.courtyard.api.web.Routes;
import org.courtyard.api.web.ToolRequest;
import org.courtyard.api.web.ToolRouter;
import org.courtyard.api.web.Upload;

/** A portfolio out (a zip of web pages that opens offline; LEAP2A for another school) and LEAP2A in. */
final class ExchangeRoutes implements Routes {
  static final long MAX_PACKAGE = 500L * 1024 * 1024;
  static final Message ONLY_OWNER = Message.of("portfolio.problem.onlyOwnerExchanges");
  static final Message ALL_COLLECTIONS = Message.of("portfolio.export.allCollections");
  static final Message IN_COURTYARD = Message.of("portfolio.export.inCourtyard");
  static final Message CHOOSE_PACKAGE = Message.of("portfolio.import.choosePackage");
  static final Message NOT_A_PACKAGE = Message.of("portfolio.import.notAPackage");
  static final Message NOT_OPENED = Message.of("portfolio.import.notOpened");
  static final Message REFUSED = Message.of("portfolio.import.refused");
  static final Message NOTHING_IMPORTED = Message.of("portfolio.import.nothingImported");
  static final Message BROUGHT_IN = Message.of("portfolio.import.broughtIn");
  static final Message IMPORTED = Message.of("portfolio.import.loose");
  static final Message COLLECTION = Message.of("portfolio.import.collection");
  static final Message UNTITLED = Message.of("portfolio.import.untitled");
  private final PortfolioStore store;
  private final PortfolioRoutes pages;
  private final Downloads downloads;
  private final ToolServices core;

  @Inject
  ExchangeRoutes(PortfolioStore store, PortfolioRoutes pages, Downloads downloads, ToolServices core) {
    this.store = store;
    this.pages = pages;
    this.downloads = downloads;
    this.core = core;
  }

  @Override
  public void mount(ToolRouter r) {
    r.get("/export.zip", PortfolioTool.VIEW, this::exportSite);
    r.get("/export-leap2a.zip", PortfolioTool.VIEW, this::exportLeap2a);
    r.post("/import", PortfolioTool.CONTRIBUTE, this::importLeap2a, pages::index);
  }

  private PortfolioRoutes.Context manager(ToolRequest req) {
    PortfolioRoutes.Context c = pages.context(req);
    if (!c.manages()) throw HttpProblem.forbidden(req.text(ONLY_OWNER, "name", c.owner().displayName()));
    return c;
  }

  /** The collections this person may see, oldest first. */
  private List<PortfolioStore.Collection> exported(PortfolioRoutes.Context c) {
    return store.collections(c.owner().id()).stream().filter(col -> PortfolioRoutes.sees(c, col)).toList();
  }

  static String safeName(long id, String name) {
    String n = name == null || name.isBlank() ? "file" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (n.length() > 80) n = n.substring(n.length() - 80);
    return id + "-" + n;
  }

  private void addFile(ZipOutputStream zip, String name, PortfolioStore.Artefact a) throws IOException {
    Path p = core.files().path(a.fileKey()).orElse(null);
    if (p == null) return;
    zip.putNextEntry(new ZipEntry(name));
    Files.copy(p, zip);
    zip.closeEntry();
  }

  private static void addText(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private Reply exportSite(ToolRequest req) throws IOException {
    PortfolioRoutes.Context c = manager(req);
    Path zip = downloads.newZip();
    // The pages are in the language of the person who downloads them; what people wrote stays as written.
    String lang = req.language();
    String whose = Leap2a.esc(req.text(PortfolioRoutes.WHOSE, "name", c.owner().displayName()));
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      StringBuilder index = new StringBuilder(page(lang, whose, "<h1>" + whose + "</h1>\n<ul>\n"));
      for (PortfolioStore.Collection col : exported(c)) {
        String file = "collection-" + col.id() + ".html";
        index.append("<li><a href=\"").append(file).append("\"").append(langAttr(col.lang())).append(">").append(Leap2a.esc(col.title())).append("</a></li>\n");
        StringBuilder body = new StringBuilder("<p><a href=\"index.html\">" + Leap2a.esc(req.text(ALL_COLLECTIONS)) + "</a></p>\n<h1" + langAttr(col.lang()) + ">"
            + Leap2a.esc(col.title()) + "</h1>\n<div" + langAttr(col.lang()) + ">" + col.description() + "</div>\n");
        for (PortfolioStore.Artefact a : store.artefacts(col.id())) {
          // What the learner wrote keeps the language they said it is in; the page's own words stay in the reader's.
          body.append("<section>\n<h2").append(langAttr(a.lang())).append(">").append(Leap2a.esc(a.title())).append("</h2>\n");
          if (a.isText()) body.append("<div").append(langAttr(a.lang())).append(">").append(a.body()).append("</div>");
          if (a.isLink()) {
            body.append("<p>").append(Leap2a.esc(req.text(IN_COURTYARD, "link", a.link()))).append("</p><div").append(langAttr(a.lang())).append(">")
                .append(a.body() == null ? "" : a.body()).append("</div>");
          }
          if (a.isFile()) {
            String name = "files/" + safeName(a.id(), a.fileName());
            addFile(z, name, a);
            if (a.isImage()) body.append("<p><img src=\"").append(name).append("\" alt=\"").append(Leap2a.esc(a.title())).append("\"></p>");
            else if (a.isAudio()) body.append("<p><audio controls src=\"").append(name).append("\"></audio></p>");
            else if (a.isVideo()) body.append("<p><video controls src=\"").append(name).append("\"></video></p>");
            body.append("<p><a href=\"").append(name).append("\">").append(Leap2a.esc(a.fileName())).append("</a></p>");
          }
          body.append("\n</section>\n");
        }
        addText(z, file, page(lang, Leap2a.esc(col.title()), body.toString()) + "</main></body></html>\n");
      }
      addText(z, "index.html", index.append("</ul>\n</main></body></html>\n").toString());
    }
    core.activity().record(req.user(), req.space(), "export", "exported " + c.owner().displayName() + "'s portfolio");
    return core.uploads().serve(downloads.keep(c.owner().id(), zip), "application/zip", c.owner().username().replaceAll("[^a-z0-9.-]", "") + "-portfolio.zip");
  }

  /** Right-to-left scripts among the languages content may be marked as written in. */
  private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar", "ur", "fa", "ps", "he", "yi", "sd", "ug", "dv");

  /** {@code lang} and {@code dir} for content in a chosen language (as the site's own pages mark it), nothing for none. */
  static String langAttr(String lang) {
    if (lang == null || lang.isEmpty()) return "";
    String base = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
    return " lang=\"" + Leap2a.esc(lang) + "\" dir=\"" + (RIGHT_TO_LEFT.contains(base) || "ku-Arab".equals(lang) ? "rtl" : "ltr") + "\"";
  }

  private static String page(String lang, String title, String start) {
    String dir = "ar".equals(lang) || "ur".equals(lang) ? "rtl" : "ltr";
    return "<!doctype html>\n<html lang=\"" + Leap2a.esc(lang) + "\" dir=\"" + dir + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + title + "</title><style>body{font-family:sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5}"
        + "img,video{max-width:100%}section{border-top:1px solid #ccc;margin-top:1rem}</style></head><body><main>\n" + start;
  }

  private Reply exportLeap2a(ToolRequest req) throws IOException {
    PortfolioRoutes.Context c = manager(req);
    Path zip = downloads.newZip();
    List<Leap2a.Selection> selections = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (PortfolioStore.Collection col : exported(c)) {
        List<Leap2a.Item> items = new ArrayList<>();
        for (PortfolioStore.Artefact a : store.artefacts(col.id())) {
          String href = a.isFile() ? "files/" + safeName(a.id(), a.fileName()) : null;
          if (a.isFile()) addFile(z, href, a);
          items.add(new Leap2a.Item(a.kind(), a.title(), a.body(), href, a.fileName(), a.contentType(), a.link(), a.lang()));
        }
        selections.add(new Leap2a.Selection(col.title(), col.description(), items, col.lang()));
      }
      addText(z, "leap2a.xml", Leap2a.write(req.text(PortfolioRoutes.WHOSE, "name", c.owner().displayName()), c.owner().displayName(), c.owner().username(), selections, core.clock().instant()));
    }
    core.activity().record(req.user(), req.space(), "export", "exported " + c.owner().displayName() + "'s portfolio as LEAP2A");
    return core.uploads().serve(downloads.keep(c.owner().id(), zip), "application/zip", c.owner().username().replaceAll("[^a-z0-9.-]", "") + "-leap2a.zip");
  }

  private Reply importLeap2a(ToolRequest req) throws IOException {
    PortfolioRoutes.Context c = manager(req);
    Upload up = req.uploads().stream().filter(u -> u.size() > 0).findFirst()
        .orElseThrow(() -> InputProblem.of("package", req.text(CHOOSE_PACKAGE)));
    if (!SafeZip.looksLikeZip(up.file())) throw InputProblem.of("package", req.text(NOT_A_PACKAGE));
    Path work = Files.createTempDirectory("courtyard-leap2a-");
    try {
      List<Leap2a.Selection> selections;
      try {
        // The feed, its files and their folders; more entries than that is not a portfolio.
        // The zip's and the XML's refusals are the plugin API's words, in the reader's language.
        SafeZip.extract(up.file(), work, MAX_PACKAGE, Leap2a.MAX_ITEMS + 100, req);
        selections = Leap2a.read(work, new Leap2a.Fallbacks(req.text(IMPORTED), req.text(COLLECTION), req.text(UNTITLED)), req);
      } catch (RosterException e) {
        throw InputProblem.of("package", req.text(NOT_OPENED, "reason", e.getMessage()));
      } catch (Leap2a.Refused e) {
        throw InputProblem.of("package", req.text(REFUSED, "reason", req.text(e.reason(), e.args())));
      }
      // Every file goes through the uploads service, all checked (size and kind) before any is kept.
      Map<String, Upload> byHref = new LinkedHashMap<>();
      for (Leap2a.Selection s : selections) {
        for (Leap2a.Item it : s.items()) {
          if (!"FILE".equals(it.kind()) || byHref.containsKey(it.fileHref())) continue;
          Path p = work.resolve(it.fileHref()).normalize();
          byHref.put(it.fileHref(), new Upload("package", it.fileHref(), null, Files.size(p), p));
        }
      }
      List<Uploads.Stored> stored;
      try {
        stored = core.uploads().acceptAll(new ArrayList<>(byHref.values()), "package", PortfolioRoutes.maxBytes(req), PortfolioRoutes.KINDS);
      } catch (InputProblem p) {
        throw InputProblem.of("package", String.join(" ", p.messages()).replace("Nothing was saved.", req.text(NOTHING_IMPORTED)));
      }
      Map<String, Uploads.Stored> kept = new LinkedHashMap<>();
      int k = 0;
      for (String href : byHref.keySet()) kept.put(href, stored.get(k++));
      int[] count = {0};
      store.transaction(() -> {
        for (Leap2a.Selection s : selections) {
          // Brought-in work starts private: the learner chooses again who sees it here.
          long id = store.create(c.owner().id(), s.title(), core.sanitizer().sanitize(s.description()), Visibility.ME, false, false, s.lang());
          for (Leap2a.Item it : s.items()) {
            switch (it.kind()) {
              case "FILE" -> {
                Uploads.Stored f = kept.get(it.fileHref());
                store.addFile(id, it.title(), f.key(), it.fileName(), f.contentType(), it.lang());
              }
              case "LINK" -> {
                if (PortfolioRoutes.safeLink(it.link())) store.addLink(id, it.title(), it.link(), core.sanitizer().sanitize(it.body()), it.lang());
                else store.addText(id, it.title(), core.sanitizer().sanitize(it.body()) + core.sanitizer().textToHtml(it.link()), it.lang());
              }
              default -> store.addText(id, it.title(), core.sanitizer().sanitize(it.body()), it.lang());
            }
          }
          count[0]++;
        }
        return null;
      });
      core.activity().record(req.user(), req.space(), "import", "brought in " + count[0] + " collections from " + up.fileName());
      return Reply.redirect("").flash(req.text(BROUGHT_IN, "count", count[0]));
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
