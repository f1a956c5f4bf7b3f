package org.courtyard.api.roster;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * XML parsing for untrusted files: DOCTYPEs (and so external entities and entity-expansion bombs)
 * are refused outright, and a parse error names the line.
 */
public final class SafeXml {
  /**
   * How deep elements may nest. A CTF, a QTI item or a LEAP2A feed nests a few dozen deep at most; the
   * parser itself copes with far more, but code walking the tree (recursively, as DOM code does) would
   * run out of stack on a file of nothing but nested tags.
   */
  public static final int MAX_DEPTH = 500;

  private SafeXml() {}

  public static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      try {
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
      } catch (IllegalArgumentException notTheJdkParser) {
        // Another parser on the class path: it keeps its own limits.
      }
      f.setNamespaceAware(true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be made safe", e);
    }
  }

  /** Parses, turning every failure into a {@link RosterException} with a plain message. */
  public static Document parse(InputStream in) throws RosterException { return parse(in, ApiWords.ENGLISH); }

  /** As above, the message in the words of {@code texts} (the reader's language). @since 2.1.0 */
  public static Document parse(InputStream in, Texts texts) throws RosterException {
    try {
      return documentBuilder().parse(in);
    } catch (SAXParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("maxElementDepth")) {
        throw new RosterException(texts.text(Message.of("roster.xml.tooDeep"), "max", MAX_DEPTH));
      }
      if (msg.contains("DOCTYPE")) {
        throw new RosterException(texts.text(Message.of("roster.xml.doctype")));
      }
      throw new RosterException(texts.text(Message.of("roster.xml.notWellFormedAt"), "line", String.valueOf(e.getLineNumber()), "problem", msg));
    } catch (org.xml.sax.SAXException e) {
      throw new RosterException(texts.text(Message.of("roster.xml.notWellFormed"), "problem", String.valueOf(e.getMessage())));
    } catch (java.io.IOException e) {
      throw new RosterException(texts.text(Message.of("roster.xml.unreadable"), "problem", String.valueOf(e.getMessage())));
    }
  }

  /** An element's or attribute's name without its namespace prefix. */
  public static String localName(org.w3c.dom.Node n) { return n.getLocalName() != null ? n.getLocalName() : n.getNodeName(); }

  /** The first child element with this local name, or null. */
  public static org.w3c.dom.Element firstChild(org.w3c.dom.Element parent, String localName) {
    if (parent == null) return null;
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element c && localName.equals(localName(c))) return c;
    }
    return null;
  }

  /** The child elements with this local name, in document order. */
  public static java.util.List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String localName) {
    java.util.List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
    if (parent == null) return out;
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element c && localName.equals(localName(c))) out.add(c);
    }
    return out;
  }

  /** Every element below this one with this local name, in document order. */
  public static java.util.List<org.w3c.dom.Element> descendants(org.w3c.dom.Element e, String localName) {
    java.util.List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element c) {
        if (localName.equals(localName(c))) out.add(c);
        out.addAll(descendants(c, localName));
      }
    }
    return out;
  }

  /** Text for XML content or an attribute value: escaped, and characters XML 1.0 cannot carry left out. */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t') b.append(ch);
        }
      }
    }
    return b.toString();
  }
}
