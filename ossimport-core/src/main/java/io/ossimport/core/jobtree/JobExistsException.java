package io.ossimport.core.jobtree;

/** {@code submit} was refused because a job of that name is already in the working directory. */
public final class JobExistsException extends JobTreeException {
  private static final long serialVersionUID = 1L;

  public JobExistsException(String message) {
    super(message);
  }
}
