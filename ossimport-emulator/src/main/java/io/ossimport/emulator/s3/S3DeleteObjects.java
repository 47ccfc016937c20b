package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.util.List;
import org.w3c.dom.Element;

/** DeleteObjects ({@code POST /bucket?delete}): up to 1000 keys, verbose or quiet result. */
final class S3DeleteObjects {
  private static final int MAX_KEYS = 1000;
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private S3DeleteObjects() {}

  static void run(S3Exchange ex) throws IOException, StoreException {
    ex.store.requireBucket(ex.bucket());
    S3RequestBody body = ex.body();
    if (!body.hasIntegrityCheck(ex.head)) {
      throw S3Failure.badRequest(
          "InvalidRequest",
          "Missing required header for this request: Content-MD5 or x-amz-checksum-*.");
    }
    Element root = S3Buckets.parse(S3Exchange.smallBody(body, MAX_BODY));
    if (!"Delete".equals(XmlReader.localName(root))) {
      throw S3Buckets.malformedXml();
    }
    boolean quiet = "true".equalsIgnoreCase(trim(XmlReader.childText(root, "Quiet")));
    List<Element> objects = XmlReader.children(root, "Object");
    if (objects.isEmpty() || objects.size() > MAX_KEYS) {
      throw S3Buckets.malformedXml();
    }
    S3Xml xml = S3Xml.result("DeleteResult");
    for (Element object : objects) {
      String key = XmlReader.childText(object, "Key");
      if (key == null) {
        throw S3Buckets.malformedXml();
      }
      String version = XmlReader.childText(object, "VersionId");
      if (version != null && !version.equals("null")) {
        xml.start("Error")
            .element("Key", key)
            .element("VersionId", version)
            .element("Code", "NotImplemented")
            .element("Message", "Object versioning is not implemented by the emulator.")
            .end();
        continue;
      }
      ex.store.deleteObject(ex.bucket(), key);
      if (!quiet) {
        xml.start("Deleted").element("Key", key).end();
      }
    }
    ex.sendXml(200, xml);
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
