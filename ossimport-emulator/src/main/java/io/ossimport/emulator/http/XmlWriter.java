package io.ossimport.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Builds small XML documents with correct escaping; no namespace unless the caller adds one. */
public final class XmlWriter {
  private final StringBuilder sb = new StringBuilder(1024);
  private final Deque<String> open = new ArrayDeque<String>();

  /** Starts a document with the XML declaration. */
  public XmlWriter() {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  /** Opens an element. */
  public XmlWriter start(String name) {
    sb.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  /** Opens an element with one attribute (e.g. a namespace). */
  public XmlWriter start(String name, String attr, String value) {
    sb.append('<').append(name).append(' ').append(attr).append("=\"");
    escape(value);
    sb.append("\">");
    open.push(name);
    return this;
  }

  /** Closes the innermost open element. */
  public XmlWriter end() {
    sb.append("</").append(open.pop()).append('>');
    return this;
  }

  /** A leaf element with text ({@code null} text writes an empty element). */
  public XmlWriter element(String name, String text) {
    sb.append('<').append(name).append('>');
    if (text != null) {
      escape(text);
    }
    sb.append("</").append(name).append('>');
    return this;
  }

  /** A leaf element with a number. */
  public XmlWriter element(String name, long value) {
    sb.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    return this;
  }

  /** A leaf element only when the text is not {@code null}. */
  public XmlWriter optional(String name, String text) {
    return text == null ? this : element(name, text);
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&apos;");
          break;
        default:
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            sb.append("&#").append((int) c).append(';'); // not XML 1.0; use encoding-type=url
          } else {
            sb.append(c);
          }
      }
    }
  }

  /** The document (closing any elements left open). */
  public byte[] toBytes() {
    while (!open.isEmpty()) {
      end();
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
