package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The object sub-resources that change what is set on an object but not its content: {@code
 * ?tagging} (GetObjectTagging, PutObjectTagging, DeleteObjectTagging) and {@code ?acl}
 * (GetObjectACL, PutObjectACL). None of them changes Last-Modified (PutObjectTagging usage notes).
 */
final class OssObjectSettings {
  private final Store store;

  OssObjectSettings(Store store) {
    this.store = store;
  }

  /** {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>}. */
  void getTagging(String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    ObjectAttributes a = current(bucket, key);
    XmlWriter x = new XmlWriter().start("Tagging").start("TagSet");
    for (Map.Entry<String, String> t : a.tags().entrySet()) {
      x.start("Tag").element("Key", t.getKey()).element("Value", t.getValue()).end();
    }
    resp.send(200, x.toBytes(), "application/xml");
  }

  void putTagging(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    Map<String, String> tags = new LinkedHashMap<String, String>();
    try {
      Element root = XmlReader.parse(req.readBody(64 * 1024));
      if (!"Tagging".equals(XmlReader.localName(root))) {
        throw new IllegalArgumentException("root is not Tagging");
      }
      for (Element set : XmlReader.children(root, "TagSet")) {
        for (Element tag : XmlReader.children(set, "Tag")) {
          String k = XmlReader.childText(tag, "Key");
          String v = XmlReader.childText(tag, "Value");
          if (k == null) {
            throw new IllegalArgumentException("Tag without Key");
          }
          if (tags.put(k, v == null ? "" : v) != null) {
            throw new OssError(400, "InvalidTag", "Duplicate tag key: " + k);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new OssError(
          400,
          "MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema.");
    }
    OssTags.check(tags);
    replace(bucket, key, current(bucket, key).copy().tags(tags));
    resp.sendEmpty(200);
  }

  void deleteTagging(String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    replace(bucket, key, current(bucket, key).copy().tags(new LinkedHashMap<String, String>()));
    resp.sendEmpty(204);
  }

  /** The object's own ACL; {@code default} (the bucket's) when none was set. */
  void getAcl(String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    ObjectAttributes a = current(bucket, key);
    XmlWriter x = new XmlWriter().start("AccessControlPolicy");
    OssBuckets.owner(x);
    x.start("AccessControlList").element("Grant", a.acl() == null ? "default" : a.acl()).end();
    resp.send(200, x.toBytes(), "application/xml");
  }

  void putAcl(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    String acl = req.header("x-oss-object-acl");
    if (acl == null || !OssObjectHeaders.OBJECT_ACLS.contains(acl)) {
      throw OssError.invalidArgument(
          "no such object access control exists", "x-oss-object-acl", acl);
    }
    replace(bucket, key, current(bucket, key).copy().acl(acl));
    resp.sendEmpty(200);
  }

  private ObjectAttributes current(String bucket, String key)
      throws IOException, OssError, StoreException {
    try (StoredObject o = store.open(bucket, key)) {
      if (o == null) {
        throw OssError.noSuchKey(key);
      }
      return o.meta().attributes();
    }
  }

  private void replace(String bucket, String key, ObjectAttributes a)
      throws IOException, OssError, StoreException {
    if (!store.replaceAttributes(bucket, key, a)) {
      throw OssError.noSuchKey(key);
    }
  }
}
