package io.ossimport.core.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of the objects of a {@link Source}, consumed by one thread (the master).
 *
 * <p>An object counts as <em>consumed</em> once {@link #next()} has returned it; {@link #peek()}
 * does not consume. {@link #checkpoint()} may be called between any two calls and describes exactly
 * what has been consumed so far: a listing resumed from it yields every object not yet consumed,
 * and none that was. The master therefore writes a task first and then the checkpoint taken after
 * the task's last {@code next()}; it uses {@code peek()} to decide whether the next object still
 * fits in the task.
 *
 * <p>Skipped entries are reported to the {@link ListingListener} from inside {@code next()} and
 * {@code peek()}, in stream order, and count as consumed once reported.
 *
 * <p>Not thread-safe. {@link #close()} may abandon the listing at any point (producers still
 * running); the last checkpoint stays valid.
 */
public interface Listing extends Closeable {

  /**
   * Returns the next object and consumes it, or {@code null} once the source is exhausted.
   *
   * @throws IOException if listing failed in a way that stops the whole listing
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  SourceObject next() throws IOException, InterruptedException;

  /** Returns the object the next {@link #next()} will return, without consuming it. */
  SourceObject peek() throws IOException, InterruptedException;

  /** An opaque, printable string describing everything consumed so far. */
  String checkpoint();

  /** Stops listing; background work is abandoned. Idempotent. */
  @Override
  void close();
}
