package io.ossimport.core.source;

/**
 * What an entry a listing meets is, when it is not an object to upload: either left alone by a rule
 * the user set ({@link #isRule()}: counted as skipped) or something that cannot be migrated
 * (counted as failed). Listings carry such entries into tasks and {@link Source#stat} reports them
 * again with an {@link UnusableEntryException}, so each ends as a failed or skipped object of the
 * job.
 */
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
  VANISHED,
  /**
   * A directory with nothing in it: OSS has no directories, and like the original ossimport no
   * object is made for it; it is counted as skipped by this documented rule.
   */
  EMPTY_DIRECTORY;

  /**
   * True for the entries a rule leaves alone on purpose (a symbolic link while {@code
   * isAllowSymbolicLink=false}, a link to a directory, never followed, an empty directory): the job
   * still succeeds.
   */
  public boolean isRule() {
    return this == SYMBOLIC_LINK_NOT_ALLOWED
        || this == SYMBOLIC_LINK_TO_DIRECTORY
        || this == EMPTY_DIRECTORY;
  }
}
