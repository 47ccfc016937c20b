package io.ossimport.core.jobtree;

/**
 * Why an object failed or was skipped, as written in {@code audit.log} and {@code error.list}. The
 * names are stable: operators grep for them (the original tool's {@code SIZE_NOT_MATCH} first). New
 * codes are added at the end.
 */
public enum ReasonCode {
  /** The source's size or mtime changed between the scan and the end of the upload. */
  SIZE_NOT_MATCH,
  /** The source object is gone. */
  SOURCE_NOT_FOUND,
  /** Reading the source failed (I/O error, permission, network of a remote source). */
  SOURCE_READ_ERROR,
  /** The destination key breaks OSS naming rules (empty, leading '/', too long, not UTF-8). */
  INVALID_KEY,
  /** OSS refused the credentials or the operation. */
  ACCESS_DENIED,
  /** The network failed (timeouts, resets) after the retry budget was spent. */
  NETWORK,
  /** OSS kept answering 5xx or throttling after the retry budget was spent. */
  SERVER_ERROR,
  /** The CRC-64 OSS computed differs from the one computed while reading the source. */
  CRC_NOT_MATCH,
  /** The object exists at the destination and skip-existing left it alone (SKIPPED lines). */
  EXISTS,
  /** The object is older than {@code importSince} (SKIPPED lines). */
  OLDER_THAN_IMPORT_SINCE,
  /** Anything not classified. */
  UNKNOWN,
  /** Audit: the object is not at the destination. */
  MISSING,
  /** Audit ({@code general}): the destination's Last-Modified is before the source's mtime. */
  MTIME_NOT_MATCH,
  /** Audit ({@code general}, {@code detailed}): the content type differs from the source's. */
  TYPE_NOT_MATCH,
  /** Audit ({@code general}, {@code detailed}): a user metadata value differs from the source's. */
  META_NOT_MATCH,
  /** Audit ({@code detailed}): the destination's plain-MD5 ETag differs from the source's MD5. */
  MD5_NOT_MATCH,
  /** Audit ({@code detailed}): the destination has neither a CRC-64 nor a plain-MD5 ETag. */
  NOT_VERIFIABLE,
  /** Audit: the source was modified after {@code lastModify}, so it is not verified (SKIPPED). */
  NEWER_THAN_LAST_MODIFY,
  /** A row of the source's list (srcType=http) is malformed: too few columns or a bad URL. */
  BAD_LIST_ROW,
  /** OSS answered {@code NoSuchBucket}: the destination (or source) bucket does not exist. */
  NO_SUCH_BUCKET,
  /**
   * The scan or the worker could not read the entry's attributes or content: permission denied (a
   * file without read permission, a directory without search permission above it).
   */
  SOURCE_UNREADABLE,
  /**
   * A directory that cannot be listed (permission denied, I/O error): nothing below it was
   * migrated. Its error.list line names the directory; {@code retry} lists it again.
   */
  UNREADABLE_DIRECTORY,
  /** A file name that is not valid in the JVM's file-name charset, so it cannot be opened. */
  UNDECODABLE_NAME,
  /** A FIFO, socket or device (or a symbolic link to one): not a regular file. */
  SPECIAL_FILE,
  /** A symbolic link ({@code isAllowSymbolicLink=true}) to a missing target, or a loop of links. */
  BROKEN_SYMBOLIC_LINK,
  /** A symbolic link while {@code isAllowSymbolicLink=false} (SKIPPED lines). */
  SYMBOLIC_LINK_NOT_ALLOWED,
  /** A symbolic link to a directory: never followed, so a walk cannot loop (SKIPPED lines). */
  SYMBOLIC_LINK_TO_DIRECTORY,
  /** A directory with nothing in it: no object is made for it, as the original (SKIPPED lines). */
  EMPTY_DIRECTORY,
  /** The relative path is excluded by the {@code include}/{@code exclude}/{@code filter} rules. */
  EXCLUDED_BY_FILTER,
  /** The object is smaller than {@code minSize} (SKIPPED lines). */
  SMALLER_THAN_MIN_SIZE,
  /** The object is larger than {@code maxSize} (SKIPPED lines). */
  LARGER_THAN_MAX_SIZE,
  /** The object was modified after {@code importUntil} (SKIPPED lines). */
  NEWER_THAN_IMPORT_UNTIL;

  /**
   * True for the codes of objects left alone on purpose by a rule (SKIPPED lines, {@code
   * skipped.list}), false for failures.
   */
  public boolean isSkipRule() {
    switch (this) {
      case EXISTS:
      case OLDER_THAN_IMPORT_SINCE:
      case NEWER_THAN_LAST_MODIFY:
      case SYMBOLIC_LINK_NOT_ALLOWED:
      case SYMBOLIC_LINK_TO_DIRECTORY:
      case EMPTY_DIRECTORY:
      case EXCLUDED_BY_FILTER:
      case SMALLER_THAN_MIN_SIZE:
      case LARGER_THAN_MAX_SIZE:
      case NEWER_THAN_IMPORT_UNTIL:
        return true;
      default:
        return false;
    }
  }

  /** The code of {@code name}; an unknown name (from a newer version) reads as {@link #UNKNOWN}. */
  public static ReasonCode parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
