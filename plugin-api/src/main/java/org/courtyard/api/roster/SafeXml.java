package org.courtyard.api.roster;

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
      f.setNamespaceAware(true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be made safe", e);
    }
  }

  /** Parses, turning every failure into a {@link RosterException} with a plain message. */
  public static Document parse(InputStream in) throws RosterException {
    try {
      return documentBuilder().parse(in);
    } catch (SAXParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("DOCTYPE")) {
        throw new RosterException("The file declares a DOCTYPE, which is not allowed (it can hide external entities or an entity bomb). Export it again from the MIS.");
      }
      throw new RosterException("The file is not well-formed XML (line " + e.getLineNumber() + "): " + msg);
    } catch (org.xml.sax.SAXException e) {
      throw new RosterException("The file is not well-formed XML: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new RosterException("The file could not be read: " + e.getMessage());
    }
  }
}
