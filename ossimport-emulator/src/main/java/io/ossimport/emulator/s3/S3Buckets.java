package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.store.BucketMeta;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import org.w3c.dom.Element;

/**
 * The bucket operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation.
 * The S3 dialect presents every bucket in us-east-1 (clients sign for the region they are told, and
 * the emulator accepts any region in the signature scope).
 */
final class S3Buckets {
  static final String REGION = "us-east-1";
  private static final int MAX_CONFIGURATION_BYTES = 64 * 1024;

  private S3Buckets() {}

  static void listBuckets(S3Exchange ex) throws IOException {
    S3Xml xml = S3Xml.result("ListAllMyBucketsResult");
    S3Owner.write(xml, ex.auth);
    xml.start("Buckets");
    for (BucketMeta bucket : ex.store.buckets()) {
      xml.start("Bucket")
          .element("Name", bucket.name())
          .element("CreationDate", HttpDates.iso8601(bucket.created()))
          .end();
    }
    xml.end();
    ex.sendXml(200, xml);
  }

  static void create(S3Exchange ex) throws IOException, StoreException {
    checkBucketName(ex.bucket());
    S3Attributes.refuseUnsupportedHeaders(ex.head);
    if (ex.head.header("x-amz-bucket-object-lock-enabled") != null
        && !"false".equals(ex.head.header("x-amz-bucket-object-lock-enabled"))) {
      throw S3Failure.notImplemented("Object lock");
    }
    String acl = ex.head.header("x-amz-acl");
    String storedAcl = acl == null ? null : S3CannedAcl.toStore(acl);
    byte[] configuration = ex.smallBody(MAX_CONFIGURATION_BYTES);
    if (configuration.length > 0) {
      Element root = parse(configuration);
      if (!"CreateBucketConfiguration".equals(XmlReader.localName(root))) {
        throw malformedXml();
      }
      // A LocationConstraint is accepted and not kept: the emulator has one location.
    }
    try {
      ex.store.createBucket(
          ex.bucket(),
          "oss-" + ex.config.region(),
          storedAcl == null ? "private" : storedAcl,
          null);
    } catch (StoreException e) {
      if (e.reason() == StoreException.Reason.BUCKET_ALREADY_EXISTS) {
        throw new S3Failure(
                409,
                "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own"
                    + " it.")
            .detail("BucketName", ex.bucket());
      }
      throw e;
    }
    ex.response.header("Location", "/" + ex.bucket());
    ex.response.sendEmpty(200);
  }

  static void head(S3Exchange ex) throws IOException, StoreException {
    ex.store.requireBucket(ex.bucket());
    ex.response.header("x-amz-bucket-region", REGION);
    ex.response.sendEmpty(200);
  }

  static void delete(S3Exchange ex) throws IOException, StoreException {
    ex.store.deleteBucket(ex.bucket());
    ex.response.sendEmpty(204);
  }

  static void location(S3Exchange ex) throws IOException, StoreException {
    ex.store.requireBucket(ex.bucket());
    // us-east-1 is the empty constraint.
    ex.sendXml(200, S3Xml.result("LocationConstraint"));
  }

  /** S3's bucket naming rules (3-63 characters of a-z 0-9 . -, starting and ending alnum). */
  static void checkBucketName(String name) throws S3Failure {
    boolean valid =
        name.length() >= 3
            && name.length() <= 63
            && name.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")
            && !name.contains("..")
            && !name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    if (!valid) {
      throw S3Failure.badRequest("InvalidBucketName", "The specified bucket is not valid.")
          .detail("BucketName", name);
    }
  }

  static Element parse(byte[] xml) throws S3Failure {
    try {
      return XmlReader.parse(xml);
    } catch (IllegalArgumentException e) {
      throw malformedXml();
    }
  }

  static S3Failure malformedXml() {
    return S3Failure.badRequest(
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published"
            + " schema.");
  }
}
