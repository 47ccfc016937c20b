package io.ossimport.core.source.s3;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ObjectKeys;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 under the key prefix, one page (at most {@value #PAGE} keys by default) in memory
 * at a time. Keys arrive in the store's order (UTF-8 binary order), so "the last consumed key"
 * describes everything consumed: the checkpoint is that key, and a resumed listing starts after it.
 *
 * <p>Resuming uses {@code start-after}, not the continuation token: tokens are opaque, specific to
 * one server and may expire (a job can be stopped for days), while a key means the same thing to
 * every S3-compatible store. Within one run the listing follows the tokens.
 *
 * <p>The prefix's own folder marker (a key equal to the prefix) is not an object and is passed over
 * silently; objects modified before {@code importSince} are listed, like the local source does, and
 * the worker skips each (a counted {@code OLDER_THAN_IMPORT_SINCE} SKIPPED line).
 */
final class S3Listing implements Listing {
  static final int PAGE = 1000;

  private final S3Client client;
  private final S3SourceSettings settings;
  private final String prefix;
  private final int pageSize;
  private final Deque<Listed> page = new ArrayDeque<Listed>();
  private String lastConsumedKey;
  private String continuationToken;
  private String startAfter;
  private boolean exhausted;
  private volatile boolean closed;

  S3Listing(S3Client client, S3SourceSettings settings, String resumeAfterKey, int pageSize) {
    this.client = client;
    this.pageSize = pageSize;
    this.settings = settings;
    this.prefix = settings.location().keyPrefix();
    this.lastConsumedKey = resumeAfterKey;
    this.startAfter = resumeAfterKey;
  }

  @Override
  public SourceObject next() throws IOException, InterruptedException {
    if (!fill()) {
      return null;
    }
    Listed l = page.removeFirst();
    lastConsumedKey = l.key;
    return l.object;
  }

  @Override
  public SourceObject peek() throws IOException, InterruptedException {
    return fill() ? page.peekFirst().object : null;
  }

  @Override
  public String checkpoint() {
    return S3Checkpoint.write(lastConsumedKey);
  }

  @Override
  public void close() {
    closed = true;
    page.clear();
  }

  /** Fetches pages until one object is buffered or the listing ends; false at the end. */
  boolean fill() throws IOException, InterruptedException {
    while (page.isEmpty() && !exhausted && !closed) {
      fetchPage();
    }
    return !page.isEmpty();
  }

  private void fetchPage() throws IOException, InterruptedException {
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder().bucket(settings.location().bucket()).maxKeys(pageSize);
    if (!prefix.isEmpty()) {
      request.prefix(prefix);
    }
    if (continuationToken != null) {
      request.continuationToken(continuationToken);
    } else if (startAfter != null) {
      request.startAfter(startAfter);
    }
    ListObjectsV2Response response;
    try {
      response = client.listObjectsV2(request.build());
    } catch (SdkException e) {
      if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("listing " + settings.describe() + " was interrupted");
      }
      throw S3Failures.of(settings, "listing prefix '" + prefix + "'", e);
    }
    String lastKey = null;
    for (S3Object o : response.contents()) {
      lastKey = o.key();
      accept(o);
    }
    if (Boolean.TRUE.equals(response.isTruncated())) {
      continuationToken = response.nextContinuationToken();
      if (continuationToken == null) {
        // A server that truncates without a token: go on after the last key it returned.
        if (lastKey == null) {
          throw new IOException(
              settings.describe() + ": the store returned an empty truncated page without a token");
        }
        startAfter = lastKey;
      }
    } else {
      exhausted = true;
    }
  }

  private void accept(S3Object o) {
    String key = o.key();
    if (key.length() <= prefix.length() || !key.startsWith(prefix)) {
      return; // the prefix's folder marker, or a key a broken server should not have returned
    }
    // older than importSince too: the worker skips and counts it
    long mtime = S3Source.toSeconds(o.lastModified());
    String reference = key.substring(prefix.length());
    long size = o.size() == null ? 0 : o.size();
    String problem = ObjectKeys.validate(settings.destPrefix() + reference);
    page.addLast(
        new Listed(
            key,
            problem == null
                ? SourceObject.of(reference, size, mtime)
                : SourceObject.withInvalidKey(reference, size, mtime, problem)));
  }

  private static final class Listed {
    final String key;
    final SourceObject object;

    Listed(String key, SourceObject object) {
      this.key = key;
      this.object = object;
    }
  }
}
