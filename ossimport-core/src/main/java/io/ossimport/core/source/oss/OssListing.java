package io.ossimport.core.source.oss;

import com.aliyun.oss.model.OSSObjectSummary;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ObjectKeys;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.List;

/**
 * The objects under {@code srcPrefix}, in key order, one ListObjects page in memory at a time. The
 * checkpoint is the last key consumed ({@link MarkerCheckpoint}); keys left out (see {@link
 * OssSource}) are not consumed, so a resumed listing leaves them out again.
 */
final class OssListing implements Listing {
  private final ListingPages pages;
  private final OssSourceSettings settings;
  private List<OSSObjectSummary> page;
  private int index;
  private String nextMarker;
  private String consumed;
  private SourceObject peeked;
  private String peekedKey;
  private boolean closed;

  private OssListing(ListingPages pages, OssSourceSettings settings, String resumeAfter) {
    this.pages = pages;
    this.settings = settings;
    this.consumed = resumeAfter;
  }

  /**
   * Starts listing after {@code resumeAfter}; the first page is fetched now, so a bucket that
   * cannot be listed fails here.
   */
  static OssListing start(ListingPages pages, OssSourceSettings settings, String resumeAfter)
      throws IOException, InterruptedException {
    OssListing listing = new OssListing(pages, settings, resumeAfter);
    listing.load(resumeAfter);
    return listing;
  }

  @Override
  public SourceObject next() throws IOException, InterruptedException {
    SourceObject next = peek();
    if (next != null) {
      consumed = peekedKey;
      peeked = null;
      peekedKey = null;
    }
    return next;
  }

  @Override
  public SourceObject peek() throws IOException, InterruptedException {
    if (peeked != null || closed) {
      return peeked;
    }
    while (true) {
      while (index < page.size()) {
        OSSObjectSummary s = page.get(index++);
        SourceObject o = toObject(s);
        if (o != null) {
          peeked = o;
          peekedKey = s.getKey();
          return o;
        }
      }
      if (nextMarker == null) {
        return null;
      }
      load(nextMarker);
    }
  }

  @Override
  public String checkpoint() {
    return MarkerCheckpoint.write(consumed);
  }

  @Override
  public void close() {
    closed = true;
    peeked = null;
  }

  private void load(String marker) throws IOException, InterruptedException {
    ListingPages.Page p = pages.after(marker);
    page = p.objects;
    index = 0;
    nextMarker = p.nextMarker;
  }

  /** The object of a listed key, or null if it is left out. */
  private SourceObject toObject(OSSObjectSummary s) {
    String key = s.getKey();
    if (!key.startsWith(settings.prefix())) {
      return null; // a server that ignored the prefix
    }
    String reference = key.substring(settings.prefix().length());
    if (reference.isEmpty()) {
      return null; // the "directory" object of srcPrefix itself
    }
    // older than importSince too: the worker skips and counts it
    long mtime = OssSource.wholeSeconds(s.getLastModified());
    String problem = ObjectKeys.validate(settings.keyPrefix() + reference);
    return problem == null
        ? SourceObject.of(reference, s.getSize(), mtime)
        : SourceObject.withInvalidKey(reference, s.getSize(), mtime, problem);
  }
}
