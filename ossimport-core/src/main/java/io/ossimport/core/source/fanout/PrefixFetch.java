package io.ossimport.core.source.fanout;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The entries of one common prefix, in key order, its pages fetched ahead by a background thread
 * ({@link #run}) while the listing's thread consumes them ({@link #next}). The queue holds one
 * page, so a prefix keeps at most three pages in memory: the one consumed, the one queued and the
 * one being fetched.
 */
final class PrefixFetch<E> implements Runnable {
  /** Queued after the last page. */
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
  private final PrefixPages<E> pages;
  private final String prefix;
  private final String after;
  private List<E> page = Collections.emptyList();
  private int index;
  private boolean ended;
  private volatile boolean cancelled;
  private IOException failure;

  /** The entries under {@code prefix} after the key {@code after} (from its first if null). */
  PrefixFetch(PrefixPages<E> pages, String prefix, String after) {
    this.pages = pages;
    this.prefix = prefix;
    this.after = after;
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
      Page<E> p = null;
      do {
        if (cancelled) {
          throw new InterruptedException("the listing was closed");
        }
        p =
            p == null
                ? pages.fetch(prefix, null, after, null)
                : pages.fetch(prefix, null, p.nextAfter, p.nextToken);
        hand(p);
      } while (!p.isLast());
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
   * Queues {@code item}, waiting for room; gives up once cancelled (an SDK may swallow the
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
   * The next entry of the prefix, or null once it has none; waits for its page if need be.
   *
   * @throws IOException the listing failure of the prefix, again on every later call
   */
  @SuppressWarnings("unchecked")
  E next() throws IOException, InterruptedException {
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
        page = ((Page<E>) taken).entries;
        index = 0;
      }
    }
    return page.get(index++);
  }
}
