package io.ossimport.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the small XML documents S3 answers with: a declaration, a root element (in the S3
 * namespace for results, without one for errors, as S3 does), nested elements with escaped text.
 */
final class S3Xml {
  static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  private final StringBuilder out = new StringBuilder(512);
  private final Deque<String> open = new ArrayDeque<>();

  private S3Xml(String root, boolean namespaced) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root);
    if (namespaced) {
      out.append(" xmlns=\"").append(NAMESPACE).append('"');
    }
    out.append('>');
    open.push(root);
  }

  /** A result document whose root is in the S3 namespace. */
  static S3Xml result(String root) {
    return new S3Xml(root, true);
  }

  /** An error document ({@code <Error>} carries no namespace in S3). */
  static S3Xml error() {
    return new S3Xml("Error", false);
  }

  S3Xml start(String name) {
    out.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  S3Xml end() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** {@code <name>text</name>}; nothing when {@code text} is null. */
  S3Xml element(String name, String text) {
    if (text != null) {
      out.append('<').append(name).append('>');
      escape(text);
      out.append("</").append(name).append('>');
    }
    return this;
  }

  S3Xml element(String name, long value) {
    return element(name, Long.toString(value));
  }

  S3Xml element(String name, boolean value) {
    return element(name, Boolean.toString(value));
  }

  /** Closes every open element and returns the UTF-8 document. */
  byte[] toBytes() {
    while (!open.isEmpty()) {
      end();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&apos;");
          break;
        default:
          if (c < 0x20 && c != '\t') {
            // A reference keeps CR and LF from being normalised away by parsers; the other
            // control characters are not XML 1.0 at all, S3 writes the same reference and
            // advises encoding-type=url for such keys.
            out.append("&#x").append(Integer.toHexString(c)).append(';');
          } else {
            out.append(c);
          }
      }
    }
  }
}
