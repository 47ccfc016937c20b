package io.ossimport.core.source.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.core.retry.Backoff;
import io.ossimport.core.source.fanout.Page;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * ListObjects pages of a prefix, one request per page (the {@link OssListing}'s). Keys come
 * URL-encoded ({@code encoding-type=url}: a key may hold characters XML 1.0 cannot carry) and are
 * decoded here. A failure that another attempt may cure (network, throttling, 5xx) is retried with
 * backoff; the SDK's own retries are off, so these are the only ones.
 */
final class ListingPages {
  /** Up to 5 attempts a page, waiting at most 0.5, 1, 2, 4 s between them. */
  private static final int ATTEMPTS = 5;

  private final OSS client;
  private final OssSourceSettings settings;
  private final Backoff backoff;

  ListingPages(OSS client, OssSourceSettings settings) {
    this(client, settings, new Backoff(500, 8_000, ATTEMPTS, new Random()));
  }

  ListingPages(OSS client, OssSourceSettings settings, Backoff backoff) {
    this.client = client;
    this.settings = settings;
    this.backoff = backoff;
  }

  /**
   * The keys under {@code prefix} after {@code marker} (from the first if null), rolled up at
   * {@code delimiter} unless it is null; the next page follows after the page's next marker.
   *
   * @throws IOException naming the bucket and what to fix, once retries are spent or the failure is
   *     one no retry cures (missing bucket, access denied)
   */
  Page<OSSObjectSummary> after(String prefix, String delimiter, String marker)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return fetch(prefix, delimiter, marker);
      } catch (RuntimeException e) {
        if (!SourceErrors.retryable(e) || !backoff.allowsAnotherAttempt(attempt)) {
          throw SourceErrors.listing(e, settings);
        }
        Thread.sleep(backoff.delayMillis(attempt));
      }
    }
  }

  private Page<OSSObjectSummary> fetch(String prefix, String delimiter, String marker) {
    ListObjectsRequest request = new ListObjectsRequest(settings.bucket());
    request.setPrefix(prefix.isEmpty() ? null : prefix);
    request.setDelimiter(delimiter);
    request.setMarker(marker);
    request.setMaxKeys(settings.pageSize());
    request.setEncodingType("url");
    request.setLogEnabled(false);
    ObjectListing listing = client.listObjects(request);
    List<OSSObjectSummary> objects = new ArrayList<>(listing.getObjectSummaries().size());
    for (OSSObjectSummary s : listing.getObjectSummaries()) {
      s.setKey(decode(s.getKey()));
      objects.add(s);
    }
    List<String> prefixes = new ArrayList<>(listing.getCommonPrefixes().size());
    for (String p : listing.getCommonPrefixes()) {
      prefixes.add(decode(p));
    }
    String next = null;
    if (listing.isTruncated()) {
      next =
          listing.getNextMarker() != null
              ? decode(listing.getNextMarker())
              : Page.lastOf(
                  objects.isEmpty() ? null : objects.get(objects.size() - 1).getKey(), prefixes);
      if (next == null || next.equals(marker)) {
        throw new IllegalStateException(
            "ListObjects of " + settings.describe(prefix) + " returned no next marker");
      }
    }
    return next == null
        ? Page.<OSSObjectSummary>last(objects, prefixes)
        : Page.followedAfter(objects, prefixes, next);
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("the JVM has no UTF-8", e);
    }
  }
}
