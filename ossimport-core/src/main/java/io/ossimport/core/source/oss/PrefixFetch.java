package io.ossimport.core.source.oss;

import com.aliyun.oss.model.OSSObjectSummary;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The keys of one common prefix, in key order, its ListObjects pages fetched ahead by a background
 * thread ({@link #run}) while the listing's thread consumes them ({@link #next}). The queue holds
 * one page, so a prefix keeps at most three pages in memory: the one consumed, the one queued and
 * the one being fetched.
 */
final class PrefixFetch implements Runnable {
  /** Queued after the last page. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final ListingPages pages;
  private final String prefix;
  private final String marker;
  private List<OSSObjectSummary> page = Collections.emptyList();
  private int index;
  private boolean ended;
  private volatile boolean cancelled;
  private IOException failure;

  /** The keys under {@code prefix} after {@code marker} (from its first key if null). */
  PrefixFetch(ListingPages pages, String prefix, String marker) {
    this.pages = pages;
    this.prefix = prefix;
    this.marker = marker;
  }

  @Override
  public void run() {
    try {
      hand(fetchAll());
    } catch (InterruptedException e) {
      // the listing was closed: nobody will read the rest
    }
  }

  /** Queues every page; returns what follows the last: {@link #END} or the failure. */
  private Object fetchAll() throws InterruptedException {
    try {
      String m = marker;
      do {
        if (cancelled) {
          throw new InterruptedException("the listing was closed");
        }
        ListingPages.Page p = pages.after(prefix, null, m);
        hand(p);
        m = p.nextMarker;
      } while (m != null);
      return END;
    } catch (IOException e) {
      return e;
    } catch (RuntimeException e) {
      return new IOException("listing the keys under '" + prefix + "' failed: " + e, e);
    }
  }

  /** Stops the background fetch: the listing is closed. */
  void cancel() {
    cancelled = true;
  }

  /**
   * Queues {@code item}, waiting for room; gives up once cancelled (the SDK may swallow the
   * interrupt of a closed listing, so the flag is what reliably ends this thread).
   */
  private void hand(Object item) throws InterruptedException {
    while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
      if (cancelled) {
        throw new InterruptedException("the listing was closed");
      }
    }
  }

  /**
   * The next key of the prefix, or null once it has none; waits for its page if need be.
   *
   * @throws IOException the listing failure of the prefix, again on every later call
   */
  OSSObjectSummary next() throws IOException, InterruptedException {
    while (index >= page.size()) {
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return null;
      }
      Object taken = queue.take();
      if (taken == END) {
        ended = true;
      } else if (taken instanceof IOException) {
        failure = (IOException) taken;
      } else {
        page = ((ListingPages.Page) taken).objects;
        index = 0;
      }
    }
    return page.get(index++);
  }
}
