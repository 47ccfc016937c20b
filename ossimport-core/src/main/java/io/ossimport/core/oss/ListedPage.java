package io.ossimport.core.oss;

import io.ossimport.core.source.KeyOrder;
import java.util.Comparator;
import java.util.List;

/** One ListObjects page of the destination: keys in order with what the listing tells of each. */
public final class ListedPage {
  /**
   * OSS's listing order: UTF-8 bytes, which is code point order ({@link String#compareTo} is
   * UTF-16's, which differs above U+FFFF).
   */
  public static final Comparator<String> KEY_ORDER = KeyOrder.UTF8;

  /** One listed object: its key, size and Last-Modified (whole seconds, as a HEAD's). */
  public static final class Entry {
    public final String key;
    public final long size;
    public final long lastModifiedMillis;

    Entry(String key, long size, long lastModifiedMillis) {
      this.key = key;
      this.size = size;
      this.lastModifiedMillis = lastModifiedMillis;
    }
  }

  public final List<Entry> entries;

  /** The marker of the next page, or {@code null} if this is the last. */
  public final String nextMarker;

  ListedPage(List<Entry> entries, String nextMarker) {
    this.entries = entries;
    this.nextMarker = nextMarker;
  }

  /** Compares two keys in {@link #KEY_ORDER}. */
  public static int compareKeys(String a, String b) {
    return KeyOrder.compare(a, b);
  }
}
