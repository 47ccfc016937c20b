package io.ossimport.core.source.azure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a List Blobs response ({@code EnumerationResults}) with StAX, keeping only what a listing
 * needs: name, size and modification time of each blob, and {@code NextMarker}. A name that Azure
 * percent-encoded because it holds characters XML cannot carry ({@code Encoded="true"}) is decoded.
 */
final class BlobListParser {
  private static final XMLInputFactory FACTORY = newFactory();

  private BlobListParser() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  static BlobPage parse(InputStream body) throws IOException {
    List<BlobPage.Entry> blobs = new ArrayList<>();
    String nextMarker = "";
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(body, "UTF-8");
      try {
        String name = null;
        long size = -1;
        long mtime = -1;
        int depth = 0;
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
            String tag = r.getLocalName();
            if (tag.equals("Blob")) {
              name = null;
              size = -1;
              mtime = -1;
            } else if (tag.equals("Name") && depth == 4) {
              boolean encoded = "true".equalsIgnoreCase(r.getAttributeValue(null, "Encoded"));
              String text = r.getElementText();
              depth--;
              name = encoded ? percentDecode(text) : text;
            } else if (tag.equals("Content-Length")) {
              size = Long.parseLong(r.getElementText().trim());
              depth--;
            } else if (tag.equals("Last-Modified")) {
              mtime = HttpDates.parse(r.getElementText());
              depth--;
            } else if (tag.equals("NextMarker") && depth == 2) {
              nextMarker = r.getElementText().trim();
              depth--;
            }
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
            if (r.getLocalName().equals("Blob")) {
              if (name == null || size < 0 || mtime < 0) {
                throw new IOException("a List Blobs entry lacks its name, size or time");
              }
              blobs.add(new BlobPage.Entry(name, size, mtime));
            }
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException | IllegalArgumentException e) {
      throw new IOException("the List Blobs response is not valid: " + e.getMessage(), e);
    }
    return new BlobPage(blobs, nextMarker);
  }

  /** Decodes {@code %XX} sequences as UTF-8 ({@code +} stays a plus sign, unlike form decoding). */
  static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
