package io.ossimport.core.source;

import java.io.IOException;

/**
 * The listing itself described an object wrongly (e.g. a row of a URL list with too few columns or
 * a malformed URL), so there is nothing to read. The message names where (file and line) and what
 * is wrong. The worker records it as {@code BAD_LIST_ROW} and never retries it: the fix is in the
 * list, which a retry does not read again.
 */
public class BadSourceEntryException extends IOException {
  private static final long serialVersionUID = 1L;

  public BadSourceEntryException(String message) {
    super(message);
  }
}
