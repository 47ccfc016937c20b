package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class S3XmlTest {
  @Test
  void resultsAreInTheS3NamespaceAndKeepAwkwardKeysIntact() throws Exception {
    String key = "a&b<c>\"d'\r\n\te";
    byte[] xml =
        S3Xml.result("ListBucketResult")
            .element("Name", "bucket")
            .start("Contents")
            .element("Key", key)
            .element("Size", 42)
            .toBytes();

    Document doc = parse(xml);

    assertEquals(S3Xml.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
    Element contents = (Element) doc.getElementsByTagNameNS(S3Xml.NAMESPACE, "Contents").item(0);
    assertEquals(
        key, contents.getElementsByTagNameNS(S3Xml.NAMESPACE, "Key").item(0).getTextContent());
    assertEquals(
        "42", contents.getElementsByTagNameNS(S3Xml.NAMESPACE, "Size").item(0).getTextContent());
  }

  @Test
  void errorsCarryNoNamespace() throws Exception {
    Document doc = parse(S3Xml.error().element("Code", "NoSuchKey").toBytes());

    assertEquals(null, doc.getDocumentElement().getNamespaceURI());
    assertEquals("Error", doc.getDocumentElement().getLocalName());
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
