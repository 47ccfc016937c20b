package io.ossimport.emulator.http;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses request bodies (multi-delete, complete-multipart) with the JDK's DOM parser; one builder
 * per thread, since factories are costly and builders are not thread-safe. DOCTYPEs are refused.
 */
public final class XmlReader {
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      new ThreadLocal<DocumentBuilder>() {
        @Override
        protected DocumentBuilder initialValue() {
          try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
          } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
          }
        }
      };

  private XmlReader() {}

  /** The root element; throws {@link IllegalArgumentException} for malformed XML. */
  public static Element parse(byte[] xml) {
    DocumentBuilder b = BUILDER.get();
    b.reset();
    b.setErrorHandler(null);
    try {
      Document d = b.parse(new ByteArrayInputStream(xml));
      return d.getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
    }
  }

  /** Direct children with this local name. */
  public static List<Element> children(Element parent, String name) {
    List<Element> list = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(localName(n))) {
        list.add((Element) n);
      }
    }
    return list;
  }

  /** Text of the first direct child with this local name, or {@code null}. */
  public static String childText(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0).getTextContent();
  }

  /** The element's name without prefix. */
  public static String localName(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }
}
