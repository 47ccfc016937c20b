package io.ossimport.emulator.oss;

import static io.ossimport.emulator.Operation.DeleteObjectTagging;
import static io.ossimport.emulator.Operation.GetObjectAcl;
import static io.ossimport.emulator.Operation.GetObjectTagging;
import static io.ossimport.emulator.Operation.PutObjectAcl;
import static io.ossimport.emulator.Operation.PutObjectTagging;

import io.ossimport.emulator.Operation;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The object sub-resources that change what is set on an object but not its content: {@code
 * ?tagging} (GetObjectTagging, PutObjectTagging, DeleteObjectTagging) and {@code ?acl}
 * (GetObjectACL, PutObjectACL). None of them changes Last-Modified (PutObjectTagging usage notes).
 */
final class OssObjectSettings {
  /** The table {@link OssRouter} classifies by and {@link #serve} dispatches through. */
  private static final List<Route> ROUTES =
      Arrays.asList(
          new Route("tagging", "GET", GetObjectTagging, OssObjectSettings::getTagging),
          new Route("tagging", "PUT", PutObjectTagging, OssObjectSettings::putTagging),
          new Route("tagging", "DELETE", DeleteObjectTagging, OssObjectSettings::deleteTagging),
          new Route("acl", "GET", GetObjectAcl, OssObjectSettings::getAcl),
          new Route("acl", "PUT", PutObjectAcl, OssObjectSettings::putAcl));

  /** The object sub-resources of {@link #ROUTES}, in its order. */
  static final List<String> SUBRESOURCES = subresources();

  private final Store store;

  OssObjectSettings(Store store) {
    this.store = store;
  }

  /**
   * The operation {@code method} asks for on object sub-resource {@code subresource} (one of {@link
   * #SUBRESOURCES}); {@link Operation#NotImplemented} for a method that sub-resource does not take.
   */
  static Operation operation(String subresource, String method) {
    for (Route r : ROUTES) {
      if (r.subresource.equals(subresource) && r.method.equals(method)) {
        return r.operation;
      }
    }
    return Operation.NotImplemented;
  }

  /** Serves {@code op} if it is one of the table's; false (nothing sent) for any other. */
  boolean serve(Operation op, HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    for (Route r : ROUTES) {
      if (r.operation == op) {
        r.handler.serve(this, req, bucket, key, resp);
        return true;
      }
    }
    return false;
  }

  /** {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>}. */
  private void getTagging(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    ObjectAttributes a = current(bucket, key);
    XmlWriter x = new XmlWriter().start("Tagging").start("TagSet");
    for (Map.Entry<String, String> t : a.tags().entrySet()) {
      x.start("Tag").element("Key", t.getKey()).element("Value", t.getValue()).end();
    }
    resp.send(200, x.toBytes(), "application/xml");
  }

  private void putTagging(HttpRequest req, String bucket, String key, HttpResponse resp)
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

  private void deleteTagging(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    replace(bucket, key, current(bucket, key).copy().tags(new LinkedHashMap<String, String>()));
    resp.sendEmpty(204);
  }

  /** The object's own ACL; {@code default} (the bucket's) when none was set. */
  private void getAcl(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    ObjectAttributes a = current(bucket, key);
    XmlWriter x = new XmlWriter().start("AccessControlPolicy");
    OssBuckets.owner(x);
    x.start("AccessControlList").element("Grant", a.acl() == null ? "default" : a.acl()).end();
    resp.send(200, x.toBytes(), "application/xml");
  }

  private void putAcl(HttpRequest req, String bucket, String key, HttpResponse resp)
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

  private static List<String> subresources() {
    LinkedHashSet<String> names = new LinkedHashSet<String>();
    for (Route r : ROUTES) {
      names.add(r.subresource);
    }
    return new ArrayList<String>(names);
  }

  /** What serves one route: every handler takes the same arguments, used or not. */
  private interface Handler {
    void serve(
        OssObjectSettings settings, HttpRequest req, String bucket, String key, HttpResponse resp)
        throws IOException, OssError, StoreException;
  }

  /** One row of the table: sub-resource and method, the operation they are, who serves it. */
  private static final class Route {
    final String subresource;
    final String method;
    final Operation operation;
    final Handler handler;

    Route(String subresource, String method, Operation operation, Handler handler) {
      this.subresource = subresource;
      this.method = method;
      this.operation = operation;
      this.handler = handler;
    }
  }
}
