package io.ossimport.core.jobtree;

import java.io.IOException;

/**
 * A job-tree operation was refused or found the tree in a state it cannot use. The message names
 * the path involved and, where there is one, the fix.
 */
public class JobTreeException extends IOException {
  private static final long serialVersionUID = 1L;

  public JobTreeException(String message) {
    super(message);
  }

  public JobTreeException(String message, Throwable cause) {
    super(message, cause);
  }
}
