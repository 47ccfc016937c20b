package io.ossimport.core.worker;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real source with hooks: once the worker has read past a byte of one object, an action runs (it
 * changes or deletes the file on disk while the read goes on); and stat can be made to throw an
 * exception no table knows, as a bug would.
 */
final class HookedSource implements Source {
  /** Something done to the file system. */
  interface Action {
    void run() throws IOException;
  }

  private final Source delegate;
  private volatile String target;
  private volatile long position;
  private volatile Action action;
  private final AtomicBoolean fired = new AtomicBoolean();
  private volatile String brokenReference;

  HookedSource(Source delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code action} once, when a read of {@code reference} passes byte {@code position}. */
  HookedSource whenRead(String reference, long position, Action action) {
    this.target = reference;
    this.position = position;
    this.action = action;
    return this;
  }

  /** Makes stat of {@code reference} throw an IllegalStateException. */
  HookedSource breakStat(String reference) {
    this.brokenReference = reference;
    return this;
  }

  boolean fired() {
    return fired.get();
  }

  @Override
  public Set<SourceFeature> features() {
    return delegate.features();
  }

  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    return delegate.list(checkpoint, listener);
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return hook(reference, 0, delegate.open(reference));
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    return hook(reference, offset, delegate.open(reference, offset, length));
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    if (reference.equals(brokenReference)) {
      throw new IllegalStateException("a bug in the source");
    }
    return delegate.stat(reference);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  private InputStream hook(String reference, long offset, InputStream in) {
    if (!reference.equals(target)) {
      return in;
    }
    return new FilterInputStream(in) {
      long at = offset;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          at += n;
          if (at > position && fired.compareAndSet(false, true)) {
            action.run();
          }
        }
        return n;
      }
    };
  }
}
