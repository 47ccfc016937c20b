package io.ossimport.core.source.s3;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK exceptions into {@link IOException}s whose message names the source (type, srcDomain,
 * srcBucket), what was being done, what the store said and the fix. The message never contains a
 * credential: the SDK's own messages carry none, and only the error code and text are kept.
 */
final class S3Failures {
  private S3Failures() {}

  /** A failure while {@code action} (e.g. "listing prefix 'a/'"). */
  static IOException of(S3SourceSettings settings, String action, SdkException e) {
    String head = settings.describe() + ": " + action + " failed: ";
    if (!(e instanceof S3Exception) && isXmlParseFailure(e)) {
      return new IOException(
          head
              + settings.location().endpoint()
              + " answered with a page that could not be parsed as XML ("
              + e.getMessage()
              + "); check that srcDomain is the store's S3 endpoint. A key holding a control"
              + " character (U+0001..U+001F) cannot be listed from a store that ignores"
              + " encoding-type=url: rename such keys at the source",
          e);
    }
    if (!(e instanceof S3Exception)) {
      return new IOException(
          head
              + "cannot reach "
              + settings.location().endpoint()
              + " ("
              + e.getMessage()
              + "); check srcDomain and the network",
          e);
    }
    S3Exception s3 = (S3Exception) e;
    String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
    String text = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
    String said = "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
    if (text != null && !text.isEmpty()) {
      said += " (" + text + ")";
    }
    if ("NoSuchKey".equals(code)) {
      NoSuchFileException gone = new NoSuchFileException(action, null, head + said);
      gone.initCause(e);
      return gone;
    }
    return new IOException(head + said + "; " + advice(settings, s3.statusCode(), code), e);
  }

  /** The SDK's "Could not parse XML response", caused by the XML reader's exception. */
  private static boolean isXmlParseFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException) {
        return true;
      }
    }
    String m = e.getMessage();
    return m != null && m.startsWith("Could not parse XML response");
  }

  private static String advice(S3SourceSettings settings, int status, String code) {
    if ("NoSuchBucket".equals(code)) {
      return settings.flavor() == S3Flavor.COS
          ? "check srcBucket and appId (the bucket is " + settings.location().bucket() + ")"
          : "check srcBucket";
    }
    if ("InvalidAccessKeyId".equals(code)) {
      return "check srcAccessKey";
    }
    if ("SignatureDoesNotMatch".equals(code)) {
      return "check srcSecretKey";
    }
    if ("AuthorizationHeaderMalformed".equals(code)
        || "PermanentRedirect".equals(code)
        || status == 301) {
      return "the bucket is in another region; set srcDomain to that region's endpoint";
    }
    if (status == 401 || status == 403) {
      return "check srcAccessKey and srcSecretKey, and that this key may list and read the bucket";
    }
    if (status == 404) {
      return "check srcBucket and srcDomain";
    }
    return "check srcDomain, srcBucket and the store's status";
  }
}
