package io.ossimport.core.source.fanout;

import io.ossimport.core.source.SourceObject;
import java.io.IOException;

/**
 * What a {@link FanOutListing} needs of a store: one listing page of a prefix, and what the entries
 * of the pages are. Called from the listing's thread and from its background threads at once, so it
 * must be thread-safe.
 *
 * @param <E> what the store lists for one key
 */
public interface PrefixPages<E> {
  /**
   * One page of the keys under {@code prefix}, rolled up at {@code delimiter} unless it is null:
   * the page {@code token} asks for if it is not null, else the first page of the keys after {@code
   * after} (from the first key under the prefix if that is null too).
   *
   * @throws IOException naming the source and what to fix
   * @throws InterruptedException if the thread was interrupted, or the request aborted by one
   */
  Page<E> fetch(String prefix, String delimiter, String after, String token)
      throws IOException, InterruptedException;

  /** The full key of a listed entry. */
  String keyOf(E entry);

  /**
   * The object a listed entry is, by its {@code reference} (its key without the listed prefix,
   * never empty), or null if the listing leaves it out.
   */
  SourceObject toObject(E entry, String reference);

  /** The checkpoint after {@code lastConsumedKey} (null: nothing consumed yet). */
  String checkpoint(String lastConsumedKey);
}
