package io.ossimport.core.source;

/** Why a listing skipped an entry; see {@link ListingListener}. */
public enum SkipReason {
  /** A symbolic link while {@code isAllowSymbolicLink=false}. */
  SYMBOLIC_LINK_NOT_ALLOWED,
  /** A symbolic link to a directory: never followed, so the walk cannot loop. */
  SYMBOLIC_LINK_TO_DIRECTORY,
  /** A symbolic link whose target is missing, or a chain of links that loops. */
  BROKEN_SYMBOLIC_LINK,
  /** A FIFO, socket or device: not a regular file. */
  SPECIAL_FILE,
  /** A directory that could not be listed (e.g. permission denied); its subtree is skipped. */
  UNREADABLE_DIRECTORY,
  /** An entry whose attributes could not be read (e.g. no search permission on its directory). */
  UNREADABLE_ENTRY,
  /** A name that is not valid in the platform file-name charset, so it cannot be opened. */
  UNDECODABLE_NAME,
  /** An entry that was listed by its directory but was gone when it was looked at. */
  VANISHED
}
