package io.ossimport.core.source.oss;

import com.aliyun.oss.model.OSSObjectSummary;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.fanout.FanOutListing;
import io.ossimport.core.source.fanout.Page;
import io.ossimport.core.source.fanout.PrefixPages;
import java.io.IOException;

/**
 * The objects under {@code srcPrefix}, in key order, listed with the prefix fan-out of {@link
 * FanOutListing} over ListObjects pages ({@link ListingPages}; a page follows after its marker).
 * The checkpoint is the last key consumed ({@link MarkerCheckpoint}), which is exactly the marker a
 * resumed listing starts after.
 */
final class OssListing implements PrefixPages<OSSObjectSummary> {
  private final ListingPages pages;
  private final OssSourceSettings settings;

  private OssListing(ListingPages pages, OssSourceSettings settings) {
    this.pages = pages;
    this.settings = settings;
  }

  /**
   * Starts listing after {@code resumeAfter}; the first roll-up page is fetched now, so a bucket
   * that cannot be listed fails here.
   */
  static Listing start(ListingPages pages, OssSourceSettings settings, String resumeAfter)
      throws IOException, InterruptedException {
    return FanOutListing.start(
        new OssListing(pages, settings),
        settings.prefix(),
        settings.pageSize(),
        resumeAfter,
        "ossimport-oss-listing");
  }

  /** OSS pages carry a marker, never a token: {@code token} is always null here. */
  @Override
  public Page<OSSObjectSummary> fetch(String prefix, String delimiter, String after, String token)
      throws IOException, InterruptedException {
    return pages.after(prefix, delimiter, after);
  }

  @Override
  public String keyOf(OSSObjectSummary entry) {
    return entry.getKey();
  }

  @Override
  public String checkpoint(String lastConsumedKey) {
    return MarkerCheckpoint.write(lastConsumedKey);
  }

  @Override
  public SourceObject toObject(OSSObjectSummary s, String reference) {
    // older than importSince too: the worker skips and counts it
    long mtime = OssSource.wholeSeconds(s.getLastModified());
    return SourceObject.checked(reference, s.getSize(), mtime, settings.keyPrefix());
  }
}
