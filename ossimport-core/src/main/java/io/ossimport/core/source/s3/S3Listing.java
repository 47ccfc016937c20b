package io.ossimport.core.source.s3;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.fanout.FanOutListing;
import io.ossimport.core.source.fanout.Page;
import io.ossimport.core.source.fanout.PrefixPages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 under the key prefix with the prefix fan-out of {@link FanOutListing}: a roll-up at
 * delimiter '/' (its CommonPrefixes), each common prefix listed ahead by a background thread. S3
 * lists keys in UTF-8 binary order, as OSS does, so "the last consumed key" describes everything
 * consumed: the checkpoint is that key, and a resumed listing starts after it.
 *
 * <p>Resuming uses {@code start-after}, not the continuation token: tokens are opaque, specific to
 * one server and may expire (a job can be stopped for days), while a key means the same thing to
 * every S3-compatible store. Within one run, the pages of a prefix and of the roll-up follow the
 * tokens: that is what the servers are built to continue from, and a token stays valid for minutes
 * at least.
 *
 * <p>Pages are asked for with {@code encoding-type=url}, as the OSS listing does: a key may hold
 * characters XML 1.0 cannot carry (U+0001..U+001F), and without it the store's XML cannot express
 * such a key and the page does not parse. The SDK's {@code DecodeUrlEncodedResponseInterceptor}
 * decodes Key, Prefix, Delimiter, StartAfter and CommonPrefixes only when the response says {@code
 * <EncodingType>url</EncodingType>}; a store that ignores the parameter answers without it, its
 * keys are literal and left alone. So the keys here are decoded once, never by this class; the
 * continuation token is never encoded.
 *
 * <p>The prefix's own folder marker (a key equal to the prefix) is not an object and is passed over
 * silently; objects modified before {@code importSince} are listed, like the local source does, and
 * the worker skips each (a counted {@code OLDER_THAN_IMPORT_SINCE} SKIPPED line).
 */
final class S3Listing implements PrefixPages<S3Object> {
  static final int PAGE = 1000;

  private final S3Client client;
  private final S3SourceSettings settings;
  private final int pageSize;

  private S3Listing(S3Client client, S3SourceSettings settings, int pageSize) {
    this.client = client;
    this.pageSize = pageSize;
    this.settings = settings;
  }

  /**
   * Starts listing after {@code resumeAfterKey} (from the first key if null); the first roll-up
   * page is fetched now, so a bad key or bucket fails here.
   */
  static Listing start(
      S3Client client, S3SourceSettings settings, String resumeAfterKey, int pageSize)
      throws IOException, InterruptedException {
    return FanOutListing.start(
        new S3Listing(client, settings, pageSize),
        settings.location().keyPrefix(),
        pageSize,
        resumeAfterKey,
        "ossimport-s3-listing");
  }

  @Override
  public Page<S3Object> fetch(String keyPrefix, String delimiter, String after, String token)
      throws IOException, InterruptedException {
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder()
            .bucket(settings.location().bucket())
            .maxKeys(pageSize)
            .encodingType(EncodingType.URL);
    if (!keyPrefix.isEmpty()) {
      request.prefix(keyPrefix);
    }
    if (delimiter != null) {
      request.delimiter(delimiter);
    }
    if (token != null) {
      request.continuationToken(token);
    } else if (after != null) {
      request.startAfter(after);
    }
    ListObjectsV2Response response;
    try {
      response = client.listObjectsV2(request.build());
    } catch (SdkException e) {
      if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("listing " + settings.describe() + " was interrupted");
      }
      throw S3Failures.of(settings, "listing prefix '" + keyPrefix + "'", e);
    }
    List<S3Object> objects = new ArrayList<S3Object>(response.contents());
    List<String> prefixes = new ArrayList<String>(response.commonPrefixes().size());
    for (CommonPrefix p : response.commonPrefixes()) {
      prefixes.add(p.prefix());
    }
    if (!Boolean.TRUE.equals(response.isTruncated())) {
      return Page.last(objects, prefixes);
    }
    if (response.nextContinuationToken() != null) {
      return Page.followedByToken(objects, prefixes, response.nextContinuationToken());
    }
    // A server that truncates without a token: go on after the last key or prefix it returned.
    String last =
        Page.lastOf(objects.isEmpty() ? null : objects.get(objects.size() - 1).key(), prefixes);
    if (last == null || last.equals(after)) {
      throw new IOException(
          settings.describe()
              + ": listing prefix '"
              + keyPrefix
              + "': the store returned a truncated page without a continuation token or a new key");
    }
    return Page.followedAfter(objects, prefixes, last);
  }

  @Override
  public String keyOf(S3Object entry) {
    return entry.key();
  }

  @Override
  public String checkpoint(String lastConsumedKey) {
    return S3Checkpoint.write(lastConsumedKey);
  }

  @Override
  public SourceObject toObject(S3Object o, String reference) {
    // older than importSince too: the worker skips and counts it
    long mtime = S3Source.toSeconds(o.lastModified());
    long size = o.size() == null ? 0 : o.size();
    return SourceObject.checked(reference, size, mtime, settings.destPrefix());
  }
}
