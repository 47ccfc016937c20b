package io.ossimport.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * A place objects are migrated from: a local directory, a bucket, a URL list.
 *
 * <p>Objects are named by their <em>reference</em>: the path relative to the source root with
 * {@code /} separators (the destination key is {@code destPrefix + reference}). Implementations are
 * thread-safe: many worker threads open and stat objects at once while the master lists.
 */
public interface Source extends Closeable {

  /** The optional abilities of this source; callers check them before using optional methods. */
  Set<SourceFeature> features();

  /**
   * Starts (or resumes) listing the source.
   *
   * @param checkpoint a string earlier returned by {@link Listing#checkpoint()} of a listing of the
   *     same source with the same settings, or {@code null}/empty to start from the beginning
   * @param listener receives the entries that are skipped, on the thread that calls {@link
   *     Listing#next()}
   * @throws IOException if the source cannot be listed at all (e.g. the root directory is missing)
   * @throws IllegalArgumentException if the checkpoint is malformed or belongs to other settings
   */
  Listing list(String checkpoint, ListingListener listener) throws IOException;

  /**
   * Lists the whole subtree below {@code reference}, an entry that {@link #stat} reported as an
   * {@link SkipReason#UNREADABLE_DIRECTORY} (a {@code retry} lists such a directory again once it
   * can be read, instead of the whole source). The objects' references are relative to the source
   * root, as in {@link #list}.
   *
   * @throws UnusableEntryException if it is still not a directory that can be listed
   * @throws UnsupportedOperationException if the source has no directories (the default)
   */
  default Listing listBelow(String reference, ListingListener listener) throws IOException {
    throw new UnsupportedOperationException("this source has no directories to list again");
  }

  /** Opens an object for reading from its first byte. */
  InputStream open(String reference) throws IOException;

  /**
   * Opens {@code length} bytes of an object starting at {@code offset}, for multipart parts read in
   * parallel. The stream ends early if the object is shorter than {@code offset + length}.
   *
   * @throws UnsupportedOperationException unless {@link SourceFeature#RANGED_READ} is present
   */
  InputStream open(String reference, long offset, long length) throws IOException;

  /**
   * Looks the object up again, so a worker can detect that it changed or vanished while it was
   * read. A missing object is not an error: the result says it does not exist.
   */
  ObjectStat stat(String reference) throws IOException;
}
