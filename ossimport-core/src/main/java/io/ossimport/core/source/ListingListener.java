package io.ossimport.core.source;

/**
 * Receives the entries a listing skips without listing them, so the master can turn them into log
 * events. The listings of this version report none (they list every entry, and the worker records
 * what cannot be migrated, see {@link SkipReason}); the interface stays for a source that must.
 * Called on the consuming thread, in stream order, once per entry (a resumed listing does not
 * repeat entries reported before its checkpoint).
 */
public interface ListingListener {

  /** A listener that drops every report. */
  ListingListener IGNORE = (reference, reason, detail) -> {};

  /**
   * An entry was not listed.
   *
   * @param reference the entry's path relative to the source root ({@code /} separators); for a
   *     name that could not be decoded it contains U+FFFD replacement characters
   * @param reason why it was skipped
   * @param detail a sentence for the log: what was found and, where there is one, the fix
   */
  void skipped(String reference, SkipReason reason, String detail);
}
