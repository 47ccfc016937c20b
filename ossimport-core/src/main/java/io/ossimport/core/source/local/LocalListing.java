package io.ossimport.core.source.local;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The consumer end of a local scan: {@code scanThreadCount} daemon threads scan units and put
 * batches on one bounded queue; the master's thread takes them here. Memory is bounded by the queue
 * ({@code max(4, 2 x threads)} batches of {@value UnitEmitter#BATCH_SIZE} entries) plus the
 * directory listings the threads hold while they walk.
 */
final class LocalListing implements Listing {
  private static final long POLL_MILLIS = 100;

  private final LocalSourceSettings settings;
  private final ScanCoordinator coordinator;
  private final ListingListener listener;
  private final BlockingQueue<Batch> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile Throwable failure;

  private Batch batch;
  private int index;
  private boolean ended;
  private boolean closed;

  LocalListing(
      LocalSourceSettings settings, CheckpointCodec.Restored start, ListingListener listener) {
    this.settings = settings;
    this.coordinator =
        new ScanCoordinator(settings.maxMultiThreadScanDepth(), start.root, start.complete);
    this.listener = listener;
    this.queue = new ArrayBlockingQueue<>(Math.max(4, 2 * settings.scanThreadCount()));
    for (int i = 0; i < settings.scanThreadCount(); i++) {
      UnitScanner scanner = new UnitScanner(settings, coordinator, queue);
      Thread t = new Thread(() -> runScanner(scanner), "ossimport-scan-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
    }
    for (Thread t : threads) {
      t.start();
    }
  }

  private void runScanner(UnitScanner scanner) {
    try {
      UnitState unit;
      while ((unit = coordinator.nextUnit()) != null) {
        scanner.scan(unit);
      }
      if (coordinator.claimEnd()) {
        queue.put(Batch.END);
      }
    } catch (InterruptedException e) {
      // Closed: the consumer is gone and so is the work.
    } catch (Throwable t) { // NOPMD: surfaced to the consumer by next()
      failure = t;
      coordinator.close();
    }
  }

  @Override
  public SourceObject next() throws IOException, InterruptedException {
    SourceObject object = peek();
    if (object != null) {
      consumeCurrent();
    }
    return object;
  }

  @Override
  public SourceObject peek() throws IOException, InterruptedException {
    if (closed) {
      throw new IllegalStateException("the listing of " + settings.root() + " is closed");
    }
    while (true) {
      if (batch == null || index == batch.items.size()) {
        batch = takeBatch();
        index = 0;
        if (batch == null) {
          return null;
        }
      }
      ScanItem item = batch.items.get(index);
      if (item.object != null) {
        return item.object;
      }
      listener.skipped(item.reference, item.reason, item.detail);
      consumeCurrent();
    }
  }

  private void consumeCurrent() {
    ScanItem item = batch.items.get(index);
    coordinator.consumed(batch.unit, item.reference, batch.last && index == batch.items.size() - 1);
    index++;
  }

  private Batch takeBatch() throws IOException, InterruptedException {
    while (!ended) {
      Throwable t = failure;
      if (t != null) {
        throw new IOException("scanning " + settings.root() + " failed: " + t, t);
      }
      Batch b = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (b == Batch.END) {
        ended = true;
      } else if (b != null) {
        return b;
      }
    }
    return null;
  }

  /** True while any of this listing's scanner threads is still running. */
  boolean scannersAlive() {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String checkpoint() {
    return coordinator.checkpoint();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    coordinator.close();
    for (Thread t : threads) {
      t.interrupt();
    }
    queue.clear();
  }
}
