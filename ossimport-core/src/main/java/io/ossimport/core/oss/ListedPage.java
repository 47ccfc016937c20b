package io.ossimport.core.oss;

import java.util.List;

/** One ListObjects page of the destination: keys in order with what the listing tells of each. */
public final class ListedPage {
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
}
