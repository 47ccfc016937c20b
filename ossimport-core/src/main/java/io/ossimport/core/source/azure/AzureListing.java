package io.ossimport.core.source.azure;

import io.ossimport.core.source.KeyOrder;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Lists a container under the prefix page by page (flat, in Azure's name order), one page in memory
 * at a time. The checkpoint is the last blob returned by {@link #next()} and the marker of its
 * page; see {@link AzureCheckpoint}.
 *
 * <p>Blobs before {@code importSince} are listed too, as for a local source: the worker skips each
 * (a counted {@code OLDER_THAN_IMPORT_SINCE} SKIPPED line, in {@code skipped.list}). A blob whose
 * name is exactly the prefix (a "directory" placeholder) has no reference and is listed with an
 * invalid key, so it is recorded rather than lost.
 */
final class AzureListing implements Listing {
  private final BlobService service;
  private final AzureSettings settings;

  /** Blobs of the current page not yet returned, and the marker that page was fetched with. */
  private final ArrayDeque<BlobPage.Entry> page = new ArrayDeque<>();

  private String pageMarker;

  /** The marker of the page after the current one; null once the last page was fetched. */
  private String nextMarker;

  /** Skip blobs sorting at or before this one (first page of a resumed listing). */
  private String skipThrough;

  private AzureCheckpoint consumed;
  private boolean closed;

  AzureListing(BlobService service, AzureSettings settings, AzureCheckpoint from) {
    this.service = service;
    this.settings = settings;
    this.consumed = from;
    if (from == null) {
      nextMarker = "";
    } else if (!from.done) {
      nextMarker = from.pageMarker;
      skipThrough = from.lastName;
    }
  }

  @Override
  public SourceObject next() throws IOException, InterruptedException {
    SourceObject object = peek();
    if (object != null) {
      BlobPage.Entry entry = page.removeFirst();
      consumed = AzureCheckpoint.after(pageMarker, entry.name);
    } else if (!closed) {
      consumed = AzureCheckpoint.complete();
    }
    return object;
  }

  @Override
  public SourceObject peek() throws IOException, InterruptedException {
    while (page.isEmpty()) {
      if (closed || nextMarker == null) {
        return null;
      }
      if (Thread.interrupted()) {
        // a stopping master: give up between pages rather than after many more requests
        throw new InterruptedException("listing " + settings.where() + " was interrupted");
      }
      fetch();
    }
    return toObject(page.peekFirst());
  }

  private void fetch() throws IOException {
    String marker = nextMarker;
    BlobPage fetched = service.list(marker);
    pageMarker = marker;
    nextMarker = fetched.nextMarker.isEmpty() ? null : fetched.nextMarker;
    for (BlobPage.Entry e : fetched.blobs) {
      if (skipThrough != null && compareCodePoints(e.name, skipThrough) <= 0) {
        continue;
      }
      page.addLast(e); // older than importSince too: the worker skips and counts it
    }
    skipThrough = null;
  }

  private SourceObject toObject(BlobPage.Entry e) {
    String reference = e.name.substring(settings.prefix().length());
    if (reference.isEmpty()) {
      return SourceObject.withInvalidKey(
          e.name,
          e.size,
          e.lastModifiedMillis,
          "the blob's name is srcPrefix itself, so it has no name below it");
    }
    return SourceObject.checked(reference, e.size, e.lastModifiedMillis, settings.keyPrefix());
  }

  /** Azure sorts names by UTF-8 bytes, which is code-point order, not UTF-16 order. */
  static int compareCodePoints(String a, String b) {
    return KeyOrder.compare(a, b);
  }

  @Override
  public String checkpoint() {
    return consumed == null ? "" : consumed.format(settings.prefix());
  }

  @Override
  public void close() {
    closed = true;
    page.clear();
  }
}
