package io.ossimport.core.source.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.retry.Backoff;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * ListObjects pages of a prefix, one request per page. Keys come URL-encoded ({@code
 * encoding-type=url}: a key may hold characters XML 1.0 cannot carry) and are decoded here. A
 * failure that another attempt may cure (network, throttling, 5xx) is retried with backoff; the
 * SDK's own retries are off, so these are the only ones.
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

  /** One page of keys (and, listed with a delimiter, of common prefixes). */
  static final class Page {
    final List<OSSObjectSummary> objects;

    /** The common prefixes of a page listed with a delimiter, in key order; else empty. */
    final List<String> commonPrefixes;

    /** The marker of the next page, or null if this is the last. */
    final String nextMarker;

    Page(List<OSSObjectSummary> objects, List<String> commonPrefixes, String nextMarker) {
      this.objects = objects;
      this.commonPrefixes = commonPrefixes;
      this.nextMarker = nextMarker;
    }
  }

  /**
   * The keys under srcPrefix after {@code marker} (from the first key if null).
   *
   * @throws IOException naming the bucket and what to fix, once retries are spent or the failure is
   *     one no retry cures (missing bucket, access denied)
   */
  Page after(String marker) throws IOException, InterruptedException {
    return after(settings.prefix(), null, marker);
  }

  /**
   * The keys under {@code prefix} after {@code marker}, rolled up at {@code delimiter} unless it is
   * null.
   *
   * @throws IOException as {@link #after(String)}
   */
  Page after(String prefix, String delimiter, String marker)
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

  private Page fetch(String prefix, String delimiter, String marker) {
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
              : lastOf(objects, prefixes);
      if (next == null || next.equals(marker)) {
        throw new IllegalStateException(
            "ListObjects of " + settings.describe(prefix) + " returned no next marker");
      }
    }
    return new Page(
        Collections.unmodifiableList(objects), Collections.unmodifiableList(prefixes), next);
  }

  /** The greatest key or common prefix of a page, or null if it is empty. */
  private static String lastOf(List<OSSObjectSummary> objects, List<String> prefixes) {
    String key = objects.isEmpty() ? null : objects.get(objects.size() - 1).getKey();
    String prefix = prefixes.isEmpty() ? null : prefixes.get(prefixes.size() - 1);
    if (key == null || prefix == null) {
      return key == null ? prefix : key;
    }
    return ListedPage.KEY_ORDER.compare(key, prefix) > 0 ? key : prefix;
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("the JVM has no UTF-8", e);
    }
  }
}
