package io.ossimport.core.source.fanout;

import io.ossimport.core.source.KeyOrder;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The objects under a prefix, in key order, listed with a fan-out: a listing with delimiter '/'
 * under the prefix gives the entries directly under it and its common prefixes; up to {@link
 * #PREFIXES_AHEAD} of those prefixes ahead of the one being consumed are listed by background
 * threads ({@link PrefixFetch}), and everything is emitted in exact key order. That order needs no
 * sorting: every key of a common prefix sorts after the prefix and before whatever the roll-up
 * listing gives next (a direct key cannot start with "prefix/"), so the roll-up's own order,
 * entries and prefixes merged by {@link KeyOrder} (so {@code a-b} before {@code a/}), with each
 * prefix expanded in its place, is the key order. Stores that list in UTF-8 order (OSS, S3) only.
 *
 * <p>The checkpoint is the last key consumed, as for a sequential listing; a resumed listing lists
 * the prefix holding that key after it, then the roll-up after it. Entries left out (the prefix's
 * own folder marker, a key outside the prefix, {@link PrefixPages#toObject} null) are not consumed,
 * so a resumed listing leaves them out again. In memory: two roll-up pages of entries and, per
 * prefix ahead, at most three pages.
 *
 * @param <E> what the store lists for one key
 */
public final class FanOutListing<E> implements Listing {
  /** Common prefixes listed concurrently ahead of the consumer. */
  public static final int PREFIXES_AHEAD = 4;

  private static final String DELIMITER = "/";

  private final PrefixPages<E> pages;
  private final String prefix;
  private final int pageSize;
  private final ExecutorService fetchers;

  /** The common prefix holding the checkpoint's key, listed first; null if none. */
  private final String resumePrefix;

  /**
   * The last roll-up entry taken (at first the checkpoint's key): an entry not after it is one a
   * server gave again (the prefix of the checkpoint's key, or a prefix that was the marker) and is
   * already listed.
   */
  private String lastTaken;

  /** Direct entries ({@code E}) and prefixes ({@link PrefixFetch}) in key order. */
  private final ArrayDeque<Object> ahead = new ArrayDeque<>();

  private int prefixesAhead;
  private int entriesAhead;
  private Page<E> rollUp;
  private int entryIndex;
  private int prefixIndex;
  private String consumed;
  private SourceObject peeked;
  private String peekedKey;
  private boolean closed;

  private FanOutListing(
      PrefixPages<E> pages, String prefix, int pageSize, String resumeAfter, String threadName) {
    this.pages = pages;
    this.prefix = prefix;
    this.pageSize = pageSize;
    this.consumed = resumeAfter;
    this.resumePrefix = commonPrefixOf(resumeAfter, prefix);
    this.lastTaken = resumeAfter;
    this.fetchers =
        Executors.newFixedThreadPool(
            PREFIXES_AHEAD,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true); // a listing abandoned without close() must not keep the JVM alive
              return t;
            });
  }

  /**
   * Starts listing the keys under {@code prefix} after {@code resumeAfter} (from the first if
   * null); the first roll-up page is fetched now, so a bucket that cannot be listed fails here.
   *
   * @param pageSize the keys a page holds: fewer direct entries waiting fetch the next roll-up page
   * @param threadName the name of the background threads
   */
  public static <E> FanOutListing<E> start(
      PrefixPages<E> pages, String prefix, int pageSize, String resumeAfter, String threadName)
      throws IOException, InterruptedException {
    FanOutListing<E> listing =
        new FanOutListing<E>(pages, prefix, pageSize, resumeAfter, threadName);
    try {
      if (listing.resumePrefix != null) {
        listing.startPrefix(listing.resumePrefix, resumeAfter);
      }
      listing.rollUp = pages.fetch(prefix, DELIMITER, resumeAfter, null);
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
  @SuppressWarnings("unchecked")
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
      E entry;
      if (head instanceof PrefixFetch) {
        entry = ((PrefixFetch<E>) head).next();
        if (entry == null) {
          ahead.removeFirst();
          prefixesAhead--;
          continue;
        }
      } else {
        entry = (E) ahead.removeFirst();
        entriesAhead--;
      }
      String key = pages.keyOf(entry);
      // a key equal to the prefix is its folder marker, not an object; a key outside it is one a
      // server that ignored the prefix returned
      SourceObject o =
          key.length() > prefix.length() && key.startsWith(prefix)
              ? pages.toObject(entry, key.substring(prefix.length()))
              : null;
      if (o != null) {
        peeked = o;
        peekedKey = key;
        return o;
      }
    }
  }

  @Override
  public String checkpoint() {
    return pages.checkpoint(consumed);
  }

  @Override
  public void close() {
    closed = true;
    peeked = null;
    for (Object o : ahead) {
      if (o instanceof PrefixFetch) {
        ((PrefixFetch<?>) o).cancel();
      }
    }
    fetchers.shutdownNow();
  }

  /**
   * Moves roll-up entries into {@link #ahead}, starting the listing of each prefix, until {@link
   * #PREFIXES_AHEAD} prefixes are ahead; fetches the next roll-up page once this one is taken and
   * fewer than a page of direct entries wait.
   */
  private void fill() throws IOException, InterruptedException {
    while (prefixesAhead < PREFIXES_AHEAD) {
      List<E> entries = rollUp.entries;
      List<String> prefixes = rollUp.commonPrefixes;
      boolean moreEntries = entryIndex < entries.size();
      boolean morePrefixes = prefixIndex < prefixes.size();
      if (!moreEntries && !morePrefixes) {
        if (rollUp.isLast() || entriesAhead >= pageSize) {
          return;
        }
        rollUp = pages.fetch(prefix, DELIMITER, rollUp.nextAfter, rollUp.nextToken);
        entryIndex = 0;
        prefixIndex = 0;
      } else if (!morePrefixes
          || moreEntries
              && KeyOrder.compare(pages.keyOf(entries.get(entryIndex)), prefixes.get(prefixIndex))
                  < 0) {
        E entry = entries.get(entryIndex++);
        if (taken(pages.keyOf(entry))) {
          ahead.addLast(entry);
          entriesAhead++;
        }
      } else {
        String commonPrefix = prefixes.get(prefixIndex++);
        if (taken(commonPrefix)) {
          startPrefix(commonPrefix, null);
        }
      }
    }
  }

  /** Whether a roll-up entry is new, that is after the last taken; if so it is the last taken. */
  private boolean taken(String entry) {
    if (lastTaken != null && KeyOrder.compare(entry, lastTaken) <= 0) {
      return false;
    }
    lastTaken = entry;
    return true;
  }

  private void startPrefix(String commonPrefix, String after) {
    PrefixFetch<E> fetch = new PrefixFetch<E>(pages, commonPrefix, after);
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
}
