package io.ossimport.core.source.fanout;

import io.ossimport.core.source.KeyOrder;
import java.util.Collections;
import java.util.List;

/**
 * One listing page of a prefix: its entries and (listed with a delimiter) its common prefixes, each
 * in key order, and how the next page is asked for: after a key (a marker, S3's {@code
 * start-after}) or with a continuation token; neither on the last page.
 *
 * @param <E> what the store lists for one key
 */
public final class Page<E> {
  /** The entries of the page, in key order. */
  public final List<E> entries;

  /** The common prefixes of a page listed with a delimiter, in key order; else empty. */
  public final List<String> commonPrefixes;

  /** The next page starts after this key; null if this is the last page or a token follows. */
  public final String nextAfter;

  /** The continuation token of the next page; null if this is the last page or a key follows. */
  public final String nextToken;

  private Page(List<E> entries, List<String> commonPrefixes, String nextAfter, String nextToken) {
    this.entries = Collections.unmodifiableList(entries);
    this.commonPrefixes = Collections.unmodifiableList(commonPrefixes);
    this.nextAfter = nextAfter;
    this.nextToken = nextToken;
  }

  /** The last page of a prefix. */
  public static <E> Page<E> last(List<E> entries, List<String> commonPrefixes) {
    return new Page<E>(entries, commonPrefixes, null, null);
  }

  /** A page followed by the page of the keys after {@code key}. */
  public static <E> Page<E> followedAfter(
      List<E> entries, List<String> commonPrefixes, String key) {
    return new Page<E>(entries, commonPrefixes, key, null);
  }

  /** A page followed by the page that continuation token {@code token} asks for. */
  public static <E> Page<E> followedByToken(
      List<E> entries, List<String> commonPrefixes, String token) {
    return new Page<E>(entries, commonPrefixes, null, token);
  }

  /**
   * Where a page that ended with the entry {@code lastEntryKey} (null if it has none) and {@code
   * commonPrefixes} is followed after, for a store that truncates without saying where it goes on:
   * the greater of that key and the last prefix, or null if the page is empty.
   */
  public static String lastOf(String lastEntryKey, List<String> commonPrefixes) {
    String prefix = commonPrefixes.isEmpty() ? null : commonPrefixes.get(commonPrefixes.size() - 1);
    if (lastEntryKey == null || prefix == null) {
      return lastEntryKey == null ? prefix : lastEntryKey;
    }
    return KeyOrder.compare(lastEntryKey, prefix) > 0 ? lastEntryKey : prefix;
  }

  boolean isLast() {
    return nextAfter == null && nextToken == null;
  }
}
