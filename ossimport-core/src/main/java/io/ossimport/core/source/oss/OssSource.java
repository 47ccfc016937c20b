package io.ossimport.core.source.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Another OSS bucket ({@code srcType=oss}) as a {@link Source}: the objects of {@code srcBucket}
 * whose keys start with {@code srcPrefix}; an object's reference is its key without {@code
 * srcPrefix}.
 *
 * <h2>Listing</h2>
 *
 * ListObjects in key order, the common prefixes under {@code srcPrefix} listed a few at a time in
 * parallel ({@link OssListing}); the checkpoint is the last key consumed, so a resumed listing
 * continues right after it. Left out, without a report: the object whose key is {@code srcPrefix}
 * itself (the "folder" of the prefix; its reference would be empty). Every other object is listed
 * (those older than {@code importSince} too: the worker skips and counts them), including
 * "directory markers" (keys ending in {@code /}, usually empty, that the OSS console creates for a
 * folder): they are copied as they are, like {@code ossutil cp -r} does, so that empty folders and
 * object counts are the same on both sides (rclone, by contrast, ignores them). A key whose
 * destination key ({@code destPrefix + reference}) OSS would reject is listed flagged invalid.
 *
 * <h2>Times</h2>
 *
 * OSS keeps Last-Modified in whole seconds (HEAD says so; a listing may show milliseconds), so
 * listing and {@link #stat} both give whole seconds and a scanned object matches its later stat.
 *
 * <h2>Reading</h2>
 *
 * {@link #open(String, long, long)} is a ranged GetObject ({@code x-oss-range-behavior: standard},
 * so a range past the end is empty, not the whole object); {@link #stat} is a HeadObject and tells
 * content type, user metadata, the CRC-64 OSS keeps and the MD5 only when OSS sends {@code
 * Content-MD5} (an ETag is not an MD5 for multipart or appended objects). SDK failures become
 * {@link io.ossimport.core.oss.SourceFailureException}s with the worker's reason codes.
 * Thread-safe; {@link #close()} shuts the client down.
 */
public final class OssSource implements Source {
  private static final Set<SourceFeature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(
              SourceFeature.RANGED_READ,
              SourceFeature.RESUMABLE_LISTING,
              SourceFeature.SERVER_SIDE_COPY));

  private final OSS client;
  private final OssSourceSettings settings;

  /** A source reading through {@code client}, which it owns from now on. */
  public OssSource(OSS client, OssSourceSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public OssSourceSettings settings() {
    return settings;
  }

  @Override
  public Set<SourceFeature> features() {
    return FEATURES;
  }

  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    String marker = MarkerCheckpoint.read(checkpoint, settings.prefix());
    try {
      return OssListing.start(new ListingPages(client, settings), settings, marker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("listing " + settings + " was interrupted");
    }
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return get(reference, null);
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
    }
    if (length == 0) {
      return new ByteArrayInputStream(new byte[0]);
    }
    return get(reference, new long[] {offset, offset + length - 1});
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    String key = settings.key(reference);
    try {
      GenericRequest request = new GenericRequest(settings.bucket(), key);
      request.setLogEnabled(false);
      return StatReader.toStat(client.getObjectMetadata(request));
    } catch (RuntimeException e) {
      if (isNoSuchKey(e)) {
        return ObjectStat.missing();
      }
      throw SourceErrors.reading(e, settings, key);
    }
  }

  @Override
  public void close() {
    client.shutdown();
  }

  @Override
  public String toString() {
    return "OssSource{" + settings.describe(settings.prefix()) + "}";
  }

  private InputStream get(String reference, long[] range) throws IOException {
    String key = settings.key(reference);
    GetObjectRequest request = new GetObjectRequest(settings.bucket(), key);
    request.setLogEnabled(false);
    if (range != null) {
      request.setRange(range[0], range[1]);
      request.addHeader("x-oss-range-behavior", "standard");
    }
    OSSObject object;
    try {
      object = client.getObject(request);
    } catch (RuntimeException e) {
      if (range != null && isInvalidRange(e)) {
        return new ByteArrayInputStream(new byte[0]); // the object ends before the range starts
      }
      throw SourceErrors.reading(e, settings, key);
    }
    return new ObjectStream(object, settings, key);
  }

  /** Epoch millis cut to the second: what OSS keeps of Last-Modified; 0 if unknown. */
  static long wholeSeconds(Date date) {
    return date == null ? 0 : date.getTime() / 1000 * 1000;
  }

  private static boolean isNoSuchKey(RuntimeException e) {
    return e instanceof OSSException && "NoSuchKey".equals(((OSSException) e).getErrorCode());
  }

  private static boolean isInvalidRange(RuntimeException e) {
    return e instanceof OSSException && "InvalidRange".equals(((OSSException) e).getErrorCode());
  }
}
