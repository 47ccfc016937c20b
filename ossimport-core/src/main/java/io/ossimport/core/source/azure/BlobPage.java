package io.ossimport.core.source.azure;

import java.util.List;

/** One List Blobs response: its blobs in service order, and the marker of the next page. */
final class BlobPage {
  /** One blob as listed. */
  static final class Entry {
    final String name;
    final long size;
    final long lastModifiedMillis;

    Entry(String name, long size, long lastModifiedMillis) {
      this.name = name;
      this.size = size;
      this.lastModifiedMillis = lastModifiedMillis;
    }
  }

  final List<Entry> blobs;

  /** The marker to request the page after this one; empty on the last page. */
  final String nextMarker;

  BlobPage(List<Entry> blobs, String nextMarker) {
    this.blobs = blobs;
    this.nextMarker = nextMarker == null ? "" : nextMarker;
  }
}
