package org.courtyard.plugins.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * LEAP2A, the UK e-portfolio interchange format: an Atom feed ({@code leap2a.xml}) whose entries are
 * typed with {@code rdf:type}. A collection is a {@code leap2:selection} (category Grouping) linking
 * its parts with {@code leap2:has_part}; writing is a {@code leap2:entry}; a file is a
 * {@code leap2:resource} with an {@code enclosure} link to the file beside the feed in the zip; a
 * reference to work elsewhere is an entry with a {@code related} link. The language something is written
 * in, where its writer chose one, is {@code xml:lang} on its title and content (Atom allows it on any element).
 */
final class Leap2a {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String LEAP2 = "http://terms.leapspecs.org/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String CATEGORIES = "http://wiki.leapspecs.org/2A/categories";
  static final String XML = "http://www.w3.org/XML/1998/namespace";

  /** Collections and pieces of work one package may bring in; a learner's whole school life fits easily. */
  static final int MAX_COLLECTIONS = 200;
  static final int MAX_ITEMS = 2_000;
  /** The most a piece of writing, a note or a description holds: the portfolio's own form's limit. */
  static final int MAX_TEXT = 50_000;
  static final int MAX_LINK = 500;
  /** The feed itself: 2,000 entries of writing rarely come to a tenth of this. */
  static final long MAX_FEED_BYTES = 20L * 1024 * 1024;

  private Leap2a() {}

  /** A collection and its contents, as exported or read back; {@code lang} null for none chosen. */
  record Item(String kind, String title, String body, String fileHref, String fileName, String contentType, String link, String lang) {}

  record Selection(String title, String description, List<Item> items, String lang) {}

  /** Names for what a package leaves unnamed, in the words of the person bringing it in. */
  record Fallbacks(String looseSelection, String collection, String untitled) {}

  static final Message NO_FEED = Message.of("portfolio.leap2a.noFeed");
  static final Message FEED_TOO_BIG = Message.of("portfolio.leap2a.feedTooBig");
  static final Message FEED_UNREADABLE = Message.of("portfolio.leap2a.feedUnreadable");
  static final Message NOT_ATOM = Message.of("portfolio.leap2a.notAtom");
  static final Message NO_ID = Message.of("portfolio.leap2a.noId");
  static final Message TOO_MANY_ENTRIES = Message.of("portfolio.leap2a.tooManyEntries");
  static final Message TOO_MANY_COLLECTIONS = Message.of("portfolio.leap2a.tooManyCollections");
  static final Message MISSING_PART = Message.of("portfolio.leap2a.missingPart");
  static final Message NO_ENTRIES = Message.of("portfolio.leap2a.noEntries");
  static final Message TOO_LONG_DESCRIPTION = Message.of("portfolio.leap2a.descriptionTooLong");
  static final Message TOO_LONG_WRITING = Message.of("portfolio.leap2a.writingTooLong");
  static final Message TOO_MANY_ITEMS = Message.of("portfolio.leap2a.tooManyItems");
  static final Message FILE_OUTSIDE = Message.of("portfolio.leap2a.fileOutside");
  static final Message FILE_MISSING = Message.of("portfolio.leap2a.fileMissing");
  static final Message FILES_TOO_BIG = Message.of("portfolio.leap2a.filesTooBig");
  static final Message LINK_TOO_LONG = Message.of("portfolio.leap2a.linkTooLong");

