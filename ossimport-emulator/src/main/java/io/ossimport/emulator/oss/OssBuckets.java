package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.BucketMeta;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/** Bucket operations: create, delete, head, info, location, ACL, and listing buckets. */
public final class OssBuckets {
  static final List<String> ACLS = Arrays.asList("private", "public-read", "public-read-write");
  static final List<String> STORAGE_CLASSES =
      Arrays.asList("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");

  private final EmulatorConfig config;
  private final Store store;

  OssBuckets(EmulatorConfig config, Store store) {
    this.config = config;
    this.store = store;
  }

  /** OSS bucket names: 3-63 of a-z, 0-9 and '-', starting and ending with a letter or digit. */
  public static boolean isValidName(String name) {
    if (name == null || name.length() < 3 || name.length() > 63) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return false;
      }
    }
    return name.charAt(0) != '-' && name.charAt(name.length() - 1) != '-';
  }

  private BucketMeta require(String bucket) throws OssError {
    BucketMeta b = store.bucket(bucket);
    if (b == null) {
      throw OssError.noSuchBucket(bucket);
    }
    return b;
  }

  void putBucket(HttpRequest req, String bucket, HttpResponse resp)
      throws IOException, OssError, StoreException {
    String acl = req.header("x-oss-acl");
    if (acl != null && !ACLS.contains(acl)) {
      throw OssError.invalidArgument("no such bucket access control exists", "x-oss-acl", acl);
    }
    String storageClass = "Standard";
    byte[] body = req.readBody(64 * 1024);
    if (body.length > 0) {
      Element root;
      try {
        root = XmlReader.parse(body);
      } catch (IllegalArgumentException e) {
        throw new OssError(400, "MalformedXML", "The XML you provided was not well-formed.");
      }
      String sc = XmlReader.childText(root, "StorageClass");
      if (sc != null) {
        if (!STORAGE_CLASSES.contains(sc)) {
          throw OssError.invalidArgument("Invalid storage class.", "StorageClass", sc);
        }
        storageClass = sc;
      }
    }
    store.createBucket(
        bucket, "oss-" + config.region(), acl == null ? "private" : acl, storageClass);
    resp.header("Location", "/" + bucket);
    resp.sendEmpty(200);
  }

  void deleteBucket(String bucket, HttpResponse resp) throws IOException, OssError, StoreException {
    require(bucket);
    store.deleteBucket(bucket);
    resp.sendEmpty(204);
  }

  void headBucket(String bucket, HttpResponse resp) throws IOException, OssError {
    BucketMeta b = require(bucket);
    resp.header("x-oss-bucket-region", b.location().replaceFirst("^oss-", ""));
    resp.sendEmpty(200);
  }

  void getBucketLocation(String bucket, HttpResponse resp) throws IOException, OssError {
    BucketMeta b = require(bucket);
    XmlWriter x = new XmlWriter();
    x.element("LocationConstraint", b.location());
    resp.send(200, x.toBytes(), "application/xml");
  }

  void getBucketAcl(String bucket, HttpResponse resp) throws IOException, OssError {
    BucketMeta b = require(bucket);
    XmlWriter x = new XmlWriter().start("AccessControlPolicy");
    owner(x);
    x.start("AccessControlList").element("Grant", b.acl()).end();
    resp.send(200, x.toBytes(), "application/xml");
  }

  void getBucketInfo(String bucket, HttpResponse resp) throws IOException, OssError {
    BucketMeta b = require(bucket);
    XmlWriter x = new XmlWriter().start("BucketInfo").start("Bucket");
    x.element("AccessMonitor", "Disabled");
    x.element("CreationDate", HttpDates.iso8601(b.created()));
    x.element("ExtranetEndpoint", b.location() + ".aliyuncs.com");
    x.element("IntranetEndpoint", b.location() + "-internal.aliyuncs.com");
    x.element("Location", b.location());
    x.element("StorageClass", b.storageClass());
    x.element("TransferAcceleration", "Disabled");
    x.element("CrossRegionReplication", "Disabled");
    x.element("Name", b.name());
    owner(x);
    x.start("AccessControlList").element("Grant", b.acl()).end();
    x.element("DataRedundancyType", "LRS");
    x.start("ServerSideEncryptionRule").element("SSEAlgorithm", "None").end();
    resp.send(200, x.toBytes(), "application/xml");
  }

  void listBuckets(HttpRequest req, HttpResponse resp) throws IOException, OssError {
    String prefix = req.param("prefix");
    String marker = req.param("marker");
    int max = OssKeys.intParam("max-keys", req.param("max-keys"), 1000, 1, 1000);
    XmlWriter x = new XmlWriter().start("ListAllMyBucketsResult");
    boolean paged = prefix != null || marker != null || req.param("max-keys") != null;
    int count = 0;
    String last = null;
    boolean truncated = false;
    java.util.List<BucketMeta> shown = new java.util.ArrayList<BucketMeta>();
    for (BucketMeta b : store.buckets()) {
      if ((prefix != null && !b.name().startsWith(prefix))
          || (marker != null && b.name().compareTo(marker) <= 0)) {
        continue;
      }
      if (count == max) {
        truncated = true;
        break;
      }
      shown.add(b);
      last = b.name();
      count++;
    }
    if (paged) {
      x.element("Prefix", prefix == null ? "" : prefix);
      x.element("Marker", marker == null ? "" : marker);
      x.element("MaxKeys", max);
      x.element("IsTruncated", Boolean.toString(truncated));
      if (truncated) {
        x.element("NextMarker", last);
      }
    }
    owner(x);
    x.start("Buckets");
    for (BucketMeta b : shown) {
      x.start("Bucket");
      x.element("CreationDate", HttpDates.iso8601(b.created()));
      x.element("ExtranetEndpoint", b.location() + ".aliyuncs.com");
      x.element("IntranetEndpoint", b.location() + "-internal.aliyuncs.com");
      x.element("Location", b.location());
      x.element("Name", b.name());
      x.element("Region", b.location().replaceFirst("^oss-", ""));
      x.element("StorageClass", b.storageClass());
      x.end();
    }
    x.end();
    resp.send(200, x.toBytes(), "application/xml");
  }

  static void owner(XmlWriter x) {
    x.start("Owner").element("ID", OssKeys.OWNER_ID);
    x.element("DisplayName", OssKeys.OWNER_NAME).end();
  }
}
