package io.ossimport.core.source.s3;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A bucket of an S3-compatible store ({@code srcType=s3}, {@code qiniu}, {@code bos}, {@code ks3},
 * {@code cos}) as a {@link Source}, read with the AWS SDK for Java v2.
 *
 * <p>References are keys with the listed prefix ({@code srcPrefix}) removed. Listing is {@link
 * S3Listing}; reading is GetObject (ranged for multipart parts); {@link #stat} is HeadObject and
 * reports the content type, the user metadata and, when the ETag is a plain MD5 (not a multipart
 * {@code -N} ETag, not SSE-KMS or SSE-C), the MD5. Modification times are whole seconds, because
 * that is all HeadObject's {@code Last-Modified} carries; listing truncates to match.
 *
 * <p>Every failure is an {@link IOException} naming srcType, srcDomain and srcBucket; a key that is
 * gone is a {@link java.nio.file.NoSuchFileException} on open and a missing stat.
 */
public final class S3Source implements Source {
  private static final Set<SourceFeature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(SourceFeature.RANGED_READ, SourceFeature.RESUMABLE_LISTING));
  private static final Pattern PLAIN_MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  private final S3SourceSettings settings;
  private volatile S3Client client;
  private volatile boolean closed;

  /** A source over {@code settings}; nothing is contacted until it is listed or read. */
  public S3Source(S3SourceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public S3SourceSettings settings() {
    return settings;
  }

  @Override
  public Set<SourceFeature> features() {
    return FEATURES;
  }

  /**
   * Lists from the checkpoint; the first page is fetched here, so a bad key or bucket fails now.
   */
  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    return list(checkpoint, listener, S3Listing.PAGE);
  }

  /** {@link #list(String, ListingListener)} with pages of {@code pageSize} keys (tests page). */
  Listing list(String checkpoint, ListingListener listener, int pageSize) throws IOException {
    Objects.requireNonNull(listener, "listener");
    String after = S3Checkpoint.read(checkpoint, settings.location().keyPrefix());
    try {
      return S3Listing.start(client(), settings, after, pageSize);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(e.getMessage());
    }
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return get(reference, GetObjectRequest.builder(), "reading");
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
    }
    if (length == 0) {
      return new ByteArrayInputStream(new byte[0]);
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return get(reference, GetObjectRequest.builder().range(range), "reading " + range + " of");
    } catch (RangeNotSatisfiable e) {
      return new ByteArrayInputStream(new byte[0]); // offset at or past the end: nothing to read
    }
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    HeadObjectResponse head;
    try {
      head = client().headObject(r -> r.bucket(settings.location().bucket()).key(key(reference)));
    } catch (NoSuchKeyException e) {
      return ObjectStat.missing();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return ObjectStat.missing(); // HEAD has no body, so a 404 carries no error code
      }
      throw S3Failures.of(settings, "looking up key " + key(reference), e);
    } catch (SdkException e) {
      throw S3Failures.of(settings, "looking up key " + key(reference), e);
    }
    Map<String, String> metadata = new LinkedHashMap<String, String>();
    for (Map.Entry<String, String> e : head.metadata().entrySet()) {
      metadata.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    return ObjectStat.of(
            head.contentLength() == null ? 0 : head.contentLength(), toSeconds(head.lastModified()))
        .withContentType(head.contentType())
        .withUserMetadata(metadata)
        .withMd5Hex(md5Of(head))
        .withHeaders(headers(head))
        .withStorageClass(ossStorageClass(head.storageClassAsString()));
  }

  private static Map<String, String> headers(HeadObjectResponse head) {
    Map<String, String> h = new LinkedHashMap<String, String>();
    h.put("Cache-Control", head.cacheControl());
    h.put("Content-Disposition", head.contentDisposition());
    h.put("Content-Encoding", head.contentEncoding());
    h.put("Content-Language", head.contentLanguage());
    h.put("Expires", head.expiresString());
    return h;
  }

  /**
   * The OSS class nearest an S3 class ({@code keepSourceAttributes}): IA for the infrequent-access
   * classes, Archive for the Glacier ones that are read in minutes or hours, ColdArchive for Deep
   * Archive; {@code null} (no header) for an absent class or one without a match.
   */
  static String ossStorageClass(String s3Class) {
    if (s3Class == null) {
      return null;
    }
    switch (s3Class) {
      case "STANDARD":
        return "Standard";
      case "STANDARD_IA":
      case "ONEZONE_IA":
        return "IA";
      case "GLACIER":
      case "GLACIER_IR":
        return "Archive";
      case "DEEP_ARCHIVE":
        return "ColdArchive";
      default:
        return null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    S3Client c = client;
    client = null;
    if (c != null) {
      c.close();
    }
  }

  /** Epoch milliseconds cut to whole seconds, so listing and HeadObject agree. */
  static long toSeconds(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond() * 1000L;
  }

  /** The MD5 an ETag stands for, or null when it is not one (multipart, KMS, customer keys). */
  static String md5Of(HeadObjectResponse head) {
    String etag = head.eTag();
    if (etag == null
        || head.serverSideEncryption() == ServerSideEncryption.AWS_KMS
        || head.serverSideEncryption() == ServerSideEncryption.AWS_KMS_DSSE
        || head.sseCustomerAlgorithm() != null) {
      return null;
    }
    String plain = etag.replace("\"", "").trim();
    return PLAIN_MD5.matcher(plain).matches() ? plain.toLowerCase(Locale.ROOT) : null;
  }

  private InputStream get(String reference, GetObjectRequest.Builder request, String action)
      throws IOException {
    String key = key(reference);
    try {
      return new S3ObjectStream(
          client().getObject(request.bucket(settings.location().bucket()).key(key).build()));
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        throw new RangeNotSatisfiable();
      }
      throw S3Failures.of(settings, action + " key " + key, e);
    } catch (SdkException e) {
      throw S3Failures.of(settings, action + " key " + key, e);
    }
  }

  private String key(String reference) {
    return settings.location().keyPrefix() + reference;
  }

  private S3Client client() throws IOException {
    S3Client c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          if (closed) {
            throw new IOException(settings.describe() + ": the source is closed");
          }
          try {
            c = S3Clients.build(settings);
          } catch (SdkException | IllegalArgumentException e) {
            throw new IOException(
                settings.describe() + ": cannot set up the S3 client: " + e.getMessage(), e);
          }
          client = c;
        }
      }
    }
    return c;
  }

  /** HTTP 416: the range starts at or after the end of the object. */
  private static final class RangeNotSatisfiable extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