  /** {@code feedTitle} is the portfolio's name in the words of the person who takes it away. */
  static String write(String feedTitle, String ownerName, String ownerId, List<Selection> selections, Instant at) {
    StringBuilder feed = new StringBuilder();
    String now = at.toString();
    feed.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"").append(ATOM).append("\" xmlns:rdf=\"").append(RDF)
        .append("\" xmlns:leap2=\"").append(LEAP2).append("\" xmlns:categories=\"").append(CATEGORIES).append("/\">\n")
        .append("  <leap2:version>http://www.leapspecs.org/2010-07/2A/</leap2:version>\n")
        .append("  <id>urn:courtyard:portfolio:").append(esc(ownerId)).append("</id>\n")
        .append("  <title>").append(esc(feedTitle)).append("</title>\n")
        .append("  <author><name>").append(esc(ownerName)).append("</name></author>\n")
        .append("  <updated>").append(now).append("</updated>\n");
    int s = 0;
    for (Selection sel : selections) {
      s++;
      String sid = "portfolio:collection" + s;
      String sl = xmlLang(sel.lang());
      feed.append("  <entry>\n    <id>").append(sid).append("</id>\n    <title").append(sl).append(">").append(esc(sel.title())).append("</title>\n")
          .append("    <updated>").append(now).append("</updated>\n")
          .append("    <content type=\"html\"").append(sl).append(">").append(esc(sel.description())).append("</content>\n")
          .append("    <rdf:type rdf:resource=\"leap2:selection\"/>\n")
          .append("    <category term=\"Grouping\" scheme=\"categories:selection_type#\"/>\n");
      for (int i = 1; i <= sel.items().size(); i++) feed.append("    <link rel=\"leap2:has_part\" href=\"").append(sid).append(":item").append(i).append("\"/>\n");
      feed.append("  </entry>\n");
      int i = 0;
      for (Item it : sel.items()) {
        i++;
        String il = xmlLang(it.lang());
        feed.append("  <entry>\n    <id>").append(sid).append(":item").append(i).append("</id>\n    <title").append(il).append(">").append(esc(it.title())).append("</title>\n")
            .append("    <updated>").append(now).append("</updated>\n");
        switch (it.kind()) {
          case "FILE" -> feed.append("    <content type=\"text\">").append(esc(it.fileName())).append("</content>\n")
              .append("    <rdf:type rdf:resource=\"leap2:resource\"/>\n")
              .append("    <category term=\"Offline\" scheme=\"categories:resource_type#\"/>\n")
              .append("    <link rel=\"enclosure\" href=\"").append(esc(it.fileHref())).append("\" type=\"").append(esc(it.contentType())).append("\"/>\n");
          case "LINK" -> feed.append("    <content type=\"html\"").append(il).append(">").append(esc(it.body() == null ? "" : it.body())).append("</content>\n")
              .append("    <rdf:type rdf:resource=\"leap2:entry\"/>\n")
              .append("    <link rel=\"related\" href=\"").append(esc(it.link())).append("\"/>\n");
          default -> feed.append("    <content type=\"html\"").append(il).append(">").append(esc(it.body())).append("</content>\n")
              .append("    <rdf:type rdf:resource=\"leap2:entry\"/>\n");
        }
        feed.append("    <link rel=\"leap2:is_part_of\" href=\"").append(sid).append("\"/>\n  </entry>\n");
      }
    }
    return feed.append("</feed>\n").toString();
  }

  /** A reason an import was refused, for the person who uploaded it: a message and its arguments. */
  static final class Refused extends Exception {
    private final transient Message reason;
    private final transient Object[] args;

    Refused(Message reason, Object... args) {
      super(reason.key());
      this.reason = reason;
      this.args = args;
    }

    Message reason() { return reason; }

    Object[] args() { return args; }
  }

  /**
   * Reads an unpacked LEAP2A package: every selection with its parts, files checked to be inside the
   * package. Any problem refuses the whole package. Entries in no selection become one "Imported" one.
   * A feed the safe XML reader refuses (a DOCTYPE, not well-formed) is refused in the words of {@code texts}.
   */
  static List<Selection> read(Path root, Fallbacks names, Texts texts) throws Refused, IOException {
    Path feedFile = root.resolve("leap2a.xml");
    if (!Files.isRegularFile(feedFile)) throw new Refused(NO_FEED);
    if (Files.size(feedFile) > MAX_FEED_BYTES) throw new Refused(FEED_TOO_BIG);
    Document d;
    try (InputStream in = Files.newInputStream(feedFile)) {
      d = SafeXml.parse(in, texts);
    } catch (RosterException e) {
      throw new Refused(FEED_UNREADABLE, "reason", e.getMessage());
    }
    Element feed = d.getDocumentElement();
    if (!"feed".equals(local(feed)) || !ATOM.equals(feed.getNamespaceURI())) throw new Refused(NOT_ATOM);
    Map<String, Element> entries = new LinkedHashMap<>();
    for (Element e : children(feed, "entry")) {
      String id = text(first(e, "id"));
      if (id.isEmpty()) throw new Refused(NO_ID);
      entries.put(id, e);
    }
    if (entries.size() > MAX_COLLECTIONS + MAX_ITEMS) {
      throw new Refused(TOO_MANY_ENTRIES, "count", entries.size());
    }
    List<Selection> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    Totals totals = new Totals();
    for (Element e : entries.values()) {
      if (!type(e).endsWith("selection")) continue;
      if (out.size() == MAX_COLLECTIONS) throw new Refused(TOO_MANY_COLLECTIONS);
      List<Item> items = new ArrayList<>();
      for (Element link : children(e, "link")) {
        if (!link.getAttribute("rel").endsWith("has_part")) continue;
        Element part = entries.get(link.getAttribute("href"));
        if (part == null) throw new Refused(MISSING_PART, "title", text(first(e, "title")), "part", link.getAttribute("href"));
        used.add(link.getAttribute("href"));
        items.add(item(part, root, totals, names));
      }
      String title = limit(text(first(e, "title")), names.collection());
      checkLength(title, TOO_LONG_DESCRIPTION, first(e, "content"));
      out.add(new Selection(title, contentOf(e), items, langOf(e)));
    }
    List<Item> loose = new ArrayList<>();
    for (var en : entries.entrySet()) {
      if (!type(en.getValue()).endsWith("selection") && !used.contains(en.getKey())) loose.add(item(en.getValue(), root, totals, names));
    }
    if (!loose.isEmpty()) out.add(new Selection(names.looseSelection(), "", loose, null));
    if (out.isEmpty()) throw new Refused(NO_ENTRIES);
    return out;
  }

  /**
   * What a package makes, counted as it is read: a part named by many collections is made once for each,
   * so the counts are of what would be made, not of the entries in the feed.
   */
  private static final class Totals {
    int items;
    long fileBytes;
  }

  /** Refuses text longer than the portfolio's own form takes. */
  private static void checkLength(String title, Message tooLong, Element content) throws Refused {
    if (content != null && content.getTextContent().length() > MAX_TEXT) throw new Refused(tooLong, "title", title);
  }

  private static Item item(Element e, Path root, Totals totals, Fallbacks names) throws Refused, IOException {
    String title = limit(text(first(e, "title")), names.untitled());
    if (++totals.items > MAX_ITEMS) throw new Refused(TOO_MANY_ITEMS);
    for (Element link : children(e, "link")) {
      if ("enclosure".equals(link.getAttribute("rel"))) {
        String href = link.getAttribute("href");
        if (href.contains("://") || href.startsWith("/") || href.contains("\\")) throw new Refused(FILE_OUTSIDE, "title", title, "href", href);
        Path p = root.resolve(href).normalize();
        if (!p.startsWith(root.normalize()) || !Files.isRegularFile(p)) throw new Refused(FILE_MISSING, "title", title, "href", href);
        // Each file's size and kind are checked by the uploads service before any is kept; here only the package's total.
        totals.fileBytes += Files.size(p);
        if (totals.fileBytes > ExchangeRoutes.MAX_PACKAGE) throw new Refused(FILES_TOO_BIG);
        String name = p.getFileName().toString().replaceFirst("^\\d+-", "");
        String fileName = text(first(e, "content"));
        return new Item("FILE", title, null, href, fileName.isBlank() ? name : limit(fileName, name), null, null, langOf(e));
      }
    }
    checkLength(title, TOO_LONG_WRITING, first(e, "content"));
    for (Element link : children(e, "link")) {
      if ("related".equals(link.getAttribute("rel"))) {
        if (link.getAttribute("href").length() > MAX_LINK) throw new Refused(LINK_TOO_LONG, "title", title);
        return new Item("LINK", title, contentOf(e), null, null, null, link.getAttribute("href"), langOf(e));
      }
    }
    return new Item("TEXT", title, contentOf(e), null, null, null, null, langOf(e));
  }

  /** {@code xml:lang="pl"} for a chosen language, nothing for none. */
  private static String xmlLang(String lang) { return lang == null ? "" : " xml:lang=\"" + esc(lang) + "\""; }

  /**
   * The language an entry is written in: {@code xml:lang} on its content, else on its title, else inherited
   * from the entry or the feed, as XML has it; null for none or a malformed tag.
   */
  private static String langOf(Element entry) {
    Element c = first(entry, "content");
    if (c == null) c = first(entry, "title");
    for (Node n = c == null ? entry : c; n instanceof Element el; n = n.getParentNode()) {
      String l = el.getAttributeNS(XML, "lang");
      if (!l.isEmpty()) return org.courtyard.api.i18n.ContentLanguage.of(l).orElse(null);
    }
    return null;
  }

  /** Content as HTML: html content as it is (sanitised later), text escaped. */
  private static String contentOf(Element e) {
    Element c = first(e, "content");
    if (c == null) return "";
    String t = c.getTextContent();
    return "text".equals(c.getAttribute("type")) || c.getAttribute("type").isEmpty() ? esc(t) : t;
  }

  private static String type(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && "type".equals(local(c)) && RDF.equals(c.getNamespaceURI())) return c.getAttributeNS(RDF, "resource");
    }
    return "";
  }

  private static String limit(String s, String fallback) {
    String t = s == null || s.isBlank() ? fallback : s.trim();
    return t.length() > 200 ? t.substring(0, 199) + "…" : t;
  }

  private static String local(Node n) { return SafeXml.localName(n); }

  private static Element first(Element e, String name) { return SafeXml.firstChild(e, name); }

  private static List<Element> children(Element e, String name) { return SafeXml.children(e, name); }

  private static String text(Element e) { return e == null ? "" : e.getTextContent().trim(); }

  static String esc(String s) { return SafeXml.escape(s); }
}
