package io.ossimport.core.api;

/**
 * The operation conflicts with the jobs in the working directory: {@code submit} found a job of
 * that name already there (the message says to {@code clean} it first, or {@code start} to continue
 * it), or {@code stat}, {@code retry} or {@code clean} found no job of that name.
 */
public final class JobConflictException extends OssImportException {
  private static final long serialVersionUID = 1L;

  private final String jobName;

  public JobConflictException(String jobName, String message) {
    super(message);
    this.jobName = jobName;
  }

  /** The job the operation was about. */
  public String jobName() {
    return jobName;
  }
}
