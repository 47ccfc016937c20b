package io.ossimport.core.source.oss;

import com.aliyun.oss.model.OSSObjectSummary;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ObjectKeys;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The objects under {@code srcPrefix}, in key order, listed with a fan-out: a ListObjects with
 * delimiter '/' under srcPrefix gives the objects directly under it and its common prefixes; up to
 * {@link #PREFIXES_AHEAD} of those prefixes ahead of the one being consumed are listed by
 * background threads ({@link PrefixFetch}), and everything is emitted in exact key order. That
 * order needs no sorting: every key of a common prefix sorts after the prefix and before whatever
 * the roll-up listing gives next (a direct key cannot start with "prefix/"), so the roll-up's own
 * order, objects and prefixes merged by {@link ListedPage#KEY_ORDER} (so {@code a-b} before {@code
 * a/}), with each prefix expanded in its place, is the key order.
 *
 * <p>The checkpoint is the last key consumed ({@link MarkerCheckpoint}), as for a sequential
 * listing; a resumed listing lists the prefix holding that key from it (the marker), then the
 * roll-up after it. Keys left out (see {@link OssSource}) are not consumed, so a resumed listing
 * leaves them out again. In memory: two roll-up pages of entries and, per prefix ahead, at most
 * three pages.
 */
final class OssListing implements Listing {
  /** Common prefixes listed concurrently ahead of the consumer. */
  static final int PREFIXES_AHEAD = 4;

  private static final String DELIMITER = "/";

  private final ListingPages pages;
  private final OssSourceSettings settings;
  private final ExecutorService fetchers;

  /** The common prefix holding the checkpoint's key, listed first; null if none. */
  private final String resumePrefix;

  /**
   * The last roll-up entry taken (at first the checkpoint's key): an entry not after it is one a
   * server gave again (the prefix of the checkpoint's key, or a prefix that was the marker) and is
   * already listed.
   */
  private String lastTaken;

  /** Direct objects ({@link OSSObjectSummary}) and prefixes ({@link PrefixFetch}) in key order. */
  private final ArrayDeque<Object> ahead = new ArrayDeque<>();

  private int prefixesAhead;
  private int objectsAhead;
  private ListingPages.Page rollUp;
  private int objectIndex;
  private int prefixIndex;
  private String consumed;
  private SourceObject peeked;
  private String peekedKey;
  private boolean closed;

  private OssListing(ListingPages pages, OssSourceSettings settings, String resumeAfter) {
    this.pages = pages;
    this.settings = settings;
    this.consumed = resumeAfter;
    this.resumePrefix = commonPrefixOf(resumeAfter, settings.prefix());
    this.lastTaken = resumeAfter;
    this.fetchers = Executors.newFixedThreadPool(PREFIXES_AHEAD, OssListing::fetcherThread);
  }

  /**
   * Starts listing after {@code resumeAfter}; the first roll-up page is fetched now, so a bucket
   * that cannot be listed fails here.
   */
  static OssListing start(ListingPages pages, OssSourceSettings settings, String resumeAfter)
      throws IOException, InterruptedException {
    OssListing listing = new OssListing(pages, settings, resumeAfter);
    try {
      if (listing.resumePrefix != null) {
        listing.startPrefix(listing.resumePrefix, resumeAfter);
      }
      listing.rollUp = pages.after(settings.prefix(), DELIMITER, resumeAfter);
      return listing;
    } catch (IOException | InterruptedException | RuntimeException e) {
      listing.close();
      throw e;
    }
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
      fill();
      Object head = ahead.peekFirst();
      if (head == null) {
        return null;
      }
      OSSObjectSummary s;
      if (head instanceof PrefixFetch) {
        s = ((PrefixFetch) head).next();
        if (s == null) {
          ahead.removeFirst();
          prefixesAhead--;
          continue;
        }
      } else {
        s = (OSSObjectSummary) ahead.removeFirst();
        objectsAhead--;
      }
      SourceObject o = toObject(s);
      if (o != null) {
        peeked = o;
        peekedKey = s.getKey();
        return o;
      }
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
    for (Object o : ahead) {
      if (o instanceof PrefixFetch) {
        ((PrefixFetch) o).cancel();
      }
    }
    fetchers.shutdownNow();
  }

  /**
   * Moves roll-up entries into {@link #ahead}, starting the listing of each prefix, until {@link
   * #PREFIXES_AHEAD} prefixes are ahead; fetches the next roll-up page once this one is taken and
   * fewer than a page of direct objects wait.
   */
  private void fill() throws IOException, InterruptedException {
    while (prefixesAhead < PREFIXES_AHEAD) {
      List<OSSObjectSummary> objects = rollUp.objects;
      List<String> prefixes = rollUp.commonPrefixes;
      boolean moreObjects = objectIndex < objects.size();
      boolean morePrefixes = prefixIndex < prefixes.size();
      if (!moreObjects && !morePrefixes) {
        if (rollUp.nextMarker == null || objectsAhead >= settings.pageSize()) {
          return;
        }
        rollUp = pages.after(settings.prefix(), DELIMITER, rollUp.nextMarker);
        objectIndex = 0;
        prefixIndex = 0;
      } else if (!morePrefixes
          || moreObjects
              && ListedPage.KEY_ORDER.compare(
                      objects.get(objectIndex).getKey(), prefixes.get(prefixIndex))
                  < 0) {
        OSSObjectSummary object = objects.get(objectIndex++);
        if (taken(object.getKey())) {
          ahead.addLast(object);
          objectsAhead++;
        }
      } else {
        String prefix = prefixes.get(prefixIndex++);
        if (taken(prefix)) {
          startPrefix(prefix, null);
        }
      }
    }
  }

  /** Whether a roll-up entry is new, that is after the last taken; if so it is the last taken. */
  private boolean taken(String entry) {
    if (lastTaken != null && ListedPage.KEY_ORDER.compare(entry, lastTaken) <= 0) {
      return false;
    }
    lastTaken = entry;
    return true;
  }

  private void startPrefix(String prefix, String marker) {
    PrefixFetch fetch = new PrefixFetch(pages, prefix, marker);
    ahead.addLast(fetch);
    prefixesAhead++;
    fetchers.execute(fetch);
  }

  /** The common prefix (up to the first '/' after {@code prefix}) of {@code key}, or null. */
  private static String commonPrefixOf(String key, String prefix) {
    if (key == null) {
      return null;
    }
    int slash = key.indexOf(DELIMITER, prefix.length());
    return slash < 0 ? null : key.substring(0, slash + DELIMITER.length());
  }

  private static Thread fetcherThread(Runnable r) {
    Thread t = new Thread(r, "ossimport-oss-listing");
    t.setDaemon(true); // a listing abandoned without close() must not keep the JVM alive
    return t;
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
